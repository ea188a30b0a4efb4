package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a branch that did not succeed stopped: the state it failed, was stopped or timed out in, and that state's
 * input and the workflow variables as they were when it began. RedriveExecution runs the machine on from there, with
 * the same input and variables, as AWS does. When that state is a Parallel or an inline Map, {@code branches} says
 * what became of each of its branches or iterations ({@link BranchOutcomes}), so that only the unsuccessful ones run
 * again; it is null for any other state.
 */
public record RedrivePoint(String state, JsonNode input, ObjectNode variables, ArrayNode branches) {

    public RedrivePoint(String state, JsonNode input, ObjectNode variables) {
        this(state, input, variables, null);
    }

    /** The point as JSON, with the points its failed branches stopped at inside it. */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("State", state);
        json.set("Input", input);
        json.set("Variables", variables);
        if (branches != null) {
            json.set("Branches", branches);
        }
        return json;
    }

    static RedrivePoint fromJson(JsonNode json) {
        JsonNode branches = json.path("Branches");
        return new RedrivePoint(json.path("State").asText(), json.path("Input"),
                json.path("Variables").isObject() ? (ObjectNode) json.path("Variables")
                        : JsonNodeFactory.instance.objectNode(),
                branches.isArray() ? (ArrayNode) branches : null);
    }
}
