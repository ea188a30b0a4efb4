package gluelab.cloud.services.sqs;

import java.util.Map;
import java.util.TreeMap;

/**
 * A queue as stored: its name, its settable attributes (with their defaults filled in), its tags, and when it was
 * created, last changed and last purged (epoch millis on the lab clock; 0 for never purged).
 */
record QueueRecord(String name, Map<String, String> attributes, Map<String, String> tags, long created,
                   long lastModified, long lastPurged) {

    QueueRecord {
        attributes = new TreeMap<>(attributes);
        tags = new TreeMap<>(tags);
    }

    boolean fifo() {
        return name.endsWith(".fifo");
    }

    int intAttribute(String name) {
        return Integer.parseInt(attributes.get(name));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(attributes.get(name));
    }

    QueueRecord withAttributes(Map<String, String> changed, long now) {
        Map<String, String> merged = new TreeMap<>(attributes);
        changed.forEach((key, value) -> {
            if (value.isEmpty() && QueueAttributes.CLEARABLE.contains(key)) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return new QueueRecord(name, merged, tags, created, now, lastPurged);
    }

    QueueRecord withTags(Map<String, String> newTags) {
        return new QueueRecord(name, attributes, newTags, created, lastModified, lastPurged);
    }

    QueueRecord purgedAt(long now) {
        return new QueueRecord(name, attributes, tags, created, lastModified, now);
    }
}
