package gluelab.cloud.services.logs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.services.logs.filter.FilterPattern;
import gluelab.cloud.services.logs.filter.InvalidFilterPatternException;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/**
 * The events of log streams: PutLogEvents under AWS's current batch rules ({@link BatchAdmission}), GetLogEvents
 * of one stream with forward and backward tokens ({@link StreamPage}), and FilterLogEvents across a group's streams
 * with the real filter-pattern syntax ({@link GroupSearch}).
 */
public final class LogEventOperations {

    private static final int MAX_EVENTS_PAGE = 10_000;
    /** FilterLogEvents reads newest first ({@code startFromHead=false}) only from this time on: 2024-01-01 UTC. */
    private static final long NEWEST_FIRST_SINCE = 1_704_067_200_000L;

    private final AccountRegionStore<LogsState> states;

    LogEventOperations(AccountRegionStore<LogsState> states) {
        this.states = states;
    }

    public PutLogEventsResponse putLogEvents(RequestContext ctx, PutLogEventsRequest request) {
        LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupName", request.logGroupName()))
                .satisfies(LogNames.requiredStreamName("logStreamName", request.logStreamName()))
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
        LogsErrors.validation().satisfies(LogNames.groupName("logGroupName", request.logGroupName()))
                .satisfies(LogNames.requiredStreamName("logStreamName", request.logStreamName()))
                .range("limit", request.limit(), 1, MAX_EVENTS_PAGE)
                .range("startTime", request.startTime(), 0, Long.MAX_VALUE)
                .range("endTime", request.endTime(), 0, Long.MAX_VALUE)
                .orThrow();
        String groupName = LogGroupReferences.resolve(ctx, request.logGroupName(), request.logGroupIdentifier());
        LogsState state = states.get(ctx);
        LogsState.Stream stream = state.stream(groupName, request.logStreamName());
        StreamPage.Result page = StreamPage.read(stream.events(),
                RetentionPolicyOperations.retainedSince(ctx, state.group(groupName)), request.startTime(),
                request.endTime(), request.nextToken(), request.limit() == null ? MAX_EVENTS_PAGE : request.limit(),
                Boolean.TRUE.equals(request.startFromHead()));
        return GetLogEventsResponse.builder()
                .events(page.events().stream().map(e -> OutputLogEvent.builder()
                        .timestamp(e.timestamp()).message(e.message()).ingestionTime(e.ingestionTime()).build()).toList())
                .nextForwardToken(page.nextForwardToken())
                .nextBackwardToken(page.nextBackwardToken())
                .build();
    }

    public FilterLogEventsResponse filterLogEvents(RequestContext ctx, FilterLogEventsRequest request) {
        List<String> streamNames = request.hasLogStreamNames() ? request.logStreamNames() : null;
        Validation validation = LogsErrors.validation()
                .satisfies(LogNames.groupName("logGroupName", request.logGroupName()))
                .size("logStreamNames", streamNames, 1, 100)
                .satisfies(LogNames.streamName("logStreamNamePrefix", request.logStreamNamePrefix()))
                .length("filterPattern", request.filterPattern(), 0, 1024)
                .range("limit", request.limit(), 1, MAX_EVENTS_PAGE)
                .range("startTime", request.startTime(), 0, Long.MAX_VALUE)
                .range("endTime", request.endTime(), 0, Long.MAX_VALUE);
        if (streamNames != null) {
            streamNames.forEach(n -> validation.satisfies(LogNames.requiredStreamName("logStreamNames.member", n)));
        }
        validation.orThrow();
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
        String groupName = LogGroupReferences.resolve(ctx, request.logGroupName(), request.logGroupIdentifier());
        LogsState state = states.get(ctx);
        LogGroupRecord group = state.group(groupName);
        List<LogsState.Stream> streams = state.streams(groupName).stream()
                .filter(s -> streamNames == null || streamNames.contains(s.record().name()))
                .filter(s -> request.logStreamNamePrefix() == null
                        || s.record().name().startsWith(request.logStreamNamePrefix()))
                .toList();
        GroupSearch.Result result = GroupSearch.search(streams, pattern, RetentionPolicyOperations.retainedSince(ctx, group),
                request.startTime(), request.endTime(), request.nextToken(),
                request.limit() == null ? MAX_EVENTS_PAGE : request.limit(), newestFirst);
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
}
