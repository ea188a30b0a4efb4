package gluelab.cloud.services.scheduler.targets;

import gluelab.cloud.services.scheduler.SchedulerErrors;
import java.util.List;
import software.amazon.awssdk.services.scheduler.model.Target;

/** Every kind of target Scheduler takes, each found by the target's ARN. */
public final class ScheduleTargets {

    private final List<ScheduleTarget> kinds = List.of(
            new UniversalTarget(),
            new LambdaInvokeTarget(),
            new EventBridgePutEventsTarget(),
            new SqsSendMessageTarget(),
            new StepFunctionsStartExecutionTarget(),
            new NotYetInLabCloudTarget());

    /** Refuses, with {@code ValidationException}, a target no kind takes or its kind does not accept. */
    public void validate(Target target) {
        kindOf(target).validate(target);
    }

    /** Delivers one attempt; a failure comes out as the target service's error. */
    public void deliver(TargetDelivery delivery) {
        kindOf(delivery.target()).deliver(delivery);
    }

    private ScheduleTarget kindOf(Target target) {
        return kinds.stream().filter(kind -> kind.accepts(target.arn())).findFirst()
                .orElseThrow(() -> SchedulerErrors.validation("Invalid target ARN " + target.arn() + ": name a "
                        + "templated target (a Lambda function, an event bus, an SQS queue, a state machine, ...) or a "
                        + "universal target, arn:aws:scheduler:::aws-sdk:<service>:<apiAction>."));
    }
}
