package gluelab.cloud.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of the timeline: a signed API call ({@code kind = "api"}) or something a service did on its
 * own ({@code kind = "event"}), e.g. S3's "Object Created" or Glue's "Glue Job State Change".
 *
 * @param seq      position in the timeline, increasing
 * @param time     on the lab clock
 * @param name     the operation, or the event's detail-type
 * @param resource what it was about, e.g. {@code bucket/key} or a job name
 * @param status   the HTTP status of an API call, else null
 * @param detail   the event's detail (AWS's format for events that EventBridge will deliver)
 * @param defaultBus what AWS would put on the account's default event bus for this event, or null if nothing
 */
public record LabEvent(
        long seq,
        Instant time,
        String account,
        String region,
        String service,
        String kind,
        String name,
        String resource,
        Integer status,
        JsonNode detail,
        DefaultBusEntry defaultBus) {

    public static final String API = "api";
    public static final String EVENT = "event";
}
