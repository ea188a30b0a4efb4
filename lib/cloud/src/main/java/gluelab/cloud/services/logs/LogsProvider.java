package gluelab.cloud.services.logs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import java.util.List;

/**
 * CloudWatch Logs: log groups ({@link LogGroupOperations}), their retention ({@link RetentionPolicyOperations}) and
 * tags ({@link LogGroupTagOperations}), log streams ({@link LogStreamOperations}) and their events
 * ({@link LogEventOperations}), and Logs Insights queries over them ({@link QueryOperations}). Other services write their logs through the framework's
 * {@link gluelab.cloud.provider.CloudWatchLogsWriter}.
 *
 * <p>Where Lab Cloud differs from AWS: stream statistics ({@code lastEventTimestamp} and friends) are
 * current at once rather than within an hour; events older than the group's retention disappear from
 * reads as soon as the lab clock passes them, where AWS deletes them within about 72 hours; log group
 * {@code storedBytes} is the uncompressed size of the messages.
 */
public final class LogsProvider implements ServiceProvider {

    public static final String SERVICE = "logs";

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json(SERVICE, "logs", Protocol.JSON_1_1,
            "Logs_20140328", "2014-03-28", "software.amazon.awssdk.services.cloudwatchlogs.model", "message");
    private static final AccessRules ACCESS_RULES = new LogsAccessRules();

    private final AccountRegionStore<LogsState> states;
    private final List<Object> operations;

    public LogsProvider(Platform platform) {
        this.states = new AccountRegionStore<>(SERVICE, platform.state(), LogsState::new);
        this.operations = List.of(
                new LogGroupOperations(states),
                new RetentionPolicyOperations(states),
                new LogGroupTagOperations(states),
                new LogStreamOperations(states),
                new LogEventOperations(states),
                new QueryOperations(states));
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AccessRules accessRules() {
        return ACCESS_RULES;
    }

    @Override
    public List<Object> operationHandlers() {
        return operations;
    }

    @Override
    public int reset(String prefix) {
        int removed = 0;
        for (LogsState state : states.all().values()) {
            removed += state.reset(prefix);
        }
        return removed;
    }
}
