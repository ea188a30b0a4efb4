package gluelab.cloud.services.lambda;

/**
 * An event accepted by an asynchronous Invoke and not yet done with, as Lambda's internal queue keeps it: durable, so
 * it survives a restart with {@code --state-dir}.
 *
 * @param qualifier      the version or alias the Invoke named; null for $LATEST (and in journals written before
 *                       qualifiers were kept)
 * @param enqueuedMillis when Invoke accepted it, on the lab clock: its age decides MaximumEventAgeInSeconds
 * @param attempts       how many times it has been run
 * @param dueMillis      when it is to be run next, on the lab clock
 */
record QueuedEvent(String requestId, String functionName, String qualifier, String payload, long enqueuedMillis,
                   int attempts, long dueMillis) {

    /** The function and qualifier the event was sent to. */
    FunctionName target() {
        return new FunctionName(functionName, qualifier);
    }

    QueuedEvent attempted(long nextDueMillis) {
        return new QueuedEvent(requestId, functionName, qualifier, payload, enqueuedMillis, attempts + 1, nextDueMillis);
    }

    QueuedEvent postponed(long nextDueMillis) {
        return new QueuedEvent(requestId, functionName, qualifier, payload, enqueuedMillis, attempts, nextDueMillis);
    }
}
