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

    static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage", "Output", "Assign");
    /** The fields of JSONPath's processing, which a JSONata state has no use for. */
    private static final List<String> JSONPATH_ONLY = List.of("InputPath", "OutputPath", "Parameters",
            "ResultSelector", "ResultPath", "ItemsPath", "Result", "SecondsPath", "TimestampPath",
            "ToleratedFailureCountPath", "ToleratedFailurePercentagePath");
    private static final List<String> JSONATA_ONLY = List.of("Arguments", "Output", "Condition", "Items");

    private final String name;
    private final String type;
    final String next;
    final Fields.PathField inputPath;
    final Fields.PathField outputPath;
    /** Whether the state's query language is JSONata ({@code $states}, {@code {% %}}) rather than JSONPath. */
    final boolean jsonata;
    private final JsonataTemplate output;
    private final JsonataTemplate assign;
    /** A JSONPath state's Assign: values, or {@code .$} paths and calls, read after the state's work. */
    private final PayloadTemplate assignPaths;

    State(String name, String type, Fields fields, boolean transitions, boolean filters) {
        this.name = name;
        this.type = type;
        this.jsonata = queryLanguage(type, fields);
        this.output = jsonata && fields.has("Output") ? new JsonataTemplate(fields.raw("Output"), fields.at("Output"))
                : null;
        this.assign = jsonata ? jsonataField(fields, "Assign") : null;
        this.assignPaths = jsonata ? null : jsonPathAssign(fields);
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

    /**
     * The state's query language: its own QueryLanguage, else the machine's. A JSONata machine's states cannot go
     * back to JSONPath, and each language refuses the other's fields.
     */
    private static boolean queryLanguage(String type, Fields fields) {
        String language = fields.string("QueryLanguage");
        if (language != null && !language.equals("JSONPath") && !language.equals("JSONata")) {
            throw Fields.schema("The value for the field 'QueryLanguage' must be one of [JSONPath, JSONata]",
                    fields.at("QueryLanguage"));
        }
        if (fields.jsonataByDefault() && "JSONPath".equals(language)) {
            throw Fields.schema("A state cannot set 'QueryLanguage' to JSONPath when the state machine's is JSONata",
                    fields.at("QueryLanguage"));
        }
        boolean jsonata = language == null ? fields.jsonataByDefault() : language.equals("JSONata");
        for (String field : jsonata ? JSONPATH_ONLY : JSONATA_ONLY) {
            if (fields.has(field)) {
                throw Fields.schema("The field '" + field + "' is not supported for the "
                        + (jsonata ? "JSONata" : "JSONPath") + " query language", fields.at(field));
            }
        }
        return jsonata;
    }

    /** {@code $states} for a JSONata field: the state's input and context object, and {@code extra} members. */
    static ObjectNode statesVariable(JsonNode input, JsonNode context) {
        ObjectNode states = JsonNodeFactory.instance.objectNode();
        states.set("input", input);
        states.set("context", context);
        return states;
    }

    /**
     * A JSONata state's output: its Output evaluated, or {@code otherwise}; its Assign sets variables. Both see
     * {@code $states} and the variables as they were before the state, as on AWS.
     */
    JsonNode jsonataOutput(Branch branch, ObjectNode states, JsonNode otherwise) {
        return outputAndAssign(output, assign, branch, states, otherwise);
    }

    /**
     * An Output and an Assign (a state's, a catcher's, a Choice rule's; either may be null): the output, or
     * {@code otherwise} without one; the variables set. Both see the variables as they were before.
     */
    static JsonNode outputAndAssign(JsonataTemplate output, JsonataTemplate assign, Branch branch, ObjectNode states,
                                    JsonNode otherwise) {
        return outputAndAssign(output, assign, branch, states, branch.variables(), otherwise);
    }

    /** The same, over the variables {@code before} (as they were before the state began to assign). */
    static JsonNode outputAndAssign(JsonataTemplate output, JsonataTemplate assign, Branch branch, ObjectNode states,
                                    ObjectNode before, JsonNode otherwise) {
        JsonNode result = output == null ? otherwise : output.apply(states, before);
        if (assign != null) {
            branch.assign(assign.apply(states, before));
        }
        return result;
    }

    /** A JSONata Output or Assign field of {@code fields} (a catcher's, a Choice rule's), or null. */
    static JsonataTemplate jsonataField(Fields fields, String field) {
        if (!fields.has(field)) {
            return null;
        }
        if (field.equals("Assign")) {
            checkAssign(fields);
        }
        return new JsonataTemplate(fields.raw(field), fields.at(field));
    }

    /**
     * The Assign field of {@code fields} in a JSONPath state (the state's own, a catcher's, a Choice rule's), or
     * null: constant values, and {@code name.$} keys whose paths and intrinsic calls read {@code $} (what the state
     * assigns from), {@code $$} and the variables.
     */
    static PayloadTemplate jsonPathAssign(Fields fields) {
        if (!fields.has("Assign")) {
            return null;
        }
        checkAssign(fields);
        return new PayloadTemplate(fields.raw("Assign"), fields.at("Assign"));
    }

    private static void checkAssign(Fields fields) {
        if (!fields.raw("Assign").isObject()) {
            throw Fields.schema("The value for the field 'Assign' must be an OBJECT", fields.at("Assign"));
        }
        Variables.checkNames(fields.raw("Assign"), fields.at("Assign"));
    }

    /**
     * Assigns what a JSONPath Assign ({@code assign}, may be null) reads from {@code roots}: its {@code $} is what the
     * state assigns from (its result, its input, an error output), its variables those from before the state.
     */
    static void assignJsonPath(PayloadTemplate assign, PathRoots roots, Branch branch) {
        if (assign != null) {
            branch.assign(assign.apply(roots));
        }
    }

    /** This JSONPath state's own Assign, read from {@code roots}. */
    void assignJsonPath(PathRoots roots, Branch branch) {
        assignJsonPath(assignPaths, roots, branch);
    }

    /** The roots of this state's JSONPath fields over {@code data}: the context object, the variables as now. */
    static PathRoots roots(JsonNode data, JsonNode context, Branch branch) {
        return new PathRoots(data, context, branch.variables());
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
        ObjectNode assigned = branch.takeAssigned();
        if (assigned != null) {
            // As on AWS: each assigned variable's value as JSON text.
            ObjectNode values = details.putObject("assignedVariables");
            assigned.fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().toString()));
            details.putObject("assignedVariablesDetails").put("truncated", false);
        }
        branch.record(type + "StateExited", "stateExitedEventDetails", details);
    }

    /**
     * The input after InputPath ({@code roots} over the raw input): JSON null gives {}; a path that finds nothing is
     * States.Runtime.
     */
    JsonNode effectiveInput(PathRoots roots) {
        return select(inputPath, "InputPath", roots);
    }

    /** The output after OutputPath, {@code roots} over the output before it. */
    JsonNode effectiveOutput(PathRoots roots) {
        return select(outputPath, "OutputPath", roots);
    }

    private static JsonNode select(Fields.PathField field, String fieldName, PathRoots roots) {
        if (field.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonPath path = field.path();
        return path.read(roots).orElseThrow(() -> StatesError.runtime(
                "Invalid path '" + path + "' : The " + fieldName + " '" + path
                        + "' could not be found in the input '" + roots.data() + "'"));
    }

    /** The state's output before OutputPath: {@code result} put where ResultPath says into the raw input. */
    static JsonNode placeResult(Fields.PathField resultPath, JsonNode rawInput, JsonNode result) {
        if (resultPath.isNull()) {
            return rawInput;
        }
        return resultPath.path().set(rawInput, result);
    }
}
