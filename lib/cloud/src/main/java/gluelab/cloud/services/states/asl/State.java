package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One state of a machine. Each type is its own class; what they share is here: the name, where it goes next
 * ({@code Next} or {@code End}), the input and output filters and ResultPath, and its history events
 * ({@code <Type>StateEntered}/{@code Exited}).
 */
public abstract class State {

    static final Set<String> COMMON = Set.of("Type", "Comment");

    private final String name;
    private final String type;
    final String next;
    final Fields.PathField inputPath;
    final Fields.PathField outputPath;

    State(String name, String type, Fields fields, boolean transitions, boolean filters) {
        this.name = name;
        this.type = type;
        if (transitions) {
            boolean end = fields.bool("End");
            this.next = fields.string("Next");
            if (end == (next != null)) {
                throw Fields.schema(end ? "A state cannot have both 'Next' and 'End'"
                        : "A state must have either 'Next' or 'End: true'", fields.location);
            }
        } else {
            this.next = null;
        }
        this.inputPath = filters ? fields.path("InputPath", false) : Fields.PathField.ROOT;
        this.outputPath = filters ? fields.path("OutputPath", false) : Fields.PathField.ROOT;
    }

    /** The fields every state with Next/End and filters has. */
    static Set<String> allowed(boolean transitions, boolean filters, String... more) {
        Set<String> allowed = new HashSet<>(COMMON);
        if (transitions) {
            allowed.addAll(List.of("Next", "End"));
        }
        if (filters) {
            allowed.addAll(List.of("InputPath", "OutputPath"));
        }
        allowed.addAll(List.of(more));
        return allowed;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    /** Names of states this one may go to. */
    List<String> targets() {
        return next == null ? List.of() : List.of(next);
    }

    /** Whether an execution may end in this state. */
    boolean terminal() {
        return next == null;
    }

    /** Runs the state on {@code input} in {@code branch}: its events, its work, and where it goes. */
    abstract Transition run(JsonNode input, Branch branch);

    long entered(Branch branch, JsonNode input) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("name", name);
        details.put("input", input.toString());
        details.putObject("inputDetails").put("truncated", false);
        return branch.record(type + "StateEntered", "stateEnteredEventDetails", details);
    }

    void exited(Branch branch, JsonNode output) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("name", name);
        details.put("output", output.toString());
        details.putObject("outputDetails").put("truncated", false);
        branch.record(type + "StateExited", "stateExitedEventDetails", details);
    }

    /** The input after InputPath: JSON null gives {}; a path that finds nothing is States.Runtime. */
    JsonNode effectiveInput(JsonNode input, JsonNode context) {
        return select(inputPath, "InputPath", input, context);
    }

    JsonNode effectiveOutput(JsonNode output, JsonNode context) {
        return select(outputPath, "OutputPath", output, context);
    }

    private static JsonNode select(Fields.PathField field, String fieldName, JsonNode data, JsonNode context) {
        if (field.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonPath path = field.path();
        return path.read(path.readsContext() ? context : data).orElseThrow(() -> StatesError.runtime(
                "Invalid path '" + path + "' : The " + fieldName + " '" + path
                        + "' could not be found in the input '" + data + "'"));
    }

    /** The state's output before OutputPath: {@code result} put where ResultPath says into the raw input. */
    static JsonNode placeResult(Fields.PathField resultPath, JsonNode rawInput, JsonNode result) {
        if (resultPath.isNull()) {
            return rawInput;
        }
        return resultPath.path().set(rawInput, result);
    }
}
