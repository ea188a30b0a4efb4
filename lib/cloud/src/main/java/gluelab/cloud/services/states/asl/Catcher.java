package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One element of a state's Catch: the errors it catches, where the error output goes, and the state it goes to. In a
 * JSONata state a catcher has no ResultPath but may have an Output (the state's output, {@code $states.errorOutput}
 * without one) and an Assign, both seeing {@code $states.errorOutput} ("Passing data between states with
 * variables").
 */
final class Catcher {

    private static final Set<String> FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment", "Assign");
    private static final Set<String> JSONATA_FIELDS = Set.of("ErrorEquals", "Next", "Comment", "Output", "Assign");

    final List<String> errorEquals;
    final String next;
    final Fields.PathField resultPath;
    private final JsonataTemplate output;
    private final JsonataTemplate assign;
    /** A JSONPath catcher's Assign, whose {@code $} is the error output. */
    final PayloadTemplate assignPaths;

    private Catcher(Fields fields, boolean jsonata) {
        fields.only(jsonata ? JSONATA_FIELDS : FIELDS);
        this.errorEquals = Retrier.errorNames(fields);
        this.next = fields.requiredString("Next");
        this.resultPath = fields.path("ResultPath", true);
        this.output = State.jsonataField(fields, "Output");
        this.assign = jsonata ? State.jsonataField(fields, "Assign") : null;
        this.assignPaths = jsonata ? null : State.jsonPathAssign(fields);
    }

    /** A JSONata catcher's output, its Assign done; {@code states} carries the errorOutput. */
    JsonNode jsonataOutput(Branch branch, com.fasterxml.jackson.databind.node.ObjectNode states) {
        return State.outputAndAssign(output, assign, branch, states, states.get("errorOutput"));
    }

    static List<Catcher> parse(Fields state, boolean jsonata) {
        List<Catcher> catchers = new ArrayList<>();
        List<JsonNode> items = state.array("Catch", false);
        for (int i = 0; i < items.size(); i++) {
            catchers.add(new Catcher(new Fields(items.get(i), state.at("Catch") + "[" + i + "]"), jsonata));
        }
        Retrier.checkAllIsLast(catchers.stream().map(c -> c.errorEquals).toList(), state.at("Catch"));
        return catchers;
    }
}
