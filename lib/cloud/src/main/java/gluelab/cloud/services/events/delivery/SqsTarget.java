package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.InternalCalls;
import software.amazon.awssdk.services.eventbridge.model.SqsParameters;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * An SQS queue: the input is sent as one message with {@code SendMessage}, as EventBridge's service principal on
 * behalf of the rule, so the queue's policy decides, as on AWS. A FIFO queue gets the target's
 * {@code SqsParameters.MessageGroupId}, and needs content-based deduplication, as AWS requires.
 */
public final class SqsTarget implements TargetKind {

    private final InternalCalls internal;

    public SqsTarget(InternalCalls internal) {
        this.internal = internal;
    }

    @Override
    public boolean delivers(Arn target) {
        return target.service().equals("sqs");
    }

    @Override
    public void deliver(TargetDelivery delivery) throws DeliveryFailure {
        Arn queue = delivery.targetArn();
        SqsParameters parameters = delivery.target().sqsParameters();
        SendMessageRequest send = SendMessageRequest.builder()
                .queueUrl("/" + queue.account() + "/" + queue.resource())
                .messageBody(delivery.input())
                .messageGroupId(parameters == null ? null : parameters.messageGroupId())
                .build();
        EventBridgePrincipal.call(internal, queue, delivery.rule(), send);
    }
}
