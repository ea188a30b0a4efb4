package gluelab.cloud.services.glue.triggers;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which conditions of a conditional trigger's predicate the watched jobs have met since the trigger
 * last fired or was activated (by index into the predicate's conditions).
 */
record TriggerProgress(Set<Integer> satisfied) {

    TriggerProgress {
        satisfied = Set.copyOf(satisfied);
    }

    static TriggerProgress none() {
        return new TriggerProgress(Set.of());
    }

    TriggerProgress with(int condition, boolean met) {
        Set<Integer> next = new TreeSet<>(satisfied);
        if (met) {
            next.add(condition);
        } else {
            next.remove(condition);
        }
        return new TriggerProgress(next);
    }
}
