package gluelab.cloud.services.scheduler.targets;

import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * One kind of EventBridge Scheduler target: which target ARNs it takes, what it requires of a target when a schedule
 * is created or updated, and how it delivers an invocation. A kind delivers by calling the target service's typed
 * operation through {@code InternalCalls} as the schedule's role, so IAM judges it; a delivery that fails throws the
 * service's error. Adding a templated target (SQS SendMessage, Step Functions StartExecution) is one more class.
 */
interface ScheduleTarget {

    /** Whether this kind delivers to {@code targetArn}. */
    boolean accepts(String targetArn);

    /** Refuses, with Scheduler's {@code ValidationException}, a target this kind cannot deliver to. */
    void validate(Target target);

    /** Delivers one attempt; returns normally on success. */
    void deliver(TargetDelivery delivery);
}
