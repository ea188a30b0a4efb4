package gluelab.cloud.services.cloudtrail;

import gluelab.cloud.provider.RequestContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingResponse;
import software.amazon.awssdk.services.cloudtrail.model.StopLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.StopLoggingResponse;

/** StartLogging, StopLogging and GetTrailStatus: whether a trail logs, since when, and how its deliveries went. */
public final class TrailLoggingOperations {

    private final Trails trails;
    private final LogFileDelivery deliveries;

    TrailLoggingOperations(Trails trails, LogFileDelivery deliveries) {
        this.trails = trails;
        this.deliveries = deliveries;
    }

    public StartLoggingResponse startLogging(RequestContext context, StartLoggingRequest request) {
        Trails.Located located = trails.findToChange(context, request.name());
        Instant now = context.now();
        located.home().statuses.update(located.name(), status -> status.toBuilder().isLogging(true)
                .startLoggingTime(now).timeLoggingStarted(now.truncatedTo(ChronoUnit.SECONDS).toString()).build());
        deliveries.start(located.scope(), located.name());
        return StartLoggingResponse.builder().build();
    }

    public StopLoggingResponse stopLogging(RequestContext context, StopLoggingRequest request) {
        Trails.Located located = trails.findToChange(context, request.name());
        // The calls answered before this one are the trail's to log: let it hear them while it still logs.
        deliveries.awaitCallsHeard();
        Instant now = context.now();
        located.home().statuses.update(located.name(), status -> status.toBuilder().isLogging(false)
                .stopLoggingTime(now).timeLoggingStopped(now.truncatedTo(ChronoUnit.SECONDS).toString()).build());
        deliveries.stop(located.scope(), located.name());
        return StopLoggingResponse.builder().build();
    }

    public GetTrailStatusResponse getTrailStatus(RequestContext context, GetTrailStatusRequest request) {
        Trails.Located located = trails.find(context, request.name());
        return located.home().statuses.get(located.name());
    }
}
