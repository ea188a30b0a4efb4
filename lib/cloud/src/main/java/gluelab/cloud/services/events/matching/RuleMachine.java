package gluelab.cloud.services.events.matching;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * One bus's compiled rules: a single Event Ruler machine holding the pattern of every enabled rule, updated as rules
 * are put, enabled, disabled and deleted, so that matching an event costs one pass whatever the number of rules.
 * Event Ruler lets rules change while events are matched.
 */
public final class RuleMachine {

    private final Machine machine = new Machine();
    /** The pattern each rule is in the machine with, so that a changed rule can be taken out again. */
    private final Map<String, String> patterns = new HashMap<>();

    /** Puts the rule in the machine with {@code pattern}, replacing what it had; a null pattern takes it out. */
    public synchronized void put(String rule, String pattern) {
        remove(rule);
        if (pattern == null) {
            return;
        }
        try {
            machine.addRule(rule, pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("A checked pattern could not be compiled", e);
        }
        patterns.put(rule, pattern);
    }

    public synchronized void remove(String rule) {
        String old = patterns.remove(rule);
        if (old == null) {
            return;
        }
        try {
            machine.deleteRule(rule, old);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored pattern could not be compiled", e);
        }
    }

    /** The names of the rules whose patterns match the event, each once. */
    public List<String> matches(JsonNode event) {
        return machine.rulesForJSONEvent(event).stream().distinct().toList();
    }

    public synchronized int size() {
        return patterns.size();
    }
}
