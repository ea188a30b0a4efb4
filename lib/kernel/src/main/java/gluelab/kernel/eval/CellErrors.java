package gluelab.kernel.eval;

import gluelab.kernel.text.JavaLines;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns what went wrong in a cell into the error a learner reads: the real exception with only the frames of
 * their own code, or the compiler's diagnostic with the offending line and a caret. Names read as the learner
 * wrote them, never as JShell's wrapper classes ({@link SyntheticNames}).
 */
final class CellErrors {

    static final String COMPILATION_ERROR = "CompilationError";
    static final String INTERRUPTED = "Interrupted";
    static final String MAGIC_ERROR = "MagicError";

    private static final int MAX_DIAGNOSTICS = 5;

    private final SnippetOrigins origins;

    CellErrors(SnippetOrigins origins) {
        this.origins = origins;
    }

    /** An exception thrown by cell code, with its causes; frames outside the notebook's own code are left out. */
    CellError exception(EvalException exception) {
        List<String> traceback = new ArrayList<>();
        Throwable current = exception;
        boolean first = true;
        while (current != null) {
            String header = headerOf(current);
            traceback.add(first ? header : "Caused by: " + header);
            for (StackTraceElement frame : current.getStackTrace()) {
                if (frame.getFileName() != null && frame.getFileName().startsWith("#")) {
                    traceback.add("\tat " + describe(frame));
                }
            }
            first = false;
            current = current.getCause() == current ? null : current.getCause();
        }
        return new CellError(classNameOf(exception), messageOf(exception), traceback);
    }

    /** The compiler rejected a snippet: each error with its line and a caret under the offending code. */
    CellError compilation(JShell jshell, Snippet snippet, SourceOrigin origin, int snippetOffset) {
        List<Diag> errors = jshell.diagnostics(snippet).filter(Diag::isError).limit(MAX_DIAGNOSTICS).toList();
        if (errors.isEmpty()) {
            return new CellError(COMPILATION_ERROR, "the code was rejected", List.of(origin.label() + ": the code was rejected"));
        }
        JavaLines lines = JavaLines.of(origin.text());
        List<String> traceback = new ArrayList<>();
        for (Diag diag : errors) {
            List<String> message = messageLines(diag);
            int start = snippetOffset + (int) Math.max(0, diag.getStartPosition());
            int end = snippetOffset + (int) Math.max(diag.getStartPosition(), diag.getEndPosition());
            int lineIndex = lines.lineOf(Math.min(start, origin.text().length()));
            traceback.add(origin.label() + ", line " + (lineIndex + 1) + ": " + message.get(0));
            message.stream().skip(1).map(extra -> "  " + extra).forEach(traceback::add);
            String line = lines.line(lineIndex);
            int column = Math.min(start - lines.lineStart(lineIndex), line.length());
            int width = Math.max(1, Math.min(end, lines.lineStart(lineIndex) + line.length()) - start);
            traceback.add("    " + line);
            traceback.add("    " + indentLike(line, column) + "^".repeat(width));
        }
        String evalue = String.join("; ", messageLines(errors.get(0)));
        return new CellError(COMPILATION_ERROR, evalue, traceback);
    }

    /** Code that uses a declaration which itself depends on something not declared yet. */
    CellError unresolved(String what, List<String> missing) {
        String evalue = what + " cannot be used until " + String.join(", ", missing)
                + (missing.size() == 1 ? " is" : " are") + " declared";
        return new CellError("UnresolvedReferenceException", evalue, List.of("UnresolvedReferenceException: " + evalue));
    }

    static CellError interrupted(String reason) {
        String evalue = "execution was interrupted" + (reason == null ? "" : ": " + reason);
        return new CellError(INTERRUPTED, evalue, List.of(INTERRUPTED + ": " + evalue));
    }

    /** The cell's value could not be shown: its {@code toString()} or {@code toMimeBundle()} threw. */
    static CellError rendering(RuntimeException exception) {
        String ename = classNameOf(exception);
        String evalue = exception.getMessage() == null ? "" : messageOf(exception);
        return new CellError(ename, evalue, List.of(ename + (evalue.isEmpty() ? "" : ": " + evalue),
                "\twhile showing the value of the cell's last expression"));
    }

    static CellError magic(String message) {
        return new CellError(MAGIC_ERROR, message, List.of(MAGIC_ERROR + ": " + message));
    }

    private String describe(StackTraceElement frame) {
        String method = frame.getMethodName();
        if (method.startsWith("lambda$")) {
            method = "lambda";
        }
        String className = SyntheticNames.readable(frame.getClassName());
        String where = className.isEmpty() ? method : className + (method.isEmpty() ? "" : "." + method);
        String snippetId = frame.getFileName().substring(1);
        String location = origins.find(snippetId)
                .map(placement -> placement.origin().label() + ", line " + placement.originLine(frame.getLineNumber()))
                .orElse("snippet " + snippetId + ", line " + frame.getLineNumber());
        return where.isEmpty() ? location : where + "(" + location + ")";
    }

    private static String headerOf(Throwable throwable) {
        String message = messageOf(throwable);
        return classNameOf(throwable) + (message == null ? "" : ": " + message);
    }

    private static String messageOf(Throwable throwable) {
        return SyntheticNames.readable(throwable.getMessage());
    }

    private static String classNameOf(Throwable throwable) {
        return SyntheticNames.readable(throwable instanceof EvalException eval ? eval.getExceptionClassName() : throwable.getClass().getName());
    }

    /** The diagnostic's lines, minus javac's "location:" line, which names JShell's wrapper classes. */
    private static List<String> messageLines(Diag diag) {
        List<String> lines = diag.getMessage(Locale.ROOT).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("location:"))
                .map(line -> SyntheticNames.readable(line.replaceAll("\\s{2,}", " ")))
                .collect(Collectors.toList());
        return lines.isEmpty() ? List.of("error") : lines;
    }

    private static String indentLike(String line, int column) {
        StringBuilder indent = new StringBuilder();
        for (int i = 0; i < column; i++) {
            indent.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return indent.toString();
    }
}
