package gluelab.glue.worker;

import java.lang.reflect.InvocationTargetException;

/**
 * A failed run's ErrorMessage, as Glue writes it: the root cause's class and message, e.g.
 * {@code AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] …} or
 * {@code OutOfMemoryError: Java heap space}; a blocked exit reads {@code Job called System.exit(3)}.
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
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String text = className(root) + (message == null || message.isBlank() ? "" : ": " + message.strip());
        return text.length() > MAX ? text.substring(0, MAX) + " …" : text;
    }
}
