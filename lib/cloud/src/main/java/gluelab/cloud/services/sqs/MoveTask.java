package gluelab.cloud.services.sqs;

/**
 * A message move task (StartMessageMoveTask): from a dead-letter queue to {@code destinationArn}, or when that is
 * null to each message's own source queue. Lab Cloud moves every message at once, so a task is COMPLETED when
 * StartMessageMoveTask answers.
 */
record MoveTask(String taskHandle, String sourceArn, String destinationArn, Integer maxNumberOfMessagesPerSecond,
                String status, long approximateNumberOfMessagesMoved, long approximateNumberOfMessagesToMove,
                long started) {
}
