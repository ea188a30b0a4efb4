package gluelab.cloud.services.scheduler.targets;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * EventBridge Scheduler's context attributes, which a target's Input may name and Scheduler fills in for each
 * invocation: {@code <aws.scheduler.schedule-arn>}, {@code <aws.scheduler.scheduled-time>},
 * {@code <aws.scheduler.execution-id>} and {@code <aws.scheduler.attempt-number>} (1 for the first attempt).
 */
public final class ContextAttributes {

    private ContextAttributes() {
    }

    /** {@code input} with every context attribute replaced; null stays null. */
    public static String fill(String input, String scheduleArn, Instant scheduledTime, String executionId, int attemptNumber) {
        if (input == null || !input.contains("<aws.scheduler.")) {
            return input;
        }
        return input.replace("<aws.scheduler.schedule-arn>", scheduleArn)
                .replace("<aws.scheduler.scheduled-time>", scheduledTime.truncatedTo(ChronoUnit.SECONDS).toString())
                .replace("<aws.scheduler.execution-id>", executionId)
                .replace("<aws.scheduler.attempt-number>", Integer.toString(attemptNumber));
    }
}
