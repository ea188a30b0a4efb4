package gluelab.cloud.services.cloudtrail;

import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.state.Json;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Resource;

/**
 * LookupEvents: the management events of the caller's account and region ({@link EventHistory}), newest first,
 * filtered by at most one lookup attribute and a time range, in pages of up to 50.
 */
public final class EventHistoryOperations {

    private static final Pages.Limits LOOKUP = new Pages.Limits("maxResults", 50, 50);

    private final EventHistory history;

    EventHistoryOperations(EventHistory history) {
        this.history = history;
    }

    public LookupEventsResponse lookupEvents(RequestContext context, LookupEventsRequest request) {
        List<LookupAttribute> attributes = request.hasLookupAttributes() ? request.lookupAttributes() : List.of();
        if (attributes.size() > 1) {
            throw CloudTrailErrors.invalidLookupAttributes("You cannot specify more than one lookup attribute.");
        }
        if (request.eventCategoryAsString() != null) {
            throw CloudTrailErrors.invalidParameter("InvalidEventCategoryException",
                    "Lab Cloud's event history holds management events only; it has no Insights events.");
        }
        Instant start = request.startTime();
        Instant end = request.endTime();
        if (start != null && end != null && start.isAfter(end)) {
            throw CloudTrailErrors.invalidTimeRange();
        }
        Predicate<TrailEvent> wanted = attributes.isEmpty() ? e -> true : matching(attributes.get(0));
        List<TrailEvent> events = history.newestFirst(context.scope(), context.now()).stream()
                .filter(e -> start == null || !e.time().isBefore(start))
                .filter(e -> end == null || !e.time().isAfter(end))
                .filter(wanted)
                .toList();
        Pages.Page<TrailEvent> page = CloudTrailErrors.LOOKUP_PAGES.page(events,
                e -> String.format("%019d", Long.MAX_VALUE - e.sequence()), request.nextToken(), request.maxResults(), LOOKUP);
        return LookupEventsResponse.builder()
                .events(page.items().stream().map(EventHistoryOperations::event).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static Predicate<TrailEvent> matching(LookupAttribute attribute) {
        String value = attribute.attributeValue();
        if (attribute.attributeKeyAsString() == null || value == null) {
            throw CloudTrailErrors.invalidLookupAttributes("A lookup attribute needs an AttributeKey and an AttributeValue.");
        }
        return switch (attribute.attributeKeyAsString()) {
            case "EventId" -> e -> e.eventId().equals(value);
            case "EventName" -> e -> e.eventName().equals(value);
            case "ReadOnly" -> e -> Boolean.toString(e.readOnly()).equals(value);
            case "Username" -> e -> value.equals(e.username());
            case "ResourceType" -> e -> e.resources().stream().anyMatch(r -> r.type().equals(value));
            case "ResourceName" -> e -> e.resources().stream().anyMatch(r -> value.equals(r.name()));
            case "EventSource" -> e -> e.eventSource().equals(value);
            case "AccessKeyId" -> e -> value.equals(e.accessKeyId());
            default -> throw CloudTrailErrors.invalidLookupAttributes("Invalid lookup attribute key "
                    + attribute.attributeKeyAsString() + ": use EventId, EventName, ReadOnly, Username, ResourceType, "
                    + "ResourceName, EventSource or AccessKeyId.");
        };
    }

    private static Event event(TrailEvent event) {
        String record;
        try {
            record = Json.MAPPER.writeValueAsString(event.record().get());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Event.builder()
                .eventId(event.eventId())
                .eventName(event.eventName())
                .readOnly(Boolean.toString(event.readOnly()))
                .accessKeyId(event.accessKeyId())
                .eventTime(event.time())
                .eventSource(event.eventSource())
                .username(event.username())
                .resources(event.resources().stream().map(r -> Resource.builder().resourceType(r.type())
                        .resourceName(r.name()).build()).toList())
                .cloudTrailEvent(record)
                .build();
    }
}
