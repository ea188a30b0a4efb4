package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RecurringTimers;
import gluelab.cloud.provider.Scope;
import java.time.Instant;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;

/**
 * The timers of enabled schedules, on the lab clock, at the times {@link ScheduleFireTimes} gives: each fire time
 * fires one invocation, whether real time passes or the clock is advanced. Creating, updating, disabling or deleting
 * a schedule re-syncs its timer; after a restart the timers are set again from now (fire times missed while Lab Cloud
 * was down are skipped, as a stopped scheduler would). A schedule whose {@code ActionAfterCompletion} is
 * {@code DELETE} is deleted once its last fire's first attempt is over.
 */
final class ScheduleTimers implements AutoCloseable {

    private final AccountRegionStore<SchedulerState> states;
    private final ScheduleInvocations invocations;
    private final SchedulerTimeline timeline;
    private final RecurringTimers timers;

    ScheduleTimers(Platform platform, AccountRegionStore<SchedulerState> states, ScheduleInvocations invocations,
                   SchedulerTimeline timeline) {
        this.states = states;
        this.invocations = invocations;
        this.timeline = timeline;
        this.timers = new RecurringTimers(platform, SchedulerProvider.SERVICE, "Schedule");
    }

    void restoreAll(Instant now) {
        states.all().forEach((scope, state) -> state.schedules.values().forEach(schedule -> sync(scope, schedule, now)));
    }

    /** Makes the timer match a schedule just created or updated: firing if it is enabled, else none. */
    void sync(Scope scope, GetScheduleResponse schedule) {
        // A rate without a start date, or a one-time schedule already due, fires the moment the schedule was defined.
        sync(scope, schedule, schedule.lastModificationDate().minusNanos(1));
    }

    /** Makes the timer match the schedule, with its fire times after {@code after}. */
    private void sync(Scope scope, GetScheduleResponse schedule, Instant after) {
        String key = SchedulerState.key(schedule.groupName(), schedule.name());
        if (schedule.state() != ScheduleState.ENABLED) {
            timers.cancel(scope, key);
            return;
        }
        ScheduleFireTimes fireTimes = new ScheduleFireTimes(schedule);
        timers.set(scope, key, after, fireTimes, at -> fire(scope, key, fireTimes, at));
    }

    /** Stops a deleted schedule: no more fires, and none of its failed invocations is retried. */
    void cancel(Scope scope, String group, String name) {
        timers.cancel(scope, SchedulerState.key(group, name));
        invocations.dropWaiting(scope, group, name);
    }

    private void fire(Scope scope, String key, ScheduleFireTimes fireTimes, Instant at) {
        GetScheduleResponse schedule = states.get(scope).schedules.get(key);
        if (schedule == null || schedule.state() != ScheduleState.ENABLED) {
            return;
        }
        boolean completes = fireTimes.isLast(at) && schedule.actionAfterCompletion() == ActionAfterCompletion.DELETE;
        invocations.fire(scope, schedule, at, completes ? () -> deleteCompleted(scope, schedule) : null);
    }

    /** Deletes a completed schedule, unless it was changed since it fired. */
    private void deleteCompleted(Scope scope, GetScheduleResponse fired) {
        SchedulerState state = states.get(scope);
        String key = SchedulerState.key(fired.groupName(), fired.name());
        synchronized (state) {
            GetScheduleResponse current = state.schedules.get(key);
            if (current == null || !current.lastModificationDate().equals(fired.lastModificationDate())) {
                return;
            }
            state.schedules.remove(key);
        }
        timers.cancel(scope, key);
        timeline.deletedAfterCompletion(scope, fired);
    }

    @Override
    public void close() {
        timers.close();
    }
}
