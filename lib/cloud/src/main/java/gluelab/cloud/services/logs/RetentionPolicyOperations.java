package gluelab.cloud.services.logs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;

/**
 * PutRetentionPolicy and DeleteRetentionPolicy: how many days a log group keeps its events. Lab Cloud hides events
 * older than that from reads as soon as the lab clock passes them, where AWS deletes them within about 72 hours.
 */
public final class RetentionPolicyOperations {

    static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final AccountRegionStore<LogsState> states;

    RetentionPolicyOperations(AccountRegionStore<LogsState> states) {
        this.states = states;
    }

    public PutRetentionPolicyResponse putRetentionPolicy(RequestContext ctx, PutRetentionPolicyRequest request) {
        Integer days = request.retentionInDays();
        LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupName", request.logGroupName()))
                .required("retentionInDays", days)
                .orThrow();
        if (!RETENTION_DAYS.contains(days)) {
            LogsErrors.validation().oneOf("retentionInDays", String.valueOf(days),
                    RETENTION_DAYS.stream().map(String::valueOf).toList()).orThrow();
        }
        states.get(ctx).updateGroup(request.logGroupName(), g -> g.withRetentionInDays(days));
        return PutRetentionPolicyResponse.builder().build();
    }

    public DeleteRetentionPolicyResponse deleteRetentionPolicy(RequestContext ctx, DeleteRetentionPolicyRequest request) {
        LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupName", request.logGroupName())).orThrow();
        states.get(ctx).updateGroup(request.logGroupName(), g -> g.withRetentionInDays(null));
        return DeleteRetentionPolicyResponse.builder().build();
    }

    /** The oldest event timestamp the group's retention keeps at this moment of the lab clock (0 without one). */
    static long retainedSince(RequestContext ctx, LogGroupRecord group) {
        return group.retentionInDays() == null ? 0
                : ctx.now().toEpochMilli() - Duration.ofDays(group.retentionInDays()).toMillis();
    }
}
