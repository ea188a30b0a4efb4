package gluelab.cloud.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * AWS's envelope of an event on a bus: {@code version}, {@code id}, {@code detail-type}, {@code source},
 * {@code account}, {@code time} (ISO-8601 in whole seconds, UTC), {@code region}, {@code resources} and
 * {@code detail}, in that order, as EventBridge writes it.
 */
final class EventEnvelope {

    static final String SCHEDULED_EVENT = "Scheduled Event";

    private EventEnvelope() {
    }

    static ObjectNode of(Scope scope, String detailType, String source, Instant time, List<String> resources,
                         JsonNode detail) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", scope.account());
        event.put("time", time(time));
        event.put("region", scope.region());
        ArrayNode list = event.putArray("resources");
        resources.forEach(list::add);
        event.set("detail", detail == null ? Json.object() : detail);
        return event;
    }

    /** The event a scheduled rule sends at each fire time. */
    static ObjectNode scheduled(Scope scope, String ruleArn, Instant fireTime) {
        return of(scope, SCHEDULED_EVENT, "aws.events", fireTime, List.of(ruleArn), Json.object());
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
