package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What became of each branch of a Parallel state, or each iteration of an inline Map, in an attempt that failed: the
 * output of each that succeeded, and where each that failed or was aborted stopped. A redrive of the execution in
 * that state keeps the outputs and runs only the others, each from where it stopped (one that never started, from
 * its start): "RedriveExecution reschedules and redrives only the iterations and branches that failed or aborted".
 * As JSON (a {@link RedrivePoint}'s {@code branches}) each entry is {@code {"Output": ...}},
 * {@code {"RedriveFrom": point}} or null.
 */
final class BranchOutcomes {

    private static final String OUTPUT = "Output";
    private static final String REDRIVE_FROM = "RedriveFrom";

    private final JsonNode[] entries;

    private BranchOutcomes(int count) {
        this.entries = new JsonNode[count];
    }

    /** A record for {@code count} branches, each unknown until it ends. */
    static BranchOutcomes of(int count) {
        return new BranchOutcomes(count);
    }

    /**
     * What the last attempt left of {@code count} branches, when {@code point} is the redrive of this state; none
     * kept (every branch runs from its start) otherwise.
     */
    static BranchOutcomes previous(RedrivePoint point, int count) {
        BranchOutcomes outcomes = new BranchOutcomes(count);
        if (point != null && point.branches() != null && point.branches().size() == count) {
            for (int i = 0; i < count; i++) {
                JsonNode entry = point.branches().get(i);
                outcomes.entries[i] = entry.isObject() ? entry : null;
            }
        }
        return outcomes;
    }

    /** The output of branch {@code index} when it succeeded, else null. */
    JsonNode kept(int index) {
        JsonNode entry = entries[index];
        return entry != null && entry.has(OUTPUT) ? entry.get(OUTPUT) : null;
    }

    /** Where branch {@code index} stopped when it failed or was aborted; null to run it from its start. */
    RedrivePoint stoppedAt(int index) {
        JsonNode entry = entries[index];
        return entry != null && entry.has(REDRIVE_FROM) ? RedrivePoint.fromJson(entry.get(REDRIVE_FROM)) : null;
    }

    synchronized void succeeded(int index, JsonNode output) {
        entries[index] = JsonNodeFactory.instance.objectNode().set(OUTPUT, output);
    }

    /** Branch {@code index} failed or was aborted at {@code point} (null: before it entered a state). */
    synchronized void stopped(int index, RedrivePoint point) {
        entries[index] = point == null ? null : JsonNodeFactory.instance.objectNode().set(REDRIVE_FROM,
                point.toJson());
    }

    synchronized ArrayNode toJson() {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (JsonNode entry : entries) {
            json.add(entry == null ? JsonNodeFactory.instance.nullNode() : entry);
        }
        return json;
    }
}
