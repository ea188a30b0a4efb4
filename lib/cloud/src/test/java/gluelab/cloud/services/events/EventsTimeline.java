package gluelab.cloud.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.services.glue.jobs.GlueLabSupport;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What EventBridge recorded on the timeline, read through {@code GET /_lab/events} as a notebook reads it. */
final class EventsTimeline {

    private EventsTimeline() {
    }

    /** EventBridge's entries named {@code name} whose detail satisfies {@code wanted}, oldest first. */
    static List<JsonNode> entries(RunningLabCloud cloud, String name, Predicate<JsonNode> wanted) {
        List<JsonNode> found = new ArrayList<>();
        GlueLabSupport.get(cloud, "/_lab/events?service=events&limit=10000").path("events").forEach(e -> {
            if (e.path("name").asText().equals(name) && wanted.test(e.path("detail"))) {
                found.add(e);
            }
        });
        return found;
    }

    /** Waits (up to ten seconds) until there are at least {@code count} such entries; returns them. */
    static List<JsonNode> await(RunningLabCloud cloud, String name, int count, Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<JsonNode> found = entries(cloud, name, wanted);
            if (found.size() >= count || System.nanoTime() > deadline) {
                return found;
            }
            GlueLabSupport.sleep(20);
        }
    }

    static Predicate<JsonNode> forRule(String ruleArn) {
        return detail -> detail.path("rule").asText().equals(ruleArn);
    }
}
