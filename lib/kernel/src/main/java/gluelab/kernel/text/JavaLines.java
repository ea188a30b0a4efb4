package gluelab.kernel.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Java source split into lines, with the lexical facts line-oriented tools need: whether a line starts in
 * plain code (not inside a block comment, string or text block) and how deeply braces are nested there.
 * Magic lines and solution markers only count where they start in plain code, so a {@code %} at the start of
 * a text-block line is text, not a magic.
 */
public final class JavaLines {

    private enum State { CODE, LINE_COMMENT, BLOCK_COMMENT, STRING, CHAR, TEXT_BLOCK }

    private final String source;
    private final int[] lineStarts;
    private final boolean[] startsInCode;
    private final int[] braceDepthAtStart;

    private JavaLines(String source, int[] lineStarts, boolean[] startsInCode, int[] braceDepthAtStart) {
        this.source = source;
        this.lineStarts = lineStarts;
        this.startsInCode = startsInCode;
        this.braceDepthAtStart = braceDepthAtStart;
    }

    public static JavaLines of(String source) {
        List<Integer> starts = new ArrayList<>();
        List<Boolean> inCode = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        State state = State.CODE;
        int depth = 0;
        starts.add(0);
        inCode.add(true);
        depths.add(0);
        int length = source.length();
        for (int i = 0; i < length; i++) {
            char c = source.charAt(i);
            char next = i + 1 < length ? source.charAt(i + 1) : '\0';
            switch (state) {
                case CODE -> {
                    if (c == '/' && next == '/') {
                        state = State.LINE_COMMENT;
                        i++;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        i++;
                    } else if (source.startsWith("\"\"\"", i)) {
                        state = State.TEXT_BLOCK;
                        i += 2;
                    } else if (c == '"') {
                        state = State.STRING;
                    } else if (c == '\'') {
                        state = State.CHAR;
                    } else if (c == '{') {
                        depth++;
                    } else if (c == '}') {
                        depth = Math.max(0, depth - 1);
                    }
                }
                case LINE_COMMENT -> {
                    if (c == '\n') {
                        state = State.CODE;
                    }
                }
                case BLOCK_COMMENT -> {
                    if (c == '*' && next == '/') {
                        state = State.CODE;
                        i++;
                    }
                }
                case STRING, CHAR -> {
                    char quote = state == State.STRING ? '"' : '\'';
                    if (c == '\\') {
                        i++;
                    } else if (c == quote || c == '\n') {
                        state = State.CODE;
                    }
                }
                case TEXT_BLOCK -> {
                    if (c == '\\') {
                        i++;
                    } else if (source.startsWith("\"\"\"", i)) {
                        state = State.CODE;
                        i += 2;
                    }
                }
            }
            if (i < length && source.charAt(i) == '\n') {
                starts.add(i + 1);
                inCode.add(state == State.CODE);
                depths.add(depth);
            }
        }
        int[] lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        boolean[] codeStarts = new boolean[inCode.size()];
        for (int i = 0; i < codeStarts.length; i++) {
            codeStarts[i] = inCode.get(i);
        }
        return new JavaLines(source, lineStarts, codeStarts, depths.stream().mapToInt(Integer::intValue).toArray());
    }

    public int count() {
        return lineStarts.length;
    }

    /** The text of a line (0-based), without its line terminator. */
    public String line(int index) {
        int start = lineStarts[index];
        int end = index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : source.length();
        if (end > start && source.charAt(end - 1) == '\r') {
            end--;
        }
        return source.substring(start, end);
    }

    public int lineStart(int index) {
        return lineStarts[index];
    }

    /** The offset just past a line, including its terminator. */
    public int lineEnd(int index) {
        return index + 1 < lineStarts.length ? lineStarts[index + 1] : source.length();
    }

    public boolean startsInCode(int index) {
        return startsInCode[index];
    }

    public int braceDepthAtStart(int index) {
        return braceDepthAtStart[index];
    }

    /** The 0-based line that contains an offset. */
    public int lineOf(int offset) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
