package gluelab.cloud.services.lambda;

import java.util.Map;
import java.util.Set;

/**
 * An event-source mapping's {@code State}, as AWS's life cycle has it: {@code Creating} then {@code Enabled} (or
 * {@code Disabled} when created with Enabled=false); {@code Enabling}, {@code Disabling} and {@code Updating} while a
 * change takes effect; {@code Deleting} until it is gone. Lab Cloud's transitions take effect at once: the operation
 * that starts one answers with the transitional state, as AWS does, and what is stored (what the next read sees) is
 * the state it ends in, so a restart never finds a mapping half-way.
 */
final class EventSourceMappingStateMachine {

    static final String CREATING = "Creating";
    static final String ENABLING = "Enabling";
    static final String ENABLED = "Enabled";
    static final String DISABLING = "Disabling";
    static final String DISABLED = "Disabled";
    static final String UPDATING = "Updating";
    static final String DELETING = "Deleting";

    /** From a settled state, the transitional states a change may pass through. */
    private static final Map<String, Set<String>> LEGAL = Map.of(
            ENABLED, Set.of(DISABLING, UPDATING, DELETING),
            DISABLED, Set.of(ENABLING, UPDATING, DELETING));

    private EventSourceMappingStateMachine() {
    }

    /** The state a new mapping answers with while it is being created. */
    static String created() {
        return CREATING;
    }

    /** Where a mapping created with {@code enabled} ends. */
    static String settled(boolean enabled) {
        return enabled ? ENABLED : DISABLED;
    }

    /** The transitional state an update of a mapping in {@code current} answers with, {@code enabled} being asked for. */
    static String updating(String current, Boolean enabled) {
        boolean now = current.equals(ENABLED);
        String next = enabled == null || enabled == now ? UPDATING : enabled ? ENABLING : DISABLING;
        return require(current, next);
    }

    static String deleting(String current) {
        return require(current, DELETING);
    }

    static boolean enabled(String state) {
        return state.equals(ENABLED);
    }

    private static String require(String from, String to) {
        if (!LEGAL.getOrDefault(from, Set.of()).contains(to)) {
            throw new IllegalStateException("An event-source mapping cannot go from " + from + " to " + to);
        }
        return to;
    }
}
