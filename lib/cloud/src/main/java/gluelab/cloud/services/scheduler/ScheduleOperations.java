package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.shape.JsonShapeCodec;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.GetScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesRequest;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.TargetSummary;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleResponse;

/**
 * Schedules: CreateSchedule, GetSchedule, UpdateSchedule (which replaces the whole definition, as on AWS),
 * DeleteSchedule and ListSchedules. A schedule names its group ({@code default} unless it says otherwise), which must
 * exist, and a target role Scheduler may assume.
 */
public final class ScheduleOperations {

    private static final Pages.Limits LIST_SCHEDULES = new Pages.Limits("maxResults", 100, 100);

    private final AccountRegionStore<SchedulerState> states;
    private final ScheduleDefinitions definitions;
    private final ExecutionRoles roles;
    private final ScheduleTimers timers;

    ScheduleOperations(AccountRegionStore<SchedulerState> states, ScheduleDefinitions definitions, ExecutionRoles roles,
                       ScheduleTimers timers) {
        this.states = states;
        this.definitions = definitions;
        this.roles = roles;
        this.timers = timers;
    }

    public CreateScheduleResponse createSchedule(RequestContext context, CreateScheduleRequest request) {
        GetScheduleResponse schedule = definitions.schedule(context.scope(), request, context.now(), context.now());
        roles.requireAssumable(schedule.target().roleArn());
        SchedulerState state = states.get(context);
        synchronized (state) {
            state.requireGroup(schedule.groupName());
            if (state.schedules.putIfAbsent(SchedulerState.key(schedule.groupName(), schedule.name()), schedule) != null) {
                throw SchedulerErrors.scheduleExists(schedule.name());
            }
        }
        timers.sync(context.scope(), schedule);
        return CreateScheduleResponse.builder().scheduleArn(schedule.arn()).build();
    }

    public GetScheduleResponse getSchedule(RequestContext context, GetScheduleRequest request) {
        String group = group(request.groupName());
        checkNames(request.name(), group);
        return states.get(context).requireSchedule(group, request.name());
    }

    public UpdateScheduleResponse updateSchedule(RequestContext context, UpdateScheduleRequest request) {
        String group = group(request.groupName());
        checkNames(request.name(), group);
        GetScheduleResponse existing = states.get(context).requireSchedule(group, request.name());
        // UpdateSchedule carries every member CreateSchedule does: the whole definition, which it replaces.
        GetScheduleResponse schedule = definitions.schedule(context.scope(),
                JsonShapeCodec.convert(request, CreateScheduleRequest.class).toBuilder().groupName(group).build(),
                existing.creationDate(), context.now());
        roles.requireAssumable(schedule.target().roleArn());
        SchedulerState state = states.get(context);
        synchronized (state) {
            state.requireSchedule(group, request.name());
            state.schedules.put(SchedulerState.key(group, request.name()), schedule);
        }
        timers.sync(context.scope(), schedule);
        return UpdateScheduleResponse.builder().scheduleArn(schedule.arn()).build();
    }

    public DeleteScheduleResponse deleteSchedule(RequestContext context, DeleteScheduleRequest request) {
        String group = group(request.groupName());
        checkNames(request.name(), group);
        SchedulerState state = states.get(context);
        synchronized (state) {
            state.requireSchedule(group, request.name());
            state.schedules.remove(SchedulerState.key(group, request.name()));
        }
        timers.cancel(context.scope(), group, request.name());
        return DeleteScheduleResponse.builder().build();
    }

    public ListSchedulesResponse listSchedules(RequestContext context, ListSchedulesRequest request) {
        SchedulerErrors.constraints()
                .length("groupName", request.groupName(), 1, 64)
                .pattern("groupName", request.groupName(), ScheduleDefinitions.NAME_PATTERN)
                .length("namePrefix", request.namePrefix(), 1, 64)
                .pattern("namePrefix", request.namePrefix(), ScheduleDefinitions.PREFIX_PATTERN)
                .oneOf("state", request.stateAsString(), List.of("ENABLED", "DISABLED"))
                .length("nextToken", request.nextToken(), 1, 2048)
                .orThrow();
        SchedulerState state = states.get(context);
        if (request.groupName() != null) {
            state.requireGroup(request.groupName());
        }
        List<GetScheduleResponse> matching = state.schedules.values().stream()
                .filter(s -> request.groupName() == null || s.groupName().equals(request.groupName()))
                .filter(s -> request.namePrefix() == null || s.name().startsWith(request.namePrefix()))
                .filter(s -> request.state() == null || s.state() == request.state())
                .sorted(Comparator.comparing(ScheduleOperations::sortKey))
                .toList();
        Pages.Page<GetScheduleResponse> page = SchedulerErrors.PAGES.page(matching, ScheduleOperations::sortKey,
                request.nextToken(), request.maxResults(), LIST_SCHEDULES);
        return ListSchedulesResponse.builder()
                .schedules(page.items().stream().map(ScheduleOperations::summary).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** Removes the schedules whose names start with {@code prefix} (all of them for null), in every scope. */
    int reset(String prefix) {
        int removed = 0;
        for (SchedulerState state : states.all().values()) {
            synchronized (state) {
                for (GetScheduleResponse schedule : List.copyOf(state.schedules.values())) {
                    if (prefix == null || schedule.name().startsWith(prefix) || schedule.groupName().startsWith(prefix)) {
                        state.schedules.remove(SchedulerState.key(schedule.groupName(), schedule.name()));
                        timers.cancel(state.scope, schedule.groupName(), schedule.name());
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    private static String sortKey(GetScheduleResponse schedule) {
        return schedule.name() + "\u0000" + schedule.groupName();
    }

    private static ScheduleSummary summary(GetScheduleResponse schedule) {
        return ScheduleSummary.builder()
                .arn(schedule.arn())
                .name(schedule.name())
                .groupName(schedule.groupName())
                .state(schedule.state())
                .creationDate(schedule.creationDate())
                .lastModificationDate(schedule.lastModificationDate())
                .target(TargetSummary.builder().arn(schedule.target().arn()).build())
                .build();
    }

    private static String group(String groupName) {
        return groupName == null ? SchedulerState.DEFAULT_GROUP : groupName;
    }

    private static void checkNames(String name, String group) {
        SchedulerErrors.constraints()
                .required("name", name)
                .length("name", name, 1, 64)
                .pattern("name", name, ScheduleDefinitions.NAME_PATTERN)
                .length("groupName", group, 1, 64)
                .pattern("groupName", group, ScheduleDefinitions.NAME_PATTERN)
                .orThrow();
    }
}
