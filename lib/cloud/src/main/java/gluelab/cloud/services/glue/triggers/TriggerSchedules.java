package gluelab.cloud.services.glue.triggers;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RecurringTimers;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.schedule.CronExpression;
import java.time.Instant;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/**
 * The timers of activated SCHEDULED triggers, on the lab clock: each due fire time fires the trigger's
 * actions once, in order, whether real time passes or the clock is advanced. Stopping, deleting or
 * changing a trigger re-syncs its timer; after a restart the timers are registered again from now (fire
 * times missed while Lab Cloud was down are skipped, as a stopped scheduler would).
 */
public final class TriggerSchedules implements AutoCloseable {

    private final AccountRegionStore<TriggersState> states;
    private final TriggerActions actions;
    private final RecurringTimers timers;

    public TriggerSchedules(Platform platform, AccountRegionStore<TriggersState> states, TriggerActions actions) {
        this.states = states;
        this.actions = actions;
        this.timers = new RecurringTimers(platform, "glue", "ScheduledTrigger");
    }

    public void restoreAll() {
        states.all().forEach((scope, state) -> state.triggers.values().forEach(trigger -> sync(scope, trigger)));
    }

    /** Makes the timer match the trigger: running if it is an activated SCHEDULED trigger, else none. */
    void sync(Scope scope, Trigger trigger) {
        if (trigger.type() != TriggerType.SCHEDULED || trigger.state() != TriggerState.ACTIVATED) {
            timers.cancel(scope, trigger.name());
            return;
        }
        String name = trigger.name();
        timers.set(scope, name, CronExpression.parse(trigger.schedule()), at -> fire(scope, name, at));
    }

    void cancel(Scope scope, String triggerName) {
        timers.cancel(scope, triggerName);
    }

    private void fire(Scope scope, String name, Instant at) {
        Trigger trigger = states.get(scope).triggers.get(name);
        if (trigger != null && trigger.type() == TriggerType.SCHEDULED && trigger.state() == TriggerState.ACTIVATED) {
            actions.fire(scope, trigger, at);
        }
    }

    @Override
    public void close() {
        timers.close();
    }
}
