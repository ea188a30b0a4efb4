package gluelab.cloud.services.logs.insights;

/**
 * A query string Logs Insights would not compile. {@code start} and {@code end} are the character offsets of the
 * offending text (AWS's {@code queryCompileError.location}); the message says what was found and where.
 */
public final class QuerySyntaxException extends RuntimeException {

    private final int start;
    private final int end;

    QuerySyntaxException(String message, int start, int end) {
        super(message, null, false, false);
        this.start = start;
        this.end = end;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }
}
