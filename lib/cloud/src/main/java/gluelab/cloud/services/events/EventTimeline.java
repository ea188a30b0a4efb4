package gluelab.cloud.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.events.EventBus;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Json;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * What EventBridge does, on Lab Cloud's timeline ({@code GET /_lab/events?service=events}), so a notebook can draw
 * upload → event → rule match → invocation: every match, every delivery, every failed attempt and every event given
 * up on. The resource is the rule's ARN resource ({@code rule/name} or {@code rule/bus/name}).
 */
final class EventTimeline {

    static final String RULE_MATCHED = "Rule Matched";
    static final String TARGET_DELIVERED = "Target Delivered";
    static final String DELIVERY_FAILED = "Target Delivery Failed";
    static final String DEAD_LETTERED = "Event Sent To Dead-Letter Queue";
    static final String DROPPED = "Event Dropped";

    private final EventBus bus;

    EventTimeline(EventBus bus) {
        this.bus = bus;
    }

    void matched(Scope scope, Arn rule, JsonNode event) {
        ObjectNode detail = about(rule, event);
        detail.put("source", event.path("source").asText());
        detail.put("detail-type", event.path("detail-type").asText());
        bus.publish(scope.account(), scope.region(), EventsProvider.SERVICE, RULE_MATCHED, rule.resource(), detail);
    }

    /** @param input what the target received */
    void delivered(Scope scope, Arn rule, Target target, JsonNode event, String input, int attempt) {
        ObjectNode detail = about(rule, event, target);
        detail.put("attempt", attempt);
        detail.put("input", input);
        bus.publish(scope.account(), scope.region(), EventsProvider.SERVICE, TARGET_DELIVERED, rule.resource(), detail);
    }

    void failed(Scope scope, Arn rule, Target target, JsonNode event, String input, int attempt, String code,
                String message, String nextAttempt) {
        ObjectNode detail = about(rule, event, target);
        detail.put("attempt", attempt);
        if (input != null) {
            detail.put("input", input);
        }
        detail.put("errorCode", code);
        detail.put("errorMessage", message);
        if (nextAttempt != null) {
            detail.put("nextAttempt", nextAttempt);
        }
        bus.publish(scope.account(), scope.region(), EventsProvider.SERVICE, DELIVERY_FAILED, rule.resource(), detail);
    }

    /** @param deadLetterQueue the target's queue, or null when it has none and the event is dropped */
    void gaveUp(Scope scope, Arn rule, Target target, JsonNode event, String code, String message,
                String deadLetterQueue) {
        ObjectNode detail = about(rule, event, target);
        detail.put("errorCode", code);
        detail.put("errorMessage", message);
        if (deadLetterQueue != null) {
            detail.put("deadLetterQueue", deadLetterQueue);
            detail.set("event", event);
        }
        bus.publish(scope.account(), scope.region(), EventsProvider.SERVICE,
                deadLetterQueue != null ? DEAD_LETTERED : DROPPED, rule.resource(), detail);
    }

    private static ObjectNode about(Arn rule, JsonNode event) {
        ObjectNode detail = Json.object();
        detail.put("rule", rule.toString());
        detail.put("eventId", event.path("id").asText());
        return detail;
    }

    private static ObjectNode about(Arn rule, JsonNode event, Target target) {
        ObjectNode detail = about(rule, event);
        detail.put("targetId", target.id());
        detail.put("targetArn", target.arn());
        return detail;
    }
}
