package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One element of a state's Catch: the errors it catches, where the error output goes, and the state it goes to. */
final class Catcher {

    private static final Set<String> FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

    final List<String> errorEquals;
    final String next;
    final Fields.PathField resultPath;

    private Catcher(Fields fields) {
        fields.only(FIELDS);
        this.errorEquals = Retrier.errorNames(fields);
        this.next = fields.requiredString("Next");
        this.resultPath = fields.path("ResultPath", true);
    }

    static List<Catcher> parse(Fields state) {
        List<Catcher> catchers = new ArrayList<>();
        List<JsonNode> items = state.array("Catch", false);
        for (int i = 0; i < items.size(); i++) {
            catchers.add(new Catcher(new Fields(items.get(i), state.at("Catch") + "[" + i + "]")));
        }
        Retrier.checkAllIsLast(catchers.stream().map(c -> c.errorEquals).toList(), state.at("Catch"));
        return catchers;
    }
}
