package gluelab.kernel.eval;

/**
 * Jupyter's convention, as in IPython: a cell whose last statement ends with a semicolon shows no result.
 * {@code lab.cleanUp();} runs quietly, while {@code lab.readTable(uri)} shows its table.
 */
final class ResultSuppression {

    private ResultSuppression() {
    }

    /** Whether the last character of code in {@code cell}, outside comments and literals, is a semicolon. */
    static boolean endsWithSemicolon(String cell) {
        char last = 0;
        int i = 0;
        int n = cell.length();
        while (i < n) {
            char c = cell.charAt(i);
            if (c == '/' && i + 1 < n && cell.charAt(i + 1) == '/') {
                int end = cell.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && cell.charAt(i + 1) == '*') {
                int end = cell.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (cell.startsWith("\"\"\"", i)) {
                int end = cell.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                last = '"';
            } else if (c == '"' || c == '\'') {
                i = endOfLiteral(cell, i, c);
                last = c;
            } else {
                if (!Character.isWhitespace(c)) {
                    last = c;
                }
                i++;
            }
        }
        return last == ';';
    }

    private static int endOfLiteral(String cell, int start, char quote) {
        int i = start + 1;
        while (i < cell.length()) {
            char c = cell.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }
}
