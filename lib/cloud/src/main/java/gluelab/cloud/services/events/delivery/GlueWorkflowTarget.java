package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.ServiceRoleSessions;
import gluelab.cloud.state.Json;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.StartWorkflowRunRequest;

/**
 * A Glue workflow ({@code arn:aws:glue:r:a:workflow/name}): EventBridge tells Glue of the event with
 * {@code StartWorkflowRun} acting as the target's role, which must trust {@code events.amazonaws.com} and allow
 * {@code glue:notifyEvent}, as on AWS (NotifyEvent has no public API of its own: Glue authorizes a StartWorkflowRun
 * that carries event ids as notifyEvent). The event's id goes in the run property {@code aws:eventIds}, where Glue
 * keeps the ids of the events that started a run; Glue adds it to the batch of the workflow's EVENT trigger.
 */
public final class GlueWorkflowTarget implements TargetKind {

    private final InternalCalls internal;
    private final ServiceRoleSessions roles;

    public GlueWorkflowTarget(InternalCalls internal, ServiceRoleSessions roles) {
        this.internal = internal;
        this.roles = roles;
    }

    @Override
    public boolean delivers(Arn target) {
        return target.service().equals("glue") && target.resourceType().equals("workflow");
    }

    @Override
    public void deliver(TargetDelivery delivery) throws DeliveryFailure {
        Arn workflow = delivery.targetArn();
        String role = delivery.target().roleArn();
        if (role == null) {
            throw new DeliveryFailure(DeliveryFailure.NO_PERMISSIONS, "A Glue workflow target needs a RoleArn", false);
        }
        try {
            String session = roles.session(role).assumedRoleArn().toString();
            internal.call("glue", new Scope(workflow.account(), workflow.region()), session,
                    StartWorkflowRunRequest.builder().name(workflow.resourceId())
                            .runProperties(Map.of("aws:eventIds",
                                    Json.MAPPER.createArrayNode().add(delivery.event().path("id").asText()).toString()))
                            .build());
        } catch (AwsServiceException refused) {
            throw ServiceCallFailures.of(refused);
        }
    }
}
