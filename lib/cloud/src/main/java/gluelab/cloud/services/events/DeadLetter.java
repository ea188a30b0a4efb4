package gluelab.cloud.services.events;

import java.time.Instant;

/**
 * An event EventBridge gave up delivering, for the target's dead-letter queue, with the attributes AWS sends with it
 * ({@code ERROR_CODE}, {@code ERROR_MESSAGE}, {@code RULE_ARN}, {@code TARGET_ARN}, {@code RETRY_ATTEMPTS}). Kept
 * when its queue does not take it (no such queue, or its policy does not let EventBridge send).
 */
record DeadLetter(String id, String queueArn, String event, String errorCode, String errorMessage, String ruleArn,
                  String targetArn, int attempts, Instant time) {
}
