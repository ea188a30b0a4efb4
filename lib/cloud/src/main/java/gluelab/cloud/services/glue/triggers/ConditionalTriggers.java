package gluelab.cloud.services.glue.triggers;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.jobs.RunCompletionListener;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.glue.model.Condition;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.Logical;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/**
 * Fires activated CONDITIONAL triggers when runs end. With {@code ANY}, a run ending in a watched state
 * fires the trigger. With {@code AND} (the default), the trigger fires when every watched job's latest run
 * since the trigger last fired (or was activated) ended in its watched state; a later run ending otherwise
 * takes its condition back. Conditions on crawlers are kept but never met yet: crawls do not tell triggers.
 */
public final class ConditionalTriggers implements RunCompletionListener {

    private final AccountRegionStore<TriggersState> states;
    private final TriggerActions actions;

    public ConditionalTriggers(AccountRegionStore<TriggersState> states, TriggerActions actions) {
        this.states = states;
        this.actions = actions;
    }

    @Override
    public void completed(Scope scope, JobRun run) {
        TriggersState state = states.get(scope);
        List<Trigger> toFire = new ArrayList<>();
        synchronized (state) {
            for (Trigger trigger : state.triggers.values()) {
                if (trigger.type() != TriggerType.CONDITIONAL || trigger.state() != TriggerState.ACTIVATED
                        || trigger.predicate() == null) {
                    continue;
                }
                List<Condition> conditions = trigger.predicate().conditions();
                TriggerProgress progress = state.triggerProgress.find(trigger.name()).orElse(TriggerProgress.none());
                boolean watched = false;
                boolean met = false;
                for (int i = 0; i < conditions.size(); i++) {
                    Condition condition = conditions.get(i);
                    if (run.jobName().equals(condition.jobName())) {
                        watched = true;
                        boolean meets = run.jobRunStateAsString().equals(condition.stateAsString());
                        met |= meets;
                        progress = progress.with(i, meets);
                    }
                }
                if (!watched) {
                    continue;
                }
                boolean fires = trigger.predicate().logical() == Logical.ANY
                        ? met
                        : met && progress.satisfied().size() == conditions.size();
                state.triggerProgress.put(trigger.name(), fires ? TriggerProgress.none() : progress);
                if (fires) {
                    toFire.add(trigger);
                }
            }
        }
        toFire.forEach(trigger -> actions.fire(scope, trigger));
    }
}
