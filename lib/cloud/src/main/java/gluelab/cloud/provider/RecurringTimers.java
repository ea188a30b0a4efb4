package gluelab.cloud.provider;

import gluelab.cloud.clock.LabScheduler;
import gluelab.cloud.clock.TimerOwner;
import gluelab.cloud.schedule.ScheduleExpression;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One recurring timer per named resource of a scope, on the lab clock: what scheduled Glue triggers and
 * crawler schedules share. Setting a resource's timer replaces the one it had, so callers simply re-sync a
 * resource whenever its definition changes; after a restart they set the timers again from now, which skips
 * the fire times missed while Lab Cloud was down, as a stopped scheduler would.
 */
public final class RecurringTimers implements AutoCloseable {

    private final Platform platform;
    private final String service;
    private final String kind;
    private final Map<String, LabScheduler.Registration> timers = new ConcurrentHashMap<>();

    /** @param kind what the timers belong to, as the timeline names it ({@code ScheduledTrigger}) */
    public RecurringTimers(Platform platform, String service, String kind) {
        this.platform = platform;
        this.service = service;
        this.kind = kind;
    }

    /** Fires {@code fire} at every time {@code schedule} yields from now on, in place of the resource's timer. */
    public void set(Scope scope, String resource, ScheduleExpression schedule, Consumer<Instant> fire) {
        Instant now = platform.clock().instant();
        register(scope, resource, now, after -> schedule.nextFireAfter(now, after), fire);
    }

    /**
     * Fires {@code fire} at every time {@code fireTimes} yields after {@code after} (given an instant, it gives the
     * first fire time strictly after it), in place of the resource's timer: for schedules whose times are more than an
     * expression, such as EventBridge Scheduler's with their start and end dates and their time zone. Times already
     * past fire at once, in order.
     */
    public void set(Scope scope, String resource, Instant after, Function<Instant, Optional<Instant>> fireTimes,
                    Consumer<Instant> fire) {
        register(scope, resource, after, fireTimes, fire);
    }

    private void register(Scope scope, String resource, Instant from, Function<Instant, Optional<Instant>> fireTimes,
                          Consumer<Instant> fire) {
        cancel(scope, resource);
        LabScheduler.Registration timer = platform.scheduler().scheduleRecurring(
                new TimerOwner(service, kind, resource, scope.account(), scope.region()), from, fireTimes, fire);
        timers.put(key(scope, resource), timer);
    }

    public void cancel(Scope scope, String resource) {
        LabScheduler.Registration timer = timers.remove(key(scope, resource));
        if (timer != null) {
            timer.cancel();
        }
    }

    private static String key(Scope scope, String resource) {
        return scope.account() + "/" + scope.region() + "/" + resource;
    }

    @Override
    public void close() {
        timers.values().forEach(LabScheduler.Registration::cancel);
        timers.clear();
    }
}
