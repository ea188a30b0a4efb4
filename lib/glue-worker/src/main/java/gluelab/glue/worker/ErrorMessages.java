package gluelab.glue.worker;

import java.lang.reflect.InvocationTargetException;

import org.apache.spark.SparkThrowable;

/**
 * A failed run's ErrorMessage, as Glue writes it: the root cause's class and message, e.g.
 * {@code AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] …} or
 * {@code OutOfMemoryError: Java heap space}; a blocked exit reads {@code Job called System.exit(3)}.
 * When the chain holds one of Spark's own errors (an error class such as
 * {@code [MALFORMED_RECORD_IN_PARSING]}) above the root cause, the deepest such error leads, since it is
 * Spark's message for the user (which record, which mode), and the root cause follows it.
 */
final class ErrorMessages {

    private static final int MAX = 4000;

    private ErrorMessages() {
    }

    /**
     * The class name the exception shows itself as: Spark's internal subclasses (such as
     * ExtendedAnalysisException) print as their public parent, AnalysisException.
     */
    private static String className(Throwable t) {
        String shown = t.toString();
        int colon = shown.indexOf(':');
        String prefix = colon > 0 ? shown.substring(0, colon) : shown;
        if (prefix.matches("[\\w.$]+")) {
            return prefix.substring(prefix.lastIndexOf('.') + 1);
        }
        return t.getClass().getSimpleName();
    }

    static ExitGuard.JobExitException exitIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExitGuard.JobExitException exit) {
                return exit;
            }
        }
        return null;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof InvocationTargetException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String of(Throwable failure) {
        ExitGuard.JobExitException exit = exitIn(failure);
        if (exit != null) {
            return exit.getMessage();
        }
        Throwable root = unwrap(failure);
        Throwable sparkError = null;
        while (true) {
            if (root instanceof SparkThrowable spark && spark.getErrorClass() != null) {
                sparkError = root;
            }
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        String text = sparkError == null || sparkError == root ? describe(root)
                : describe(sparkError) + " Caused by: " + describe(root);
        return text.length() > MAX ? text.substring(0, MAX) + " …" : text;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return className(t) + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }
}
