package gluelab.cloud.services.lambda.execution;

/**
 * How an invocation's caller waits, which decides how long its log may wait for the handler's last lines: the
 * runtime's stdout and telemetry come through pipes that Lab Cloud drains on threads of its own, so a line the handler
 * printed can arrive after its result came over HTTP, and an unhandled exception is printed only after it was
 * reported. A successful invocation's log is taken as soon as the pipes are drained, which takes a millisecond or
 * two; the wait here is its limit, for output that keeps coming.
 */
public enum InvocationMode {

    /** Invoke with RequestResponse: the caller waits for the result only. */
    SYNCHRONOUS(false, 50),
    /** Invoke with LogType=Tail: the caller waits for the log's last lines too, so the wait is kept short. */
    SYNCHRONOUS_WITH_LOG_TAIL(true, 50),
    /** An event from Lambda's queue (Invoke with Event, a rule, a schedule): nobody waits, so the log waits longer. */
    ASYNCHRONOUS(false, 250);

    /** After an error, long enough for the runtime to print the exception it reported. */
    private static final long AFTER_ERROR_MILLIS = 250;

    private final boolean tail;
    private final long settleMillis;

    InvocationMode(boolean tail, long settleMillis) {
        this.tail = tail;
        this.settleMillis = settleMillis;
    }

    boolean tail() {
        return tail;
    }

    /** How long after the result the invocation's log is taken at the latest. */
    long settleMillis(boolean failed) {
        return failed ? Math.max(AFTER_ERROR_MILLIS, settleMillis) : settleMillis;
    }
}
