package gluelab.cloud.services.logs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

/**
 * CreateLogStream, DeleteLogStream and DescribeLogStreams, by name or by last event time. A stream's statistics
 * ({@code lastEventTimestamp} and friends) are current at once, where AWS updates them within an hour.
 */
public final class LogStreamOperations {

    private static final List<String> ORDER_BY = List.of("LogStreamName", "LastEventTime");

    private final AccountRegionStore<LogsState> states;

    LogStreamOperations(AccountRegionStore<LogsState> states) {
        this.states = states;
    }

    public CreateLogStreamResponse createLogStream(RequestContext ctx, CreateLogStreamRequest request) {
        LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupName", request.logGroupName()))
                .satisfies(LogNames.requiredStreamName("logStreamName", request.logStreamName()))
                .orThrow();
        states.get(ctx).createStream(request.logGroupName(), request.logStreamName(), ctx.now().toEpochMilli());
        return CreateLogStreamResponse.builder().build();
    }

    public DeleteLogStreamResponse deleteLogStream(RequestContext ctx, DeleteLogStreamRequest request) {
        LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupName", request.logGroupName()))
                .satisfies(LogNames.requiredStreamName("logStreamName", request.logStreamName()))
                .orThrow();
        states.get(ctx).deleteStream(request.logGroupName(), request.logStreamName());
        return DeleteLogStreamResponse.builder().build();
    }

    public DescribeLogStreamsResponse describeLogStreams(RequestContext ctx, DescribeLogStreamsRequest request) {
        String prefix = request.logStreamNamePrefix();
        LogsErrors.validation().satisfies(LogNames.groupName("logGroupName", request.logGroupName()))
                .satisfies(LogNames.streamName("logStreamNamePrefix", prefix))
                .oneOf("orderBy", request.orderByAsString(), ORDER_BY)
                .range("limit", request.limit(), 1, LogsPaging.DESCRIBE.maxSize())
                .orThrow();
        boolean byLastEventTime = "LastEventTime".equals(request.orderByAsString());
        if (byLastEventTime && prefix != null) {
            throw LogsErrors.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        Scope scope = ctx.scope();
        String group = LogGroupReferences.resolve(ctx, request.logGroupName(), request.logGroupIdentifier());
        LogsState state = states.get(scope);
        state.group(group);
        // The sort key as text: zero-padded times sort like numbers, and the name breaks ties.
        Function<LogsState.Stream, String> key = byLastEventTime
                ? s -> String.format("%020d:%s", nullToZero(s.events().lastEventTimestamp()), s.record().name())
                : s -> s.record().name();
        Comparator<String> order = Boolean.TRUE.equals(request.descending())
                ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<LogsState.Stream> matching = state.streams(group).stream()
                .filter(s -> prefix == null || s.record().name().startsWith(prefix))
                .sorted(Comparator.comparing(key, order))
                .toList();
        Pages.Page<LogsState.Stream> page = LogsPaging.PAGES.page(matching, key, order, request.nextToken(),
                request.limit(), LogsPaging.DESCRIBE);
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
                .arn(LogGroupReferences.streamArn(scope, stream.record().groupName(), stream.record().name()).toString())
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
}
