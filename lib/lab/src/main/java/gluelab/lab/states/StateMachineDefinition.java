package gluelab.lab.states;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of an Amazon States Language definition, as far as a picture needs it: each block's states, the
 * transitions between them, and the blocks nested in Parallel branches and Map processors.
 */
public final class StateMachineDefinition {

    /** How one state leads to another. */
    public enum TransitionKind {
        NEXT, CHOICE, DEFAULT, CATCH
    }

    public record Transition(String target, TransitionKind kind) {
    }

    /** One state; {@code end} when the block ends after it, {@code blocks} its branches or its Map processor. */
    public record State(String name, String type, List<Transition> transitions, boolean end, List<Block> blocks) {
    }

    /** A list of states with its start: the machine itself, a Parallel branch, or a Map's processor. */
    public record Block(String startAt, List<State> states) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateMachineDefinition() {
    }

    /** The top block of {@code definition}, a state machine's JSON. */
    public static Block parse(String definition) {
        try {
            return block(JSON.readTree(definition));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a state machine definition: " + e.getOriginalMessage(), e);
        }
    }

    private static Block block(JsonNode node) {
        List<State> states = new ArrayList<>();
        node.path("States").fields().forEachRemaining(entry -> states.add(state(entry.getKey(), entry.getValue())));
        return new Block(node.path("StartAt").asText(), states);
    }

    private static State state(String name, JsonNode node) {
        String type = node.path("Type").asText();
        List<Transition> transitions = new ArrayList<>();
        for (JsonNode choice : node.path("Choices")) {
            if (choice.hasNonNull("Next")) {
                transitions.add(new Transition(choice.get("Next").asText(), TransitionKind.CHOICE));
            }
        }
        if (node.hasNonNull("Default")) {
            transitions.add(new Transition(node.get("Default").asText(), TransitionKind.DEFAULT));
        }
        if (node.hasNonNull("Next")) {
            transitions.add(new Transition(node.get("Next").asText(), TransitionKind.NEXT));
        }
        for (JsonNode catcher : node.path("Catch")) {
            if (catcher.hasNonNull("Next")) {
                transitions.add(new Transition(catcher.get("Next").asText(), TransitionKind.CATCH));
            }
        }
        List<Block> blocks = new ArrayList<>();
        node.path("Branches").forEach(branch -> blocks.add(block(branch)));
        JsonNode processor = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        if (processor != null) {
            blocks.add(block(processor));
        }
        boolean end = node.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
        return new State(name, type, List.copyOf(transitions), end, List.copyOf(blocks));
    }
}
