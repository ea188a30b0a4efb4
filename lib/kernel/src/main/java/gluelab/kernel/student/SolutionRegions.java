package gluelab.kernel.student;

import gluelab.kernel.text.JavaLines;

import java.util.regex.Pattern;

/**
 * Replaces nbgrader-style solution regions in Java code: the lines from {@code // BEGIN SOLUTION} to
 * {@code // END SOLUTION} become {@code // YOUR CODE HERE} and a stub that fails, naming the exercise by the
 * region's first comment. The stub keeps the region's indentation and keeps the surrounding code compiling:
 * a plain {@code throw} where nothing follows in the block (or between top-level cell statements, which JShell
 * runs one by one), {@code if (true) throw} where statements follow and a bare throw would make them
 * unreachable.
 */
final class SolutionRegions {

    static final String YOUR_CODE_HERE = "// YOUR CODE HERE";

    private static final Pattern BEGIN = Pattern.compile("^\\s*//\\s*BEGIN SOLUTION\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*//\\s*END SOLUTION\\s*$");

    /** What the stub points the learner to, after the exercise's name. */
    enum Context {
        NOTEBOOK_CELL("(see the markdown above)"),
        LAB_SOURCE("(see the notebook)");

        private final String pointer;

        Context(String pointer) {
            this.pointer = pointer;
        }
    }

    record Result(String text, int regions) {
    }

    private SolutionRegions() {
    }

    static boolean hasMarkers(String text) {
        return text.contains("BEGIN SOLUTION") || text.contains("END SOLUTION");
    }

    static Result replace(String text, Context context, String where) throws UnbalancedSolutionMarkersException {
        JavaLines lines = JavaLines.of(text);
        StringBuilder out = new StringBuilder();
        int regions = 0;
        int openedAt = -1;
        String exercise = null;
        for (int i = 0; i < lines.count(); i++) {
            String line = lines.line(i);
            boolean marker = lines.startsInCode(i);
            if (marker && BEGIN.matcher(line).matches()) {
                if (openedAt >= 0) {
                    throw new UnbalancedSolutionMarkersException(where, i + 1,
                            "BEGIN SOLUTION inside the region opened at line " + (openedAt + 1) + "; regions cannot nest");
                }
                openedAt = i;
                exercise = null;
            } else if (marker && END.matcher(line).matches()) {
                if (openedAt < 0) {
                    throw new UnbalancedSolutionMarkersException(where, i + 1, "END SOLUTION without a BEGIN SOLUTION before it");
                }
                String indent = indentationOf(lines.line(openedAt));
                boolean topLevelCell = context == Context.NOTEBOOK_CELL && lines.braceDepthAtStart(openedAt) == 0;
                boolean bareThrow = topLevelCell || !statementsFollow(lines, i + 1);
                out.append(indent).append(YOUR_CODE_HERE).append('\n');
                out.append(indent).append(bareThrow ? "" : "if (true) ").append(stub(exercise, context)).append(lineEnding(lines, i));
                regions++;
                openedAt = -1;
            } else if (openedAt >= 0) {
                if (exercise == null && line.strip().startsWith("//")) {
                    exercise = line.strip().replaceFirst("^/+\\s*", "").strip();
                }
            } else {
                out.append(text, lines.lineStart(i), lines.lineEnd(i));
            }
        }
        if (openedAt >= 0) {
            throw new UnbalancedSolutionMarkersException(where, openedAt + 1, "BEGIN SOLUTION without an END SOLUTION after it");
        }
        return new Result(out.toString(), regions);
    }

    private static String stub(String exercise, Context context) {
        String name = exercise == null || exercise.isEmpty() ? "write this step" : exercise;
        String message = "Exercise: " + name + " " + context.pointer;
        return "throw new UnsupportedOperationException(\"" + javaStringContent(message) + "\");";
    }

    /** Whether a statement follows the region in its block (the next code line does not close the block). */
    private static boolean statementsFollow(JavaLines lines, int from) {
        for (int i = from; i < lines.count(); i++) {
            String next = lines.line(i).strip();
            if (next.isEmpty() || next.startsWith("//")) {
                continue;
            }
            return !next.startsWith("}");
        }
        return false;
    }

    private static String lineEnding(JavaLines lines, int index) {
        return lines.lineEnd(index) > lines.lineStart(index) + lines.line(index).length() ? "\n" : "";
    }

    private static String indentationOf(String line) {
        int end = 0;
        while (end < line.length() && (line.charAt(end) == ' ' || line.charAt(end) == '\t')) {
            end++;
        }
        return line.substring(0, end);
    }

    private static String javaStringContent(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
