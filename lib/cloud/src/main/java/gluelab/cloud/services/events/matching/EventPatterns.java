package gluelab.cloud.services.events.matching;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * Event patterns as EventBridge reads them, with AWS's own Event Ruler: every operator it has (prefix, suffix,
 * anything-but with lists, prefix, suffix and wildcard, numeric, exists, wildcard, equals-ignore-case, cidr and
 * {@code $or}), the same checks and the same reasons when a pattern is refused.
 */
public final class EventPatterns {

    private EventPatterns() {
    }

    /** Why Event Ruler refuses the pattern, in its words (what AWS quotes after "Reason: "), or empty if it is valid. */
    public static Optional<String> problem(String pattern) {
        return Optional.ofNullable(JsonRuleCompiler.check(pattern));
    }

    /** Whether one event matches one pattern; the pattern must be valid. */
    public static boolean matches(String pattern, JsonNode event) {
        Machine machine = new Machine();
        try {
            machine.addRule("pattern", pattern);
        } catch (IOException e) {
            throw new IllegalArgumentException("A checked pattern could not be compiled: " + e.getMessage(), e);
        }
        return !machine.rulesForJSONEvent(event).isEmpty();
    }
}
