package gluelab.cloud.services.events;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.events.delivery.EventBridgePrincipal;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends an event EventBridge gave up on to its target's dead-letter queue, as AWS does: the event as the body, why
 * as message attributes ({@code ERROR_CODE}, {@code ERROR_MESSAGE}, {@code RULE_ARN}, {@code TARGET_ARN},
 * {@code RETRY_ATTEMPTS}), sent as {@code events.amazonaws.com} for the rule, so the queue's policy decides.
 */
final class DeadLetterQueue {

    private final InternalCalls internal;

    DeadLetterQueue(InternalCalls internal) {
        this.internal = internal;
    }

    /** Whether the queue took it; when not (no such queue, its policy refuses), the caller keeps the dead letter. */
    boolean send(DeadLetter letter) {
        Arn queue = Arn.parse(letter.queueArn()).orElse(null);
        if (queue == null || !internal.serves("sqs")) {
            return false;
        }
        SendMessageRequest send = SendMessageRequest.builder()
                .queueUrl("/" + queue.account() + "/" + queue.resource())
                .messageBody(letter.event())
                .messageAttributes(Map.of(
                        "ERROR_CODE", text(letter.errorCode()),
                        "ERROR_MESSAGE", text(letter.errorMessage()),
                        "RULE_ARN", text(letter.ruleArn()),
                        "TARGET_ARN", text(letter.targetArn()),
                        "RETRY_ATTEMPTS", MessageAttributeValue.builder().dataType("Number")
                                .stringValue(String.valueOf(letter.attempts() - 1)).build()))
                .build();
        try {
            internal.callAsService("sqs", new Scope(queue.account(), queue.region()), EventBridgePrincipal.SERVICE_PRINCIPAL,
                    Arn.parse(letter.ruleArn()).orElseThrow(), send);
            return true;
        } catch (AwsServiceException refused) {
            return false;
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value == null || value.isEmpty()
                ? "-" : value).build();
    }
}
