package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * The schedules and schedule groups of one account and region, both durable. A schedule is kept as what
 * GetSchedule answers, under {@code group/name}; the {@code default} group is there from the first use of a scope.
 * Compound changes (check, then write) hold this object's monitor.
 */
final class SchedulerState {

    static final String DEFAULT_GROUP = "default";

    final Scope scope;
    final DurableMap<GetScheduleResponse> schedules;
    final DurableMap<ScheduleGroupRecord> groups;

    SchedulerState(Scope scope, StateStore store, Clock clock) {
        this.scope = scope;
        this.schedules = store.map(scope.mapName(SchedulerProvider.SERVICE, "schedules"),
                ShapeCodec.of(GetScheduleResponse.class));
        this.groups = store.map(scope.mapName(SchedulerProvider.SERVICE, "groups"), Codec.of(ScheduleGroupRecord.class));
        groups.putIfAbsent(DEFAULT_GROUP, new ScheduleGroupRecord(DEFAULT_GROUP, clock.instant(), clock.instant(), Map.of()));
    }

    static String key(String group, String name) {
        return group + "/" + name;
    }

    GetScheduleResponse requireSchedule(String group, String name) {
        requireGroup(group);
        GetScheduleResponse schedule = schedules.get(key(group, name));
        if (schedule == null) {
            throw SchedulerErrors.scheduleNotFound(name);
        }
        return schedule;
    }

    ScheduleGroupRecord requireGroup(String group) {
        ScheduleGroupRecord record = groups.get(group);
        if (record == null) {
            throw SchedulerErrors.groupNotFound(group);
        }
        return record;
    }

    /** The schedules of a group, in name order. */
    List<GetScheduleResponse> schedulesIn(String group) {
        return schedules.view().subMap(group + "/", group + "0").values().stream().toList();
    }
}
