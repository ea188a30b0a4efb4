package gluelab.cloud.services.logs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.services.logs.filter.FilterPattern;
import gluelab.cloud.services.logs.filter.InvalidFilterPatternException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;

/**
 * CloudWatch Logs: log groups and streams, PutLogEvents under AWS's current batch rules, GetLogEvents with
 * forward and backward tokens, and FilterLogEvents with the real filter-pattern syntax. Other services
 * write their logs through {@link LogWriter}.
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

    static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final List<String> LOG_GROUP_CLASSES = List.of("STANDARD", "INFREQUENT_ACCESS", "DELIVERY");
    private static final List<String> ORDER_BY = List.of("LogStreamName", "LastEventTime");
    private static final Pattern TAG_KEY = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$");
    private static final Pattern TAG_VALUE = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    private static final int MAX_TAGS = 50;
    private static final int MAX_DESCRIBE_LIMIT = 50;
    /** FilterLogEvents reads newest first ({@code startFromHead=false}) only from this time on: 2024-01-01 UTC. */
    private static final long NEWEST_FIRST_SINCE = 1_704_067_200_000L;

    private final AccountRegionStore<LogsState> states;

    public LogsProvider(Platform platform) {
        this.states = new AccountRegionStore<>(SERVICE, platform.state(), LogsState::new);
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
    public java.util.List<Object> operationHandlers() {
        return java.util.List.of(this);
    }

    @Override
    public int reset(String prefix) {
        int removed = 0;
        for (LogsState state : states.all().values()) {
            removed += state.reset(prefix);
        }
        return removed;
    }

    // ---- log groups --------------------------------------------------------------------------------------

    public CreateLogGroupResponse createLogGroup(RequestContext ctx, CreateLogGroupRequest request) {
        String name = request.logGroupName();
        Constraints.check().logGroupName("logGroupName", name, true)
                .length("kmsKeyId", request.kmsKeyId(), 0, 256)
                .oneOf("logGroupClass", request.logGroupClassAsString(), LOG_GROUP_CLASSES)
                .orThrow();
        if (name.toLowerCase(Locale.ROOT).startsWith("aws/")) {
            throw LogsErrors.invalidParameter("Log groups starting with AWS/ are reserved for AWS.");
        }
        Map<String, String> tags = request.hasTags() ? request.tags() : Map.of();
        checkTags(tags);
        String logGroupClass = request.logGroupClassAsString() == null ? "STANDARD" : request.logGroupClassAsString();
        states.get(ctx).createGroup(new LogGroupRecord(name, ctx.now().toEpochMilli(), null, request.kmsKeyId(),
                logGroupClass, new TreeMap<>(tags), request.deletionProtectionEnabled()));
        return CreateLogGroupResponse.builder().build();
    }

    public DeleteLogGroupResponse deleteLogGroup(RequestContext ctx, DeleteLogGroupRequest request) {
        Constraints.check().logGroupName("logGroupName", request.logGroupName(), true).orThrow();
        states.get(ctx).deleteGroup(request.logGroupName());
        return DeleteLogGroupResponse.builder().build();
    }

    public DescribeLogGroupsResponse describeLogGroups(RequestContext ctx, DescribeLogGroupsRequest request) {
        String prefix = request.logGroupNamePrefix();
        String pattern = request.logGroupNamePattern();
        List<String> identifiers = request.hasLogGroupIdentifiers() ? request.logGroupIdentifiers() : null;
        Constraints.check().logGroupName("logGroupNamePrefix", prefix, false)
                .length("logGroupNamePattern", pattern, 0, 512)
                .pattern("logGroupNamePattern", pattern, Pattern.compile("[\\.\\-_/#A-Za-z0-9]*"), "[\\.\\-_/#A-Za-z0-9]*")
                .range("limit", request.limit(), 1, MAX_DESCRIBE_LIMIT)
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
        List<LogGroupRecord> matching = new ArrayList<>();
        for (LogGroupRecord group : state.groups()) {
            boolean wanted = (prefix == null || group.name().startsWith(prefix))
                    && (pattern == null || group.name().toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT)))
                    && (identifiers == null || identifiers.contains(group.name())
                        || identifiers.contains(LogsArns.logGroup(scope, group.name())))
                    && (request.logGroupClassAsString() == null || request.logGroupClassAsString().equals(group.logGroupClass()));
            if (wanted) {
                matching.add(group);
            }
        }
        Page<LogGroupRecord> page = Page.of(matching, LogGroupRecord::name, false, request.nextToken(),
                request.limit() == null ? MAX_DESCRIBE_LIMIT : request.limit());
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
                .arn(LogsArns.logGroupWildcard(scope, group.name()))
                .logGroupArn(LogsArns.logGroup(scope, group.name()))
                .storedBytes(state.storedBytes(group.name()))
                .kmsKeyId(group.kmsKeyId())
                .logGroupClass(group.logGroupClass())
                .deletionProtectionEnabled(group.deletionProtectionEnabled())
                .build();
    }

    public PutRetentionPolicyResponse putRetentionPolicy(RequestContext ctx, PutRetentionPolicyRequest request) {
        Integer days = request.retentionInDays();
        Constraints.check().logGroupName("logGroupName", request.logGroupName(), true)
                .required("retentionInDays", days)
                .orThrow();
        if (!RETENTION_DAYS.contains(days)) {
            Constraints.check().oneOf("retentionInDays", String.valueOf(days),
                    RETENTION_DAYS.stream().map(String::valueOf).toList()).orThrow();
        }
        states.get(ctx).updateGroup(request.logGroupName(), g -> g.withRetentionInDays(days));
        return PutRetentionPolicyResponse.builder().build();
    }

    public DeleteRetentionPolicyResponse deleteRetentionPolicy(RequestContext ctx, DeleteRetentionPolicyRequest request) {
        Constraints.check().logGroupName("logGroupName", request.logGroupName(), true).orThrow();
        states.get(ctx).updateGroup(request.logGroupName(), g -> g.withRetentionInDays(null));
        return DeleteRetentionPolicyResponse.builder().build();
    }

    // ---- tags --------------------------------------------------------------------------------------------

    public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest request) {
        Constraints.check().required("resourceArn", request.resourceArn())
                .required("tags", request.hasTags() ? request.tags() : null)
                .size("tags", request.hasTags() ? request.tags() : null, 1, MAX_TAGS)
                .orThrow();
        addTags(ctx, groupOfArn(ctx, request.resourceArn()), request.tags());
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest request) {
        Constraints.check().required("resourceArn", request.resourceArn())
                .required("tagKeys", request.hasTagKeys() ? request.tagKeys() : null)
                .orThrow();
        removeTags(ctx, groupOfArn(ctx, request.resourceArn()), request.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest request) {
        Constraints.check().required("resourceArn", request.resourceArn()).orThrow();
        String group = groupOfArn(ctx, request.resourceArn());
        return ListTagsForResourceResponse.builder().tags(states.get(ctx).group(group).tags()).build();
    }

    /** The older, log-group-only form of TagResource; AWS still serves it. */
    public TagLogGroupResponse tagLogGroup(RequestContext ctx, TagLogGroupRequest request) {
        Constraints.check().logGroupName("logGroupName", request.logGroupName(), true)
                .required("tags", request.hasTags() ? request.tags() : null)
                .orThrow();
        addTags(ctx, request.logGroupName(), request.tags());
        return TagLogGroupResponse.builder().build();
    }

    public UntagLogGroupResponse untagLogGroup(RequestContext ctx, UntagLogGroupRequest request) {
        Constraints.check().logGroupName("logGroupName", request.logGroupName(), true)
                .required("tags", request.hasTags() ? request.tags() : null)
                .orThrow();
        removeTags(ctx, request.logGroupName(), request.tags());
        return UntagLogGroupResponse.builder().build();
    }

    public ListTagsLogGroupResponse listTagsLogGroup(RequestContext ctx, ListTagsLogGroupRequest request) {
        Constraints.check().logGroupName("logGroupName", request.logGroupName(), true).orThrow();
        return ListTagsLogGroupResponse.builder().tags(states.get(ctx).group(request.logGroupName()).tags()).build();
    }

    private String groupOfArn(RequestContext ctx, String arn) {
        LogsArns.LogGroupArn parsed = LogsArns.parseLogGroup(arn);
        if (parsed == null) {
            throw LogsErrors.invalidParameter("Invalid resource arn: " + arn);
        }
        if (!parsed.scope().equals(ctx.scope())) {
            throw LogsErrors.groupNotFound();
        }
        return parsed.name();
    }

    private void addTags(RequestContext ctx, String group, Map<String, String> tags) {
        checkTags(tags);
        states.get(ctx).updateGroup(group, g -> {
            Map<String, String> merged = new TreeMap<>(g.tags());
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS) {
                throw LogsErrors.tooManyTags();
            }
            return g.withTags(merged);
        });
    }

    private void removeTags(RequestContext ctx, String group, List<String> keys) {
        states.get(ctx).updateGroup(group, g -> {
            Map<String, String> remaining = new TreeMap<>(g.tags());
            keys.forEach(remaining::remove);
            return g.withTags(remaining);
        });
    }

    private static void checkTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw LogsErrors.tooManyTags();
        }
        Constraints constraints = Constraints.check();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            constraints.length("tags.key", tag.getKey(), 1, 128).pattern("tags.key", tag.getKey(), TAG_KEY, TAG_KEY.pattern())
                    .length("tags.value", tag.getValue(), 0, 256)
                    .pattern("tags.value", tag.getValue(), TAG_VALUE, TAG_VALUE.pattern());
        }
        constraints.orThrow();
    }

    // ---- log streams -------------------------------------------------------------------------------------

    public CreateLogStreamResponse createLogStream(RequestContext ctx, CreateLogStreamRequest request) {
        Constraints.check().logGroupName("logGroupName", request.logGroupName(), true)
                .logStreamName("logStreamName", request.logStreamName(), true)
                .orThrow();
        states.get(ctx).createStream(request.logGroupName(), request.logStreamName(), ctx.now().toEpochMilli());
        return CreateLogStreamResponse.builder().build();
    }

    public DeleteLogStreamResponse deleteLogStream(RequestContext ctx, DeleteLogStreamRequest request) {
        Constraints.check().logGroupName("logGroupName", request.logGroupName(), true)
                .logStreamName("logStreamName", request.logStreamName(), true)
                .orThrow();
        states.get(ctx).deleteStream(request.logGroupName(), request.logStreamName());
        return DeleteLogStreamResponse.builder().build();
    }

    public DescribeLogStreamsResponse describeLogStreams(RequestContext ctx, DescribeLogStreamsRequest request) {
        String prefix = request.logStreamNamePrefix();
        Constraints.check().logGroupName("logGroupName", request.logGroupName(), false)
                .logStreamName("logStreamNamePrefix", prefix, false)
                .oneOf("orderBy", request.orderByAsString(), ORDER_BY)
                .range("limit", request.limit(), 1, MAX_DESCRIBE_LIMIT)
                .orThrow();
        boolean byLastEventTime = "LastEventTime".equals(request.orderByAsString());
        if (byLastEventTime && prefix != null) {
            throw LogsErrors.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        Scope scope = ctx.scope();
        String group = resolveGroup(ctx, request.logGroupName(), request.logGroupIdentifier());
        LogsState state = states.get(scope);
        state.group(group);
        List<LogsState.Stream> matching = state.streams(group).stream()
                .filter(s -> prefix == null || s.record().name().startsWith(prefix))
                .toList();
        // The sort key as text: zero-padded times sort like numbers, and the name breaks ties.
        Function<LogsState.Stream, String> key = byLastEventTime
                ? s -> String.format("%020d:%s", nullToZero(s.events().lastEventTimestamp()), s.record().name())
                : s -> s.record().name();
        Page<LogsState.Stream> page = Page.of(matching, key, Boolean.TRUE.equals(request.descending()),
                request.nextToken(), request.limit() == null ? MAX_DESCRIBE_LIMIT : request.limit());
        return DescribeLogStreamsResponse.builder()
                .logStreams(page.items().stream().map(s -> describe(scope, s)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static long nullToZero(Long value) {
        return value == null ? 0 : value;
    }

    private static LogStream describe(Scope scope, LogsState.Stream stream) {
        StreamEvents events = stream.events();
        LogStream.Builder out = LogStream.builder()
                .logStreamName(stream.record().name())
                .creationTime(stream.record().creationTime())
                .arn(LogsArns.logStream(scope, stream.record().groupName(), stream.record().name()))
                // AWS has reported 0 for log streams since June 2019; only log groups report stored bytes.
                .storedBytes(0L);
        if (!events.isEmpty()) {
            out.firstEventTimestamp(events.firstEventTimestamp())
                    .lastEventTimestamp(events.lastEventTimestamp())
                    .lastIngestionTime(events.lastIngestionTime())
                    .uploadSequenceToken(events.sequenceToken());
        }
        return out.build();
    }

    // ---- events ------------------------------------------------------------------------------------------

    public PutLogEventsResponse putLogEvents(RequestContext ctx, PutLogEventsRequest request) {
        Constraints.check().logGroupName("logGroupName", request.logGroupName(), true)
                .logStreamName("logStreamName", request.logStreamName(), true)
                .required("logEvents", request.hasLogEvents() ? request.logEvents() : null)
                .orThrow();
        // request.sequenceToken() is accepted and ignored, as AWS has done since January 2023.
        BatchAdmission.checkShape(request.logEvents());
        LogsState state = states.get(ctx);
        LogsState.Stream stream = state.stream(request.logGroupName(), request.logStreamName());
        LogGroupRecord group = state.group(request.logGroupName());
        long now = ctx.now().toEpochMilli();
        BatchAdmission.Admission admission = BatchAdmission.admit(request.logEvents(), now, group.retentionInDays());
        String token;
        try {
            token = stream.events().append(admission.accepted(), now);
        } catch (StreamEvents.StreamDeletedException gone) {
            throw LogsErrors.streamNotFound();
        }
        return PutLogEventsResponse.builder()
                .nextSequenceToken(token)
                .rejectedLogEventsInfo(admission.rejected())
                .build();
    }

    public GetLogEventsResponse getLogEvents(RequestContext ctx, GetLogEventsRequest request) {
        Constraints.check().logGroupName("logGroupName", request.logGroupName(), false)
                .logStreamName("logStreamName", request.logStreamName(), true)
                .range("limit", request.limit(), 1, 10_000)
                .range("startTime", request.startTime(), 0, Long.MAX_VALUE)
                .range("endTime", request.endTime(), 0, Long.MAX_VALUE)
                .orThrow();
        String groupName = resolveGroup(ctx, request.logGroupName(), request.logGroupIdentifier());
        LogsState state = states.get(ctx);
        LogsState.Stream stream = state.stream(groupName, request.logStreamName());
        StreamPage.Result page = StreamPage.read(stream.events(), retainedSince(ctx, state.group(groupName)),
                request.startTime(), request.endTime(), request.nextToken(),
                request.limit() == null ? 10_000 : request.limit(), Boolean.TRUE.equals(request.startFromHead()));
        return GetLogEventsResponse.builder()
                .events(page.events().stream().map(e -> OutputLogEvent.builder()
                        .timestamp(e.timestamp()).message(e.message()).ingestionTime(e.ingestionTime()).build()).toList())
                .nextForwardToken(page.nextForwardToken())
                .nextBackwardToken(page.nextBackwardToken())
                .build();
    }

    public FilterLogEventsResponse filterLogEvents(RequestContext ctx, FilterLogEventsRequest request) {
        List<String> streamNames = request.hasLogStreamNames() ? request.logStreamNames() : null;
        Constraints constraints = Constraints.check().logGroupName("logGroupName", request.logGroupName(), false)
                .size("logStreamNames", streamNames, 1, 100)
                .logStreamName("logStreamNamePrefix", request.logStreamNamePrefix(), false)
                .length("filterPattern", request.filterPattern(), 0, 1024)
                .range("limit", request.limit(), 1, 10_000)
                .range("startTime", request.startTime(), 0, Long.MAX_VALUE)
                .range("endTime", request.endTime(), 0, Long.MAX_VALUE);
        if (streamNames != null) {
            streamNames.forEach(n -> constraints.logStreamName("logStreamNames.member", n, true));
        }
        constraints.orThrow();
        boolean newestFirst = Boolean.FALSE.equals(request.startFromHead());
        if (newestFirst && (request.startTime() == null || request.startTime() < NEWEST_FIRST_SINCE)) {
            throw LogsErrors.invalidParameter("Setting startFromHead to false is supported only when startTime is on "
                    + "or after Jan 1, 2024 00:00:00 UTC.");
        }
        if (streamNames != null && request.logStreamNamePrefix() != null) {
            throw LogsErrors.invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        FilterPattern pattern;
        try {
            pattern = FilterPattern.parse(request.filterPattern());
        } catch (InvalidFilterPatternException e) {
            throw LogsErrors.invalidFilterPattern();
        }
        String groupName = resolveGroup(ctx, request.logGroupName(), request.logGroupIdentifier());
        LogsState state = states.get(ctx);
        LogGroupRecord group = state.group(groupName);
        List<LogsState.Stream> streams = state.streams(groupName).stream()
                .filter(s -> streamNames == null || streamNames.contains(s.record().name()))
                .filter(s -> request.logStreamNamePrefix() == null || s.record().name().startsWith(request.logStreamNamePrefix()))
                .toList();
        GroupSearch.Result result = GroupSearch.search(streams, pattern, retainedSince(ctx, group),
                request.startTime(), request.endTime(), request.nextToken(),
                request.limit() == null ? 10_000 : request.limit(), newestFirst);
        return FilterLogEventsResponse.builder()
                .events(result.events().stream().map(m -> FilteredLogEvent.builder()
                        .logStreamName(m.streamName())
                        .timestamp(m.event().timestamp())
                        .message(m.event().message())
                        .ingestionTime(m.event().ingestionTime())
                        .eventId(m.eventId())
                        .build()).toList())
                .nextToken(result.nextToken())
                .build();
    }

    /** The oldest event timestamp the group's retention keeps at this moment of the lab clock. */
    private static long retainedSince(RequestContext ctx, LogGroupRecord group) {
        return group.retentionInDays() == null ? 0
                : ctx.now().toEpochMilli() - Duration.ofDays(group.retentionInDays()).toMillis();
    }

    /**
     * The log group named by {@code logGroupName} or {@code logGroupIdentifier} (a name or an ARN):
     * exactly one of them.
     */
    private static String resolveGroup(RequestContext ctx, String name, String identifier) {
        if (name != null && identifier != null) {
            throw LogsErrors.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (name == null && identifier == null) {
            throw LogsErrors.invalidParameter("Should provide either name or ARN of LogGroup.");
        }
        if (name != null) {
            return name;
        }
        LogsArns.LogGroupArn arn = LogsArns.parseLogGroup(identifier);
        if (arn == null) {
            Constraints.check().logGroupName("logGroupIdentifier", identifier, true).orThrow();
            return identifier;
        }
        if (!arn.scope().equals(ctx.scope())) {
            throw LogsErrors.groupNotFound();
        }
        return arn.name();
    }

    /** One page of a sorted listing, and the token of the next one. */
    private record Page<T>(List<T> items, String nextToken) {

        static <T> Page<T> of(List<T> all, Function<T, String> key, boolean descending, String token, int limit) {
            Comparator<String> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
            List<T> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparing(key, order));
            String after = token == null ? null : PageTokens.decode(token);
            List<T> rest = after == null ? sorted
                    : sorted.stream().filter(item -> order.compare(key.apply(item), after) > 0).toList();
            if (rest.size() <= limit) {
                return new Page<>(rest, null);
            }
            List<T> page = rest.subList(0, limit);
            return new Page<>(page, PageTokens.encode(key.apply(page.get(limit - 1))));
        }
    }
}
