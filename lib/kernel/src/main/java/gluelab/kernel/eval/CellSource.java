package gluelab.kernel.eval;

import gluelab.kernel.text.JavaLines;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell split into what runs in order: Java code, and IJava-style magic lines ({@code %jars ...}). Offsets are
 * in the cell's own text so errors can point at the cell's lines.
 */
final class CellSource {

    sealed interface Segment permits JavaCode, Magic {
        int offset();
    }

    /** Java source of one or more snippets. */
    record JavaCode(String text, int offset) implements Segment {
    }

    /** A line such as {@code %jars lib/*.jar}; {@code cellMagic} for the {@code %%} form. */
    record Magic(String name, String arguments, boolean cellMagic, int offset, String line) implements Segment {
    }

    private CellSource() {
    }

    static List<Segment> parse(String cell) {
        JavaLines lines = JavaLines.of(cell);
        List<Segment> segments = new ArrayList<>();
        int codeStart = 0;
        for (int i = 0; i < lines.count(); i++) {
            String line = lines.line(i);
            String trimmed = line.strip();
            if (!lines.startsInCode(i) || !trimmed.startsWith("%")) {
                continue;
            }
            addCode(cell, codeStart, lines.lineStart(i), segments);
            boolean cellMagic = trimmed.startsWith("%%");
            String body = trimmed.substring(cellMagic ? 2 : 1);
            int space = indexOfWhitespace(body);
            String name = space < 0 ? body : body.substring(0, space);
            String arguments = space < 0 ? "" : body.substring(space).strip();
            segments.add(new Magic(name, arguments, cellMagic, lines.lineStart(i), line));
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

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
