package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.clock.LabScheduler;
import gluelab.cloud.clock.TimerOwner;
import gluelab.cloud.schedule.CronExpression;
import gluelab.cloud.service.AccountRegionStore;
import gluelab.cloud.service.Platform;
import gluelab.cloud.service.Scope;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/**
 * The timers of activated SCHEDULED triggers, on the lab clock: each due fire time fires the trigger's
 * actions once, in order, whether real time passes or the clock is advanced. Stopping, deleting or
 * changing a trigger re-syncs its timer; after a restart the timers are registered again from now (fire
 * times missed while Lab Cloud was down are skipped, as a stopped scheduler would).
 */
final class TriggerSchedules implements AutoCloseable {

    private final Platform platform;
    private final AccountRegionStore<JobsState> states;
    private final TriggerActions actions;
    private final Map<String, LabScheduler.Registration> timers = new ConcurrentHashMap<>();

    TriggerSchedules(Platform platform, AccountRegionStore<JobsState> states, TriggerActions actions) {
        this.platform = platform;
        this.states = states;
        this.actions = actions;
    }

    void restoreAll() {
        states.all().forEach((scope, state) -> state.triggers.values().forEach(trigger -> sync(scope, trigger)));
    }

    /** Makes the timer match the trigger: running if it is an activated SCHEDULED trigger, else none. */
    void sync(Scope scope, Trigger trigger) {
        cancel(scope, trigger.name());
        if (trigger.type() != TriggerType.SCHEDULED || trigger.state() != TriggerState.ACTIVATED) {
            return;
        }
        CronExpression cron = CronExpression.parse(trigger.schedule());
        String name = trigger.name();
        LabScheduler.Registration timer = platform.scheduler().scheduleRecurring(
                new TimerOwner("glue", "ScheduledTrigger", name, scope.account(), scope.region()),
                platform.clock().instant(), cron::nextAfter, at -> fire(scope, name, at));
        timers.put(key(scope, name), timer);
    }

    void cancel(Scope scope, String triggerName) {
        LabScheduler.Registration timer = timers.remove(key(scope, triggerName));
        if (timer != null) {
            timer.cancel();
        }
    }

    private void fire(Scope scope, String name, Instant at) {
        Trigger trigger = states.get(scope).triggers.get(name);
        if (trigger != null && trigger.type() == TriggerType.SCHEDULED && trigger.state() == TriggerState.ACTIVATED) {
            actions.fire(scope, trigger, at);
        }
    }

    private static String key(Scope scope, String triggerName) {
        return scope.account() + "/" + scope.region() + "/" + triggerName;
    }

    @Override
    public void close() {
        timers.values().forEach(LabScheduler.Registration::cancel);
        timers.clear();
    }
}
