package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.AwsServiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * Where an invocation goes when its retries are spent: the target's dead-letter queue, as AWS's dead-letter event,
 * whose body is the target's Input and whose message attributes say what failed ({@code ERROR_CODE},
 * {@code ERROR_MESSAGE}, {@code EXECUTION_ID}, {@code RETRY_ATTEMPTS}, {@code SCHEDULE_ARN}, {@code TARGET_ARN}).
 * Lab Cloud has no SQS yet, so the dead letter is recorded on the timeline, whole, for the SQS provider to send once
 * it exists. Without a dead-letter queue the invocation is dropped, as on AWS.
 */
final class DeadLetters {

    private final SchedulerTimeline timeline;

    DeadLetters(SchedulerTimeline timeline) {
        this.timeline = timeline;
    }

    void send(Invocation invocation, String input, AwsServiceException error) {
        Target target = invocation.schedule().target();
        if (target.deadLetterConfig() == null || target.deadLetterConfig().arn() == null) {
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ERROR_CODE", error.code());
        attributes.put("ERROR_MESSAGE", error.getMessage());
        attributes.put("EXECUTION_ID", invocation.executionId());
        attributes.put("RETRY_ATTEMPTS", Integer.toString(invocation.retries()));
        attributes.put("SCHEDULE_ARN", invocation.schedule().arn());
        attributes.put("TARGET_ARN", target.arn());
        timeline.deadLettered(invocation, target.deadLetterConfig().arn(), input == null ? "" : input, attributes);
    }
}
