package gluelab.cloud.services.scheduler.targets;

import gluelab.cloud.provider.Arn;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The templated SQS target: a queue's ARN. Scheduler sends the target's Input as one message, as the schedule's
 * role, which needs {@code sqs:SendMessage}; a FIFO queue gets {@code SqsParameters.MessageGroupId} and needs
 * content-based deduplication, as AWS requires.
 */
final class SqsSendMessageTarget implements ScheduleTarget {

    private static final String SQS = "sqs";

    @Override
    public boolean accepts(String targetArn) {
        return Arn.parse(targetArn).filter(arn -> arn.service().equals(SQS)).isPresent();
    }

    @Override
    public void validate(Target target) {
        // Scheduler takes any queue ARN; whether the queue exists shows when the schedule fires.
    }

    @Override
    public void deliver(TargetDelivery delivery) {
        Arn queue = Arn.parse(delivery.target().arn()).orElseThrow();
        var parameters = delivery.target().sqsParameters();
        SendMessageRequest send = SendMessageRequest.builder()
                .queueUrl("/" + queue.account() + "/" + queue.resource())
                .messageBody(delivery.inputOr("{}"))
                .messageGroupId(parameters == null ? null : parameters.messageGroupId())
                .build();
        delivery.calls().call(SQS, delivery.scope(), delivery.principalArn(), send);
    }
}
