package gluelab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of Lab Cloud's event timeline ({@code GET /_lab/events}): a signed API call
 * ({@code kind = "api"}, {@code name} is the operation, {@code status} the HTTP status) or something a
 * service did by itself ({@code kind = "event"}, e.g. {@code Object Created}, {@code Glue Job State Change}).
 *
 * @param seq      position in the timeline, increasing
 * @param time     when it happened on the lab clock
 * @param account  the AWS account it happened in
 * @param region   the region it happened in
 * @param service  the service, e.g. {@code s3}, {@code glue}
 * @param kind     {@code api} or {@code event}
 * @param name     the operation or event name
 * @param resource what it was about, e.g. {@code bucket/key} or a job name; may be null
 * @param status   the HTTP status of an API call; null for events
 * @param detail   the event's detail; null for API calls
 */
public record TimelineEvent(long seq, Instant time, String account, String region, String service, String kind,
                            String name, String resource, Integer status, JsonNode detail) {

    public boolean isApiCall() {
        return "api".equals(kind);
    }

    public boolean isEvent() {
        return "event".equals(kind);
    }
}
