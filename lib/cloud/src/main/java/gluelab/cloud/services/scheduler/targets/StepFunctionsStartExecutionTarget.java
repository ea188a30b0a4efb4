package gluelab.cloud.services.scheduler.targets;

import gluelab.cloud.provider.Arn;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

/**
 * The templated Step Functions target: a state machine's ARN. Scheduler starts an execution with the target's Input
 * (or {@code {}}) as the schedule's role, which needs {@code states:StartExecution}, as on AWS.
 */
final class StepFunctionsStartExecutionTarget implements ScheduleTarget {

    private static final String STATES = "states";

    @Override
    public boolean accepts(String targetArn) {
        return Arn.parse(targetArn).filter(arn -> arn.service().equals(STATES)
                && arn.resourceType().equals("stateMachine")).isPresent();
    }

    @Override
    public void validate(Target target) {
        // Scheduler takes any state machine ARN; whether it exists shows when the schedule fires.
    }

    @Override
    public void deliver(TargetDelivery delivery) {
        StartExecutionRequest start = StartExecutionRequest.builder()
                .stateMachineArn(delivery.target().arn())
                .input(delivery.inputOr("{}"))
                .build();
        delivery.calls().call(STATES, delivery.scope(), delivery.principalArn(), start);
    }
}
