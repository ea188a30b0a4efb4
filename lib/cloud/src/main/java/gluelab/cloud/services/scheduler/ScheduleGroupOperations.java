package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import java.util.List;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleGroupRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleGroupResponse;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleGroupRequest;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleGroupResponse;
import software.amazon.awssdk.services.scheduler.model.GetScheduleGroupRequest;
import software.amazon.awssdk.services.scheduler.model.GetScheduleGroupResponse;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListScheduleGroupsRequest;
import software.amazon.awssdk.services.scheduler.model.ListScheduleGroupsResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleGroupState;
import software.amazon.awssdk.services.scheduler.model.ScheduleGroupSummary;

/**
 * Schedule groups: CreateScheduleGroup (with tags), GetScheduleGroup, DeleteScheduleGroup and ListScheduleGroups.
 * Every scope has the {@code default} group, which cannot be deleted. Deleting a group deletes its schedules; AWS
 * does it in the background (the group is {@code DELETING} a while), Lab Cloud at once.
 */
public final class ScheduleGroupOperations {

    private static final Pages.Limits LIST_GROUPS = new Pages.Limits("maxResults", 100, 100);

    private final AccountRegionStore<SchedulerState> states;
    private final ScheduleTimers timers;

    ScheduleGroupOperations(AccountRegionStore<SchedulerState> states, ScheduleTimers timers) {
        this.states = states;
        this.timers = timers;
    }

    public CreateScheduleGroupResponse createScheduleGroup(RequestContext context, CreateScheduleGroupRequest request) {
        checkName(request.name());
        SchedulerErrors.constraints()
                .length("clientToken", request.clientToken(), 1, 64)
                .size("tags", request.hasTags() ? request.tags() : null, 0, 200)
                .orThrow();
        ScheduleGroupRecord group = new ScheduleGroupRecord(request.name(), context.now(), context.now(),
                ScheduleTagOperations.tagMap(request.hasTags() ? request.tags() : List.of()));
        if (states.get(context).groups.putIfAbsent(request.name(), group) != null) {
            throw SchedulerErrors.groupExists(request.name());
        }
        return CreateScheduleGroupResponse.builder().scheduleGroupArn(arn(context.scope(), request.name()).toString()).build();
    }

    public GetScheduleGroupResponse getScheduleGroup(RequestContext context, GetScheduleGroupRequest request) {
        checkName(request.name());
        ScheduleGroupRecord group = states.get(context).requireGroup(request.name());
        return GetScheduleGroupResponse.builder()
                .arn(arn(context.scope(), group.name()).toString())
                .name(group.name())
                .state(ScheduleGroupState.ACTIVE)
                .creationDate(group.created())
                .lastModificationDate(group.modified())
                .build();
    }

    public DeleteScheduleGroupResponse deleteScheduleGroup(RequestContext context, DeleteScheduleGroupRequest request) {
        checkName(request.name());
        if (request.name().equals(SchedulerState.DEFAULT_GROUP)) {
            throw SchedulerErrors.validation("The default schedule group cannot be deleted.");
        }
        SchedulerState state = states.get(context);
        synchronized (state) {
            state.requireGroup(request.name());
            deleteGroup(state, request.name());
        }
        return DeleteScheduleGroupResponse.builder().build();
    }

    public ListScheduleGroupsResponse listScheduleGroups(RequestContext context, ListScheduleGroupsRequest request) {
        SchedulerErrors.constraints()
                .length("namePrefix", request.namePrefix(), 1, 64)
                .pattern("namePrefix", request.namePrefix(), ScheduleDefinitions.PREFIX_PATTERN)
                .length("nextToken", request.nextToken(), 1, 2048)
                .orThrow();
        List<ScheduleGroupRecord> groups = states.get(context).groups.values().stream()
                .filter(g -> request.namePrefix() == null || g.name().startsWith(request.namePrefix()))
                .toList();
        Pages.Page<ScheduleGroupRecord> page = SchedulerErrors.PAGES.page(groups, ScheduleGroupRecord::name,
                request.nextToken(), request.maxResults(), LIST_GROUPS);
        return ListScheduleGroupsResponse.builder()
                .scheduleGroups(page.items().stream().map(g -> ScheduleGroupSummary.builder()
                        .arn(arn(context.scope(), g.name()).toString())
                        .name(g.name())
                        .state(ScheduleGroupState.ACTIVE)
                        .creationDate(g.created())
                        .lastModificationDate(g.modified())
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** Removes the groups (but never {@code default}) whose names start with {@code prefix}, all of them for null. */
    int reset(String prefix) {
        int removed = 0;
        for (SchedulerState state : states.all().values()) {
            synchronized (state) {
                for (String name : List.copyOf(state.groups.keys())) {
                    if (!name.equals(SchedulerState.DEFAULT_GROUP) && (prefix == null || name.startsWith(prefix))) {
                        deleteGroup(state, name);
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    private void deleteGroup(SchedulerState state, String name) {
        for (GetScheduleResponse schedule : state.schedulesIn(name)) {
            state.schedules.remove(SchedulerState.key(name, schedule.name()));
            timers.cancel(state.scope, name, schedule.name());
        }
        state.groups.remove(name);
    }

    static Arn arn(Scope scope, String group) {
        return Arn.in(scope, SchedulerProvider.SERVICE, "schedule-group/" + group);
    }

    private static void checkName(String name) {
        SchedulerErrors.constraints()
                .required("name", name)
                .length("name", name, 1, 64)
                .pattern("name", name, ScheduleDefinitions.NAME_PATTERN)
                .orThrow();
    }
}
