package gluelab.cloud.services.states.asl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends a group of branches at once: the whole execution (StopExecution, its timeout), or the other branches of a
 * Parallel or Map state once one has failed. Every wait registers here, so a cancellation ends it at once; running
 * branches stop at their next state.
 */
final class Cancellation {

    private final Set<Resumption<?>> waiting = ConcurrentHashMap.newKeySet();
    private volatile StatesError reason;

    void cancel(StatesError why) {
        if (reason == null) {
            reason = why;
        }
        for (Resumption<?> resumption : waiting) {
            resumption.fail(reason);
        }
    }

    void check() {
        StatesError why = reason;
        if (why != null) {
            throw why;
        }
    }

    void register(Resumption<?> resumption) {
        waiting.add(resumption);
        StatesError why = reason;
        if (why != null) {
            resumption.fail(why);
        }
    }

    void unregister(Resumption<?> resumption) {
        waiting.remove(resumption);
    }
}
