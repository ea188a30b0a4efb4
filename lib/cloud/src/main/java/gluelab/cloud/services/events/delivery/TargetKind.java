package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.Arn;

/**
 * One kind of target EventBridge delivers to, chosen by the target ARN's service: Lambda functions, event buses,
 * SQS queues, Step Functions state machines and Glue workflows. A kind calls its
 * service through {@code InternalCalls} as EventBridge would, so the target's own policy decides.
 */
public interface TargetKind {

    /** Whether this kind delivers to targets with this ARN. */
    boolean delivers(Arn target);

    /** Makes one attempt; returns when the target has accepted the event. */
    void deliver(TargetDelivery delivery) throws DeliveryFailure;
}
