package gluelab.cloud.services.logs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * CreateLogGroup, DeleteLogGroup and DescribeLogGroups. Names starting with {@code aws/} are AWS's own; a log group
 * reports the uncompressed size of its messages as {@code storedBytes}.
 */
public final class LogGroupOperations {

    private static final List<String> LOG_GROUP_CLASSES = List.of("STANDARD", "INFREQUENT_ACCESS", "DELIVERY");
    private static final String NAME_PATTERN_TEXT = "[\\.\\-_/#A-Za-z0-9]*";
    private static final Pattern NAME_PATTERN = Pattern.compile(NAME_PATTERN_TEXT);

    private final AccountRegionStore<LogsState> states;

    LogGroupOperations(AccountRegionStore<LogsState> states) {
        this.states = states;
    }

    public CreateLogGroupResponse createLogGroup(RequestContext ctx, CreateLogGroupRequest request) {
        String name = request.logGroupName();
        LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupName", name))
                .length("kmsKeyId", request.kmsKeyId(), 0, 256)
                .oneOf("logGroupClass", request.logGroupClassAsString(), LOG_GROUP_CLASSES)
                .orThrow();
        if (name.toLowerCase(Locale.ROOT).startsWith("aws/")) {
            throw LogsErrors.invalidParameter("Log groups starting with AWS/ are reserved for AWS.");
        }
        Map<String, String> tags = request.hasTags() ? request.tags() : Map.of();
        LogGroupTagOperations.checkTags(tags);
        String logGroupClass = request.logGroupClassAsString() == null ? "STANDARD" : request.logGroupClassAsString();
        states.get(ctx).createGroup(new LogGroupRecord(name, ctx.now().toEpochMilli(), null, request.kmsKeyId(),
                logGroupClass, new TreeMap<>(tags), request.deletionProtectionEnabled()));
        return CreateLogGroupResponse.builder().build();
    }

    public DeleteLogGroupResponse deleteLogGroup(RequestContext ctx, DeleteLogGroupRequest request) {
        LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupName", request.logGroupName())).orThrow();
        states.get(ctx).deleteGroup(request.logGroupName());
        return DeleteLogGroupResponse.builder().build();
    }

    public DescribeLogGroupsResponse describeLogGroups(RequestContext ctx, DescribeLogGroupsRequest request) {
        String prefix = request.logGroupNamePrefix();
        String pattern = request.logGroupNamePattern();
        List<String> identifiers = request.hasLogGroupIdentifiers() ? request.logGroupIdentifiers() : null;
        LogsErrors.validation().satisfies(LogNames.groupName("logGroupNamePrefix", prefix))
                .length("logGroupNamePattern", pattern, 0, 512)
                .pattern("logGroupNamePattern", pattern, NAME_PATTERN, NAME_PATTERN_TEXT)
                .range("limit", request.limit(), 1, LogsPaging.DESCRIBE.maxSize())
                .size("logGroupIdentifiers", identifiers, 1, 50)
                .oneOf("logGroupClass", request.logGroupClassAsString(), LOG_GROUP_CLASSES)
                .orThrow();
        if (prefix != null && pattern != null) {
            throw LogsErrors.invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        if (identifiers != null && (prefix != null || pattern != null)) {
            throw LogsErrors.invalidParameter(
                    "logGroupIdentifiers cannot be combined with logGroupNamePrefix or logGroupNamePattern.");
        }
        Scope scope = ctx.scope();
        LogsState state = states.get(scope);
        List<LogGroupRecord> matching = state.groups().stream()
                .filter(group -> prefix == null || group.name().startsWith(prefix))
                .filter(group -> pattern == null
                        || group.name().toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT)))
                .filter(group -> identifiers == null || identifiers.contains(group.name())
                        || identifiers.contains(LogGroupReferences.arn(scope, group.name()).toString()))
                .filter(group -> request.logGroupClassAsString() == null
                        || request.logGroupClassAsString().equals(group.logGroupClass()))
                .sorted(Comparator.comparing(LogGroupRecord::name))
                .toList();
        Pages.Page<LogGroupRecord> page = LogsPaging.PAGES.page(matching, LogGroupRecord::name, request.nextToken(),
                request.limit(), LogsPaging.DESCRIBE);
        return DescribeLogGroupsResponse.builder()
                .logGroups(page.items().stream().map(g -> describe(scope, state, g)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static LogGroup describe(Scope scope, LogsState state, LogGroupRecord group) {
        return LogGroup.builder()
                .logGroupName(group.name())
                .creationTime(group.creationTime())
                .retentionInDays(group.retentionInDays())
                .metricFilterCount(0)
                .arn(LogGroupReferences.wildcardArn(scope, group.name()).toString())
                .logGroupArn(LogGroupReferences.arn(scope, group.name()).toString())
                .storedBytes(state.storedBytes(group.name()))
                .kmsKeyId(group.kmsKeyId())
                .logGroupClass(group.logGroupClass())
                .deletionProtectionEnabled(group.deletionProtectionEnabled())
                .build();
    }
}
