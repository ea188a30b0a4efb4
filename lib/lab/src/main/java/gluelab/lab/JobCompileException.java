package gluelab.lab;

import java.util.List;

/**
 * The Java sources of a lab do not compile. The message lists each error as javac would:
 * {@code labs/01-csv-to-parquet/CsvToParquet.java:12: error: cannot find symbol}, the line, a caret under
 * the spot, and the details.
 */
public final class JobCompileException extends RuntimeException {

    private final List<String> errors;

    public JobCompileException(String message, List<String> errors) {
        super(message);
        this.errors = List.copyOf(errors);
        setStackTrace(new StackTraceElement[0]);
    }

    /** Each error on its own, as in the message. */
    public List<String> errors() {
        return errors;
    }
}
