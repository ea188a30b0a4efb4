package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A state machine's definition in the Amazon States Language, read and checked: its states by name, where it
 * starts, and its TimeoutSeconds. Parallel branches and Map processors are machines too. Reading collects every
 * problem it finds, as ValidateStateMachineDefinition reports them.
 */
public final class Machine {

    private static final Set<String> TOP_FIELDS = Set.of("StartAt", "States", "Comment", "TimeoutSeconds",
            "Version", "QueryLanguage");
    private static final Set<String> NESTED_FIELDS = Set.of("StartAt", "States", "Comment");
    private static final int MAX_STATE_NAME = 80;

    private final String startAt;
    private final Map<String, State> states;
    private final Integer timeoutSeconds;

    private Machine(String startAt, Map<String, State> states, Integer timeoutSeconds) {
        this.startAt = startAt;
        this.states = states;
        this.timeoutSeconds = timeoutSeconds;
    }

    public String startAt() {
        return startAt;
    }

    State state(String name) {
        return states.get(name);
    }

    /** The machine's TimeoutSeconds, or null for none. */
    public Integer timeoutSeconds() {
        return timeoutSeconds;
    }

    /**
     * Reads a definition.
     *
     * @throws InvalidDefinition with every problem found
     */
    public static Machine parse(String definition, List<TaskIntegration> integrations) {
        List<DefinitionError> errors = new ArrayList<>();
        Machine machine = read(definition, integrations, errors);
        if (!errors.isEmpty()) {
            throw new InvalidDefinition(errors);
        }
        return machine;
    }

    /** Every problem with a definition; empty when it is valid. */
    public static List<DefinitionError> validate(String definition, List<TaskIntegration> integrations) {
        List<DefinitionError> errors = new ArrayList<>();
        read(definition, integrations, errors);
        return errors;
    }

    private static Machine read(String definition, List<TaskIntegration> integrations, List<DefinitionError> errors) {
        if (definition == null || definition.isBlank()) {
            errors.add(new DefinitionError("MISSING_DESCRIPTION", "The definition must not be empty", null));
            return null;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(definition);
        } catch (JsonProcessingException e) {
            errors.add(new DefinitionError("INVALID_JSON_DESCRIPTION", e.getOriginalMessage(),
                    "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
            return null;
        }
        return build(root, "", TOP_FIELDS, integrations, errors, false);
    }

    /** A Parallel branch or a Map processor: a machine whose problems fail the state that holds it. */
    static Machine nested(JsonNode node, String location, List<TaskIntegration> integrations, boolean jsonata) {
        List<DefinitionError> errors = new ArrayList<>();
        Machine machine = build(node, location, NESTED_FIELDS, integrations, errors, jsonata);
        if (!errors.isEmpty()) {
            throw new InvalidDefinition(errors);
        }
        return machine;
    }

    /** Builds a machine whose states' QueryLanguage is JSONata unless it or they say otherwise, when {@code inherited}. */
    private static Machine build(JsonNode node, String location, Set<String> allowed,
                                 List<TaskIntegration> integrations, List<DefinitionError> errors, boolean inherited) {
        Fields fields;
        String startAt;
        List<JsonNode> unused;
        Integer timeout;
        boolean jsonata;
        try {
            fields = new Fields(node, location.isEmpty() ? "/" : location);
            fields.only(allowed);
            startAt = fields.requiredString("StartAt");
            if (!fields.has("States") || !fields.raw("States").isObject()) {
                throw Fields.schema("These fields are required: [States]", fields.location);
            }
            timeout = fields.integer("TimeoutSeconds", 1, 99_999_999);
            String language = fields.string("QueryLanguage");
            if (language != null && !language.equals("JSONPath") && !language.equals("JSONata")) {
                throw Fields.schema("The value for the field 'QueryLanguage' must be one of [JSONPath, JSONata]",
                        fields.at("QueryLanguage"));
            }
            jsonata = language == null ? inherited : language.equals("JSONata");
        } catch (DefinitionError error) {
            errors.add(error);
            return null;
        }
        Map<String, State> states = new LinkedHashMap<>();
        JsonNode stateNodes = fields.raw("States");
        stateNodes.fields().forEachRemaining(entry -> {
            String at = location + "/States/" + entry.getKey();
            try {
                if (entry.getKey().isEmpty() || entry.getKey().length() > MAX_STATE_NAME) {
                    throw new DefinitionError("INVALID_STATE_NAME", "State names must be 1 to " + MAX_STATE_NAME
                            + " characters long", at);
                }
                states.put(entry.getKey(), state(entry.getKey(), new Fields(entry.getValue(), at, jsonata),
                        integrations));
            } catch (InvalidDefinition nested) {
                errors.addAll(nested.errors());
            } catch (DefinitionError error) {
                errors.add(error);
            }
        });
        if (stateNodes.size() == 0) {
            errors.add(Fields.schema("The field 'States' must not be empty", location + "/States"));
        }
        if (!stateNodes.has(startAt)) {
            errors.add(new DefinitionError("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + startAt,
                    location + "/StartAt"));
        }
        boolean terminal = false;
        for (State state : states.values()) {
            terminal |= state.terminal();
            for (String target : state.targets()) {
                if (!stateNodes.has(target)) {
                    errors.add(new DefinitionError("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + target,
                            location + "/States/" + state.name()));
                }
            }
        }
        if (!states.isEmpty() && !terminal && states.size() == stateNodes.size()) {
            errors.add(new DefinitionError("MISSING_END_STATE", "Workflow has no terminal state",
                    location.isEmpty() ? "/States" : location + "/States"));
        }
        return new Machine(startAt, states, timeout);
    }

    private static State state(String name, Fields fields, List<TaskIntegration> integrations) {
        String type = fields.requiredString("Type");
        return switch (type) {
            case "Pass" -> new PassState(name, fields);
            case "Task" -> new TaskState(name, fields, integrations);
            case "Choice" -> new ChoiceState(name, fields);
            case "Wait" -> new WaitState(name, fields);
            case "Succeed" -> new SucceedState(name, fields);
            case "Fail" -> new FailState(name, fields);
            case "Parallel" -> new ParallelState(name, fields, integrations);
            case "Map" -> new MapState(name, fields, integrations);
            default -> throw Fields.schema("The value for the field 'Type' must be one of [Pass, Task, Choice, "
                    + "Wait, Succeed, Fail, Parallel, Map]", fields.at("Type"));
        };
    }

    /** A definition with problems: every one, in the order found. */
    public static final class InvalidDefinition extends RuntimeException {
        private final List<DefinitionError> errors;

        InvalidDefinition(List<DefinitionError> errors) {
            super(errors.get(0).describe(), null, false, false);
            this.errors = List.copyOf(errors);
        }

        public List<DefinitionError> errors() {
            return errors;
        }
    }
}
