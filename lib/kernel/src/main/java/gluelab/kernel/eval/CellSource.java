package gluelab.kernel.eval;

import gluelab.kernel.text.JavaLines;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell split into what runs in order: Java code, and IJava-style magic lines ({@code %jars ...}); or, when its
 * first line is a cell magic ({@code %%time}), that magic with the rest of the cell as its body. Offsets are in
 * the cell's own text so errors can point at the cell's lines.
 */
final class CellSource {

    sealed interface Segment permits JavaCode, LineMagic, CellMagic {
        int offset();
    }

    /** Java source of one or more snippets. */
    record JavaCode(String text, int offset) implements Segment {
    }

    /**
     * A line such as {@code %jars lib/*.jar}; {@code misplacedCellMagic} for a {@code %%} line that is not the
     * cell's first, which cannot run.
     */
    record LineMagic(String name, String arguments, int offset, int argumentsOffset, boolean misplacedCellMagic)
            implements Segment {
    }

    /** A cell that starts with {@code %%name arguments}: the magic takes the rest of the cell as its body. */
    record CellMagic(String name, String arguments, String body, int offset, int bodyOffset) implements Segment {
    }

    private CellSource() {
    }

    static List<Segment> parse(String cell) {
        JavaLines lines = JavaLines.of(cell);
        List<Segment> segments = new ArrayList<>();
        int codeStart = 0;
        boolean first = true;
        for (int i = 0; i < lines.count(); i++) {
            String line = lines.line(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || !lines.startsInCode(i)) {
                continue;
            }
            boolean firstLine = first;
            first = false;
            if (!trimmed.startsWith("%")) {
                continue;
            }
            boolean cellMagic = trimmed.startsWith("%%");
            int nameStart = lines.lineStart(i) + line.indexOf('%') + (cellMagic ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < lines.lineStart(i) + line.length() && !Character.isWhitespace(cell.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = cell.substring(nameStart, nameEnd);
            String rest = cell.substring(nameEnd, lines.lineStart(i) + line.length());
            String arguments = rest.strip();
            int argumentsOffset = nameEnd + (rest.length() - rest.stripLeading().length());
            if (cellMagic && firstLine) {
                int bodyOffset = lines.lineEnd(i);
                return List.of(new CellMagic(name, arguments, cell.substring(bodyOffset), lines.lineStart(i), bodyOffset));
            }
            addCode(cell, codeStart, lines.lineStart(i), segments);
            segments.add(new LineMagic(name, arguments, lines.lineStart(i), argumentsOffset, cellMagic));
            codeStart = lines.lineEnd(i);
        }
        addCode(cell, codeStart, cell.length(), segments);
        return segments;
    }

    private static void addCode(String cell, int start, int end, List<Segment> segments) {
        if (start < end && !cell.substring(start, end).isBlank()) {
            segments.add(new JavaCode(cell.substring(start, end), start));
        }
    }
}
