package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import software.amazon.awssdk.services.eventbridge.model.SqsParameters;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * An SQS queue: the input is sent as one message with {@code SendMessage}, as the service principal
 * {@code events.amazonaws.com} on behalf of the rule, so the queue's policy decides, as on AWS. A FIFO queue gets
 * the target's {@code SqsParameters.MessageGroupId}, and needs content-based deduplication, as AWS requires.
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
        if (!internal.serves("sqs")) {
            throw ServiceCallFailures.notAvailable("sqs");
        }
        Arn queue = delivery.targetArn();
        SqsParameters parameters = delivery.target().sqsParameters();
        SendMessageRequest send = SendMessageRequest.builder()
                .queueUrl("/" + queue.account() + "/" + queue.resource())
                .messageBody(delivery.input())
                .messageGroupId(parameters == null ? null : parameters.messageGroupId())
                .build();
        try {
            internal.callAsService("sqs", new Scope(queue.account(), queue.region()), LambdaTarget.SERVICE_PRINCIPAL,
                    delivery.rule(), send);
        } catch (AwsServiceException refused) {
            throw ServiceCallFailures.of(refused);
        }
    }
}
