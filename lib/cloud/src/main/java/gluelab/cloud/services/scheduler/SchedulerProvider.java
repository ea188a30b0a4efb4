package gluelab.cloud.services.scheduler;

import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.ConsoleReads;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.services.scheduler.targets.ScheduleTargets;
import java.util.List;

/**
 * Amazon EventBridge Scheduler: schedules ({@link ScheduleOperations}) in schedule groups
 * ({@link ScheduleGroupOperations}, tagged by {@link ScheduleTagOperations}) that fire on the lab clock
 * ({@link ScheduleTimers}) and deliver to their targets as their execution role ({@link ScheduleInvocations}):
 * templated targets (Lambda Invoke, EventBridge PutEvents, SQS SendMessage) and universal ones, any API call Lab
 * Cloud serves.
 *
 * <p>Where Lab Cloud differs from AWS: a flexible window delivers at a moment it derives from the schedule and the
 * fire time ({@link FlexibleWindows}), and retries follow a fixed backoff ({@link Retries}); dead letters are
 * also recorded on the timeline; fire times missed while Lab Cloud was down are skipped, and so
 * are retries that were pending; deleting a group is immediate.
 */
public final class SchedulerProvider implements ServiceProvider {

    public static final String SERVICE = "scheduler";

    /** REST-JSON, whose errors name their message {@code Message}, as Scheduler's model does. */
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor(SERVICE, "scheduler", Protocol.REST_JSON,
            null, "2021-06-30", null, "software.amazon.awssdk.services.scheduler.model", "Message", List.of());

    private final ScheduleTimers timers;
    private final ScheduleOperations schedules;
    private final ScheduleGroupOperations groups;
    private final ScheduleTagOperations tags;

    private final ConsoleView console;

    public SchedulerProvider(Platform platform) {
        this.console = new SchedulesConsoleView(new ConsoleReads(platform.internal()));
        AccountRegionStore<SchedulerState> states = new AccountRegionStore<>(SERVICE, platform.state(),
                (scope, store) -> new SchedulerState(scope, store, platform.clock()));
        ScheduleTargets targets = new ScheduleTargets();
        ExecutionRoles roles = new ExecutionRoles(platform.roles(), platform.clock());
        SchedulerTimeline timeline = new SchedulerTimeline(platform.events());
        ScheduleInvocations invocations = new ScheduleInvocations(platform, targets, roles, timeline);
        this.timers = new ScheduleTimers(platform, states, invocations, timeline);
        this.schedules = new ScheduleOperations(states, new ScheduleDefinitions(targets), roles, timers);
        this.groups = new ScheduleGroupOperations(states, timers);
        this.tags = new ScheduleTagOperations(states);
        timers.restoreAll(platform.clock().instant());
    }

    @Override
    public List<ConsoleView> consoleViews() {
        return List.of(console);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Object> operationHandlers() {
        return List.of(schedules, groups, tags);
    }

    /** Schedules first, then the groups (with what schedules they still hold). */
    @Override
    public int reset(String prefix) {
        return schedules.reset(prefix) + groups.reset(prefix);
    }

    @Override
    public void close() {
        timers.close();
    }
}
