package gluelab.cloud.services.scheduler.targets;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.services.scheduler.SchedulerErrors;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.scheduler.model.EventBridgeParameters;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * The templated EventBridge target: an event bus's ARN, with {@code EventBridgeParameters} (the event's source and
 * detail-type, both required). Scheduler puts one event on the bus whose detail is the target's Input ({@code {}} when
 * there is none) and whose resources name the schedule, as the schedule's role, which needs {@code events:PutEvents}.
 * An entry the bus refuses is a failed delivery.
 */
final class EventBridgePutEventsTarget implements ScheduleTarget {

    private static final String EVENTS = "events";

    @Override
    public boolean accepts(String targetArn) {
        return Arn.parse(targetArn).filter(arn -> arn.service().equals(EVENTS) && arn.resourceType().equals("event-bus"))
                .isPresent();
    }

    @Override
    public void validate(Target target) {
        if (target.eventBridgeParameters() == null) {
            throw SchedulerErrors.validation("EventBridgeParameters (Source and DetailType) are required for an "
                    + "EventBridge PutEvents target such as " + target.arn() + ".");
        }
    }

    @Override
    public void deliver(TargetDelivery delivery) {
        EventBridgeParameters parameters = delivery.target().eventBridgeParameters();
        PutEventsRequest put = PutEventsRequest.builder().entries(PutEventsRequestEntry.builder()
                .eventBusName(delivery.target().arn())
                .source(parameters.source())
                .detailType(parameters.detailType())
                .detail(delivery.inputOr("{}"))
                .resources(delivery.scheduleArn())
                .build()).build();
        PutEventsResponse response = delivery.calls().call(EVENTS, delivery.scope(), delivery.principalArn(), put);
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            PutEventsResultEntry refused = response.entries().get(0);
            throw AwsServiceException.client(refused.errorCode(), refused.errorMessage());
        }
    }
}
