package gluelab.cloud.services.cloudtrail;

import gluelab.cloud.events.ApiCall;
import gluelab.cloud.events.DefaultBusEntry;
import gluelab.cloud.events.EventBus;
import gluelab.cloud.provider.Scope;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;

/**
 * What CloudTrail does with every API call Lab Cloud answers: a management event goes to the event history; an
 * event a logging trail's selectors cover goes to that trail's next log file; and a data event some trail logs goes,
 * once, to the default event bus as "AWS API Call via CloudTrail" with the record as its detail (source
 * {@code aws.<service>}, e.g. {@code aws.s3}), which is how EventBridge rules see S3's object-level calls through
 * CloudTrail.
 */
final class CloudTrailRecorder {

    static final String DETAIL_TYPE = "AWS API Call via CloudTrail";

    private final TrailEvents events;
    private final Trails trails;
    private final EventHistory history;
    private final LogFileDelivery deliveries;
    private final EventBus bus;

    CloudTrailRecorder(TrailEvents events, Trails trails, EventHistory history, LogFileDelivery deliveries, EventBus bus) {
        this.events = events;
        this.trails = trails;
        this.history = history;
        this.deliveries = deliveries;
        this.bus = bus;
    }

    void record(ApiCall call) {
        Optional<TrailEvent> recorded = events.of(call);
        if (recorded.isEmpty()) {
            return;
        }
        TrailEvent event = recorded.get();
        if (event.management()) {
            history.add(event);
        }
        boolean logged = false;
        for (Trails.Located trail : trails.visible(new Scope(event.account(), event.region()), true)) {
            GetTrailStatusResponse status = trail.home().statuses.get(trail.name());
            if (status != null && Boolean.TRUE.equals(status.isLogging())
                    && EventSelection.logs(trail.home().selectors.get(trail.name()), event)) {
                deliveries.add(trail, event);
                logged = true;
            }
        }
        if (logged && !event.management()) {
            String service = event.eventSource().substring(0, event.eventSource().indexOf('.'));
            TrailEvent.Resource resource = event.dataResource();
            String name = resource.type().equals("AWS::S3::Object")
                    ? resource.arn().substring("arn:aws:s3:::".length()) : resource.name();
            // AWS puts CloudTrail's events on the default bus with no resources: rules match on the detail.
            bus.publish(event.account(), event.region(), service, DETAIL_TYPE, name, event.record().get(),
                    DefaultBusEntry.of("aws." + service));
        }
    }
}
