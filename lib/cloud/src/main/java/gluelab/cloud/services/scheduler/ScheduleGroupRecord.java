package gluelab.cloud.services.scheduler;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A schedule group as Lab Cloud keeps it: its name, when it was made and changed, and its tags. */
record ScheduleGroupRecord(String name, Instant created, Instant modified, Map<String, String> tags) {

    ScheduleGroupRecord {
        tags = new TreeMap<>(tags == null ? Map.of() : tags);
    }

    ScheduleGroupRecord withTags(Map<String, String> newTags, Instant now) {
        return new ScheduleGroupRecord(name, created, now, newTags);
    }
}
