package gluelab.cloud.services.lambda.execution;

/**
 * What a synchronous invocation answers, as Invoke returns it.
 *
 * @param payload       the function's response, or the error document ({@code errorMessage}, {@code errorType},
 *                      {@code stackTrace})
 * @param functionError {@code Unhandled} when the function failed, else null
 * @param logTail       the last 4 KB of the invocation's log, base64, when LogType=Tail was asked for; else null
 */
public record InvocationResult(byte[] payload, String functionError, String logTail, String executedVersion) {

    public static final String UNHANDLED = "Unhandled";

    public boolean failed() {
        return functionError != null;
    }
}
