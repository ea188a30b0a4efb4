package gluelab.cloud.services.glue.jobs;

import java.util.Map;

/** The tags of one job or trigger, kept by its ARN as Glue's tagging API addresses them. */
public record ResourceTags(Map<String, String> tags) {

    public ResourceTags {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** Whether every requested tag is present with the same value (ListJobs and ListTriggers filter this way). */
    public boolean containsAll(Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
    }
}
