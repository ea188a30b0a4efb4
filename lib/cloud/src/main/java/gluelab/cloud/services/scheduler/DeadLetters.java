package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Where an invocation goes when its retries are spent: the target's dead-letter queue, as AWS's dead-letter event,
 * whose body is the target's Input and whose message attributes say what failed ({@code ERROR_CODE},
 * {@code ERROR_MESSAGE}, {@code EXECUTION_ID}, {@code RETRY_ATTEMPTS}, {@code SCHEDULE_ARN}, {@code TARGET_ARN}).
 * It is sent as the schedule's execution role, which needs {@code sqs:SendMessage} on the queue, as on AWS, and is
 * also recorded on the timeline, whole, so one the queue refuses is not lost from sight. Without a dead-letter queue
 * the invocation is dropped, as on AWS.
 */
final class DeadLetters {

    private final SchedulerTimeline timeline;
    private final InternalCalls internal;

    DeadLetters(SchedulerTimeline timeline, InternalCalls internal) {
        this.timeline = timeline;
        this.internal = internal;
    }

    /** @param role the session of the schedule's execution role, or null when the role could not be taken on */
    void send(Invocation invocation, String input, AwsServiceException error, UnaryOperator<String> role) {
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
        Arn queue = Arn.parse(target.deadLetterConfig().arn()).orElse(null);
        if (queue == null || !internal.serves("sqs")) {
            return;
        }
        Map<String, MessageAttributeValue> messageAttributes = new LinkedHashMap<>();
        attributes.forEach((name, value) -> messageAttributes.put(name, MessageAttributeValue.builder()
                .dataType(name.equals("RETRY_ATTEMPTS") ? "Number" : "String")
                .stringValue(value == null || value.isEmpty() ? "-" : value).build()));
        try {
            internal.call("sqs", new Scope(queue.account(), queue.region()), role.apply(target.roleArn()),
                    SendMessageRequest.builder().queueUrl("/" + queue.account() + "/" + queue.resource())
                            .messageBody(input == null || input.isEmpty() ? "{}" : input)
                            .messageAttributes(messageAttributes).build());
        } catch (RuntimeException refused) {
            // The queue (or the role's permission on it) is missing: the timeline keeps the dead letter.
        }
    }
}
