package gluelab.cloud.services.logs;

import java.util.Map;
import java.util.TreeMap;

/** A log group as the state store keeps it. */
record LogGroupRecord(
        String name,
        long creationTime,
        Integer retentionInDays,
        String kmsKeyId,
        String logGroupClass,
        Map<String, String> tags,
        Boolean deletionProtectionEnabled) {

    LogGroupRecord {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    LogGroupRecord withRetentionInDays(Integer days) {
        return new LogGroupRecord(name, creationTime, days, kmsKeyId, logGroupClass, tags, deletionProtectionEnabled);
    }

    LogGroupRecord withTags(Map<String, String> newTags) {
        return new LogGroupRecord(name, creationTime, retentionInDays, kmsKeyId, logGroupClass, new TreeMap<>(newTags),
                deletionProtectionEnabled);
    }
}
