package gluelab.cloud.services.glue.tags;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** The tags of one Glue resource, kept by its ARN as Glue's tagging API addresses them. */
public record ResourceTags(Map<String, String> tags) {

    public static final ResourceTags NONE = new ResourceTags(Map.of());

    public ResourceTags {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** Whether every wanted tag is present with the same value (ListJobs, ListTriggers and ListCrawlers filter so). */
    public boolean containsAll(Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
    }

    /** These tags with {@code added} set, a key given again taking its new value (TagResource). */
    ResourceTags plus(Map<String, String> added) {
        Map<String, String> merged = new TreeMap<>(tags);
        merged.putAll(added);
        return new ResourceTags(merged);
    }

    /** These tags without {@code keys}; keys it does not have are ignored (UntagResource). */
    ResourceTags minus(Collection<String> keys) {
        Map<String, String> kept = new TreeMap<>(tags);
        keys.forEach(kept::remove);
        return new ResourceTags(kept);
    }
}
