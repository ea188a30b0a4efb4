package gluelab.cloud.events;

import java.util.List;

/**
 * What AWS would put on the account's default EventBridge bus for an internal event: the event's {@code source}
 * ({@code aws.s3}, {@code aws.glue}) and {@code resources} (the ARNs it is about). The event's name is the
 * {@code detail-type} and its detail the {@code detail}; the publisher decides whether AWS would send it at all
 * (Glue always does, S3 only for buckets with EventBridge notifications on).
 */
public record DefaultBusEntry(String source, List<String> resources) {

    public DefaultBusEntry {
        resources = List.copyOf(resources);
    }

    public static DefaultBusEntry of(String source, String... resources) {
        return new DefaultBusEntry(source, List.of(resources));
    }
}
