package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.ServiceRoleSessions;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

/**
 * A Step Functions state machine ({@code arn:aws:states:r:a:stateMachine:name}): EventBridge starts an execution
 * with the event (or the target's input) as its input, acting as the target's role, which must trust
 * {@code events.amazonaws.com} and allow {@code states:StartExecution}, as on AWS.
 */
public final class StateMachineTarget implements TargetKind {

    private final InternalCalls internal;
    private final ServiceRoleSessions roles;

    public StateMachineTarget(InternalCalls internal, ServiceRoleSessions roles) {
        this.internal = internal;
        this.roles = roles;
    }

    @Override
    public boolean delivers(Arn target) {
        return target.service().equals("states") && target.resourceType().equals("stateMachine");
    }

    @Override
    public void deliver(TargetDelivery delivery) throws DeliveryFailure {
        Arn machine = delivery.targetArn();
        String role = delivery.target().roleArn();
        if (role == null) {
            throw new DeliveryFailure(DeliveryFailure.NO_PERMISSIONS, "A state machine target needs a RoleArn", false);
        }
        try {
            String session = roles.session(role).assumedRoleArn().toString();
            internal.call("states", new Scope(machine.account(), machine.region()), session,
                    StartExecutionRequest.builder().stateMachineArn(machine.toString()).input(delivery.input())
                            .build());
        } catch (AwsServiceException refused) {
            throw ServiceCallFailures.of(refused);
        }
    }
}
