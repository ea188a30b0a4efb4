package gluelab.cloud.services.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.logs.filter.FilterPattern;
import gluelab.cloud.services.logs.insights.Fields;
import gluelab.cloud.services.logs.insights.InsightsQuery;
import gluelab.cloud.services.logs.insights.QuerySyntaxException;
import gluelab.cloud.state.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueriesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueriesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatistics;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryResponse;

/**
 * CloudWatch Logs Insights: StartQuery compiles the query ({@link InsightsQuery}) and schedules it; a runner thread
 * reads the groups' events in the time range (through {@link GroupSearch}, as FilterLogEvents does) and evaluates
 * it; GetQueryResults answers the status and, once Complete, the rows and statistics; StopQuery cancels a query
 * in progress; DescribeQueries lists the account's queries, newest first.
 *
 * <p>Where Lab Cloud differs from AWS: queries and their results live in memory until Lab Cloud stops (AWS keeps
 * results for 7 days); a query usually completes within milliseconds, so a poll seldom sees Scheduled or Running.
 */
public final class QueryOperations {

    /** AWS's quota of queries in progress per account and region (Standard log class). */
    static final int MAX_CONCURRENT_QUERIES = 30;
    static final int MAX_LIMIT = 10_000;
    private static final int MAX_QUERY_LENGTH = 10_000;
    private static final int MAX_GROUPS = 50;
    private static final Pages.Limits DESCRIBE = new Pages.Limits("maxResults", 1000, 1000);
    private static final FilterPattern EVERY_EVENT = FilterPattern.parse("");

    private final AccountRegionStore<LogsState> states;
    private final Map<Scope, Map<String, QueryRun>> queries = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "logs-insights");
        thread.setDaemon(true);
        return thread;
    });

    QueryOperations(AccountRegionStore<LogsState> states) {
        this.states = states;
    }

    public StartQueryResponse startQuery(RequestContext ctx, StartQueryRequest request) {
        List<String> names = request.hasLogGroupNames() ? request.logGroupNames() : null;
        List<String> identifiers = request.hasLogGroupIdentifiers() ? request.logGroupIdentifiers() : null;
        LogsErrors.validation()
                .satisfies(LogNames.groupName("logGroupName", request.logGroupName()))
                .size("logGroupNames", names, 1, MAX_GROUPS)
                .size("logGroupIdentifiers", identifiers, 1, MAX_GROUPS)
                .required("startTime", request.startTime())
                .range("startTime", request.startTime(), 0, Long.MAX_VALUE)
                .required("endTime", request.endTime())
                .range("endTime", request.endTime(), 0, Long.MAX_VALUE)
                .required("queryString", request.queryString())
                .length("queryString", request.queryString(), 0, MAX_QUERY_LENGTH)
                .range("limit", request.limit(), 1, MAX_LIMIT)
                .orThrow();
        int given = (request.logGroupName() != null ? 1 : 0) + (names != null ? 1 : 0) + (identifiers != null ? 1 : 0);
        if (given != 1) {
            throw LogsErrors.invalidParameter(
                    "Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified.");
        }
        if (request.endTime() < request.startTime()) {
            throw LogsErrors.invalidParameter("End time should not be before the start time");
        }
        InsightsQuery query;
        try {
            query = InsightsQuery.parse(request.queryString());
        } catch (QuerySyntaxException e) {
            throw malformed(e);
        }
        List<String> groups = new ArrayList<>();
        if (request.logGroupName() != null) {
            groups.add(request.logGroupName());
        } else if (names != null) {
            names.forEach(n -> LogsErrors.validation().satisfies(LogNames.requiredGroupName("logGroupNames.member", n)).orThrow());
            groups.addAll(names);
        } else {
            identifiers.forEach(i -> groups.add(LogGroupReferences.resolve(ctx, null, i)));
        }
        LogsState state = states.get(ctx);
        groups.forEach(state::group);
        Map<String, QueryRun> account = queries.computeIfAbsent(ctx.scope(), s -> new ConcurrentHashMap<>());
        QueryRun run;
        synchronized (account) {
            long running = account.values().stream().filter(QueryRun::inProgress).count();
            if (running >= MAX_CONCURRENT_QUERIES) {
                throw new AwsServiceException("LimitExceededException",
                        "Account maximum query concurrency limit of [" + MAX_CONCURRENT_QUERIES + "] reached.", 400);
            }
            run = new QueryRun(UUID.randomUUID().toString(), sequence.incrementAndGet(), request.queryString(), query,
                    List.copyOf(groups), request.startTime() * 1000, request.endTime() * 1000 + 999,
                    request.limit() == null ? MAX_LIMIT : request.limit(), ctx.now().toEpochMilli());
            account.put(run.id, run);
        }
        runner.execute(() -> execute(ctx, state, run));
        return StartQueryResponse.builder().queryId(run.id).build();
    }

    public GetQueryResultsResponse getQueryResults(RequestContext ctx, GetQueryResultsRequest request) {
        LogsErrors.validation().required("queryId", request.queryId()).length("queryId", request.queryId(), 0, 256).orThrow();
        QueryRun run = find(ctx, request.queryId());
        QueryRun.Progress progress = run.progress();
        return GetQueryResultsResponse.builder()
                .status(progress.status())
                .results(progress.outcome().results())
                .statistics(progress.outcome().statistics())
                .build();
    }

    public StopQueryResponse stopQuery(RequestContext ctx, StopQueryRequest request) {
        LogsErrors.validation().required("queryId", request.queryId()).length("queryId", request.queryId(), 1, 256).orThrow();
        QueryRun run = find(ctx, request.queryId());
        if (!run.cancel()) {
            throw LogsErrors.invalidParameter("Query " + run.id + " is not running.");
        }
        return StopQueryResponse.builder().success(true).build();
    }

    public DescribeQueriesResponse describeQueries(RequestContext ctx, DescribeQueriesRequest request) {
        LogsErrors.validation().satisfies(LogNames.groupName("logGroupName", request.logGroupName())).orThrow();
        List<QueryRun> runs = queries.getOrDefault(ctx.scope(), Map.of()).values().stream()
                .filter(r -> request.logGroupName() == null || r.groups.contains(request.logGroupName()))
                .filter(r -> request.status() == null || r.status() == request.status())
                .sorted(Comparator.comparingLong((QueryRun r) -> r.sequence).reversed())
                .toList();
        Pages.Page<QueryRun> page = LogsPaging.PAGES.page(runs, r -> String.format("%019d", Long.MAX_VALUE - r.sequence),
                request.nextToken(), request.maxResults(), DESCRIBE);
        return DescribeQueriesResponse.builder()
                .queries(page.items().stream().map(r -> QueryInfo.builder()
                        .queryId(r.id)
                        .queryString(r.queryString)
                        .status(r.status())
                        .createTime(r.createTime)
                        .logGroupName(r.groups.get(0))
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private QueryRun find(RequestContext ctx, String id) {
        QueryRun run = queries.getOrDefault(ctx.scope(), Map.of()).get(id);
        if (run == null) {
            throw new AwsServiceException("ResourceNotFoundException", "Query does not exist.", 400);
        }
        return run;
    }

    private static AwsServiceException malformed(QuerySyntaxException e) {
        ObjectNode location = Json.object().put("startCharOffset", e.start()).put("endCharOffset", e.end());
        JsonNode compileError = Json.object().<ObjectNode>set("location", location).put("message", e.getMessage());
        return new AwsServiceException("MalformedQueryException", e.getMessage(), 400)
                .withDocument("queryCompileError", compileError);
    }

    // ---- running a query -----------------------------------------------------------------------------------

    private void execute(RequestContext ctx, LogsState state, QueryRun run) {
        if (!run.begin()) {
            return;
        }
        try {
            List<Map<String, Object>> events = new ArrayList<>();
            long bytes = 0;
            for (String group : run.groups) {
                LogGroupRecord record = state.findGroup(group).orElse(null);
                if (record == null) {
                    continue;
                }
                long notBefore = RetentionPolicyOperations.retainedSince(ctx, record);
                for (GroupSearch.Match match : allEvents(state.streams(group), notBefore, run)) {
                    events.add(fields(ctx.scope(), group, match));
                    bytes += match.event().message().getBytes(StandardCharsets.UTF_8).length;
                }
            }
            events.sort(Comparator.comparing((Map<String, Object> e) -> (Instant) e.get(Fields.TIMESTAMP)).reversed());
            InsightsQuery.Result result = run.query.run(events, run.limit);
            List<List<ResultField>> rows = result.rows().stream().map(row -> row.fields().stream()
                    .map(f -> ResultField.builder().field(f.getKey()).value(f.getValue()).build()).toList()).toList();
            run.finish(new QueryRun.Outcome(rows, QueryStatistics.builder()
                    .recordsMatched((double) result.recordsMatched())
                    .recordsScanned((double) events.size())
                    .bytesScanned((double) bytes)
                    .build()));
        } catch (RuntimeException e) {
            run.fail();
        }
    }

    /** Every event of the streams in the query's range, page after page of the same search FilterLogEvents makes. */
    private static Iterable<GroupSearch.Match> allEvents(List<LogsState.Stream> streams, long notBefore, QueryRun run) {
        return () -> new Iterator<>() {
            private Iterator<GroupSearch.Match> page = List.<GroupSearch.Match>of().iterator();
            private String token;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !done) {
                    GroupSearch.Result result = GroupSearch.search(streams, EVERY_EVENT, notBefore, run.startMillis,
                            run.endMillis, token, MAX_LIMIT, false);
                    page = result.events().iterator();
                    token = result.nextToken();
                    done = token == null;
                }
                return page.hasNext();
            }

            @Override
            public GroupSearch.Match next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    /** An event's fields: the system fields, and the members of a JSON message (nested ones as {@code a.b}). */
    private static Map<String, Object> fields(Scope scope, String group, GroupSearch.Match match) {
        Map<String, Object> row = new LinkedHashMap<>();
        String message = match.event().message();
        if (message.startsWith("{")) {
            try {
                JsonNode json = Json.MAPPER.readTree(message);
                if (json != null && json.isObject()) {
                    flatten("", json, row);
                }
            } catch (java.io.IOException notJson) {
                // A message that only looks like JSON has no discovered fields, as on AWS.
            }
        }
        row.put(Fields.TIMESTAMP, Instant.ofEpochMilli(match.event().timestamp()));
        row.put(Fields.MESSAGE, message);
        row.put(Fields.LOG_STREAM, match.streamName());
        row.put(Fields.LOG, scope.account() + ":" + group);
        row.put(Fields.INGESTION_TIME, Instant.ofEpochMilli(match.event().ingestionTime()));
        row.put(Fields.POINTER, Base64.getEncoder().encodeToString(
                (scope.account() + ":" + group + ":" + match.eventId()).getBytes(StandardCharsets.UTF_8)));
        return row;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> row) {
        node.fields().forEachRemaining(member -> {
            String name = prefix + member.getKey();
            JsonNode value = member.getValue();
            if (value.isObject()) {
                flatten(name + ".", value, row);
            } else if (value.isIntegralNumber()) {
                row.put(name, value.asLong());
            } else if (value.isNumber()) {
                row.put(name, value.asDouble());
            } else if (!value.isNull()) {
                row.put(name, value.isTextual() ? value.asText() : value.toString());
            }
        });
    }
}
