package gluelab.cloud.services.logs;

import static gluelab.cloud.services.logs.LogsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.MalformedQueryException;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;

/** CloudWatch Logs Insights through the SDK: StartQuery, GetQueryResults, StopQuery and DescribeQueries. */
class LogsInsightsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private final LogsFixture fixture = new LogsFixture(cloud);
    private final CloudWatchLogsClient logs = fixture.logs;

    /** A Glue-like output group: run jr_1 read 120 rows, rejected 3 and wrote 117; run jr_2 read 80 and wrote 80. */
    private String glueOutput(String hint, long start) {
        String group = fixture.groupWithStream(hint, "jr_1");
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("jr_2"));
        fixture.put(group, "jr_1", event(start, "INFO rows read: 120"), event(start + 1_000, "WARN rejected rows: 3"),
                event(start + 2_000, "INFO rows written: 117"));
        fixture.put(group, "jr_2", event(start + 500, "INFO rows read: 80"), event(start + 1_500, "INFO rows written: 80"));
        return group;
    }

    private String start(Consumer<StartQueryRequest.Builder> request) {
        return logs.startQuery(request).queryId();
    }

    private GetQueryResultsResponse await(String queryId) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            GetQueryResultsResponse response = logs.getQueryResults(r -> r.queryId(queryId));
            if (response.status() != QueryStatus.SCHEDULED && response.status() != QueryStatus.RUNNING) {
                return response;
            }
            assertThat(System.currentTimeMillis()).as("query %s still %s", queryId, response.status()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static List<Map<String, String>> rows(GetQueryResultsResponse response) {
        return response.results().stream().<Map<String, String>>map(row -> row.stream()
                .collect(Collectors.toMap(ResultField::field, ResultField::value, (a, b) -> a, java.util.LinkedHashMap::new)))
                .toList();
    }

    private long seconds(long millis) {
        return millis / 1000;
    }

    @Test
    void aQueryRunsToCompleteWithRowsNewestFirstTheirPointerAndStatistics() {
        long start = fixture.now() - 60_000;
        String group = glueOutput("complete", start);
        String id = start(r -> r.logGroupName(group).startTime(seconds(start) - 1).endTime(seconds(fixture.now()) + 1)
                .queryString("fields @timestamp, @message, @logStream, @log | filter @message like /rows/"));
        GetQueryResultsResponse response = await(id);
        assertThat(response.status()).isEqualTo(QueryStatus.COMPLETE);
        List<Map<String, String>> rows = rows(response);
        assertThat(rows).extracting(r -> r.get("@message")).containsExactly("INFO rows written: 117", "INFO rows written: 80",
                "WARN rejected rows: 3", "INFO rows read: 80", "INFO rows read: 120");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("@timestamp")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
            assertThat(r.get("@log")).isEqualTo("000000000000:" + group);
            assertThat(r).containsKey("@ptr");
        });
        assertThat(rows.get(0).get("@logStream")).isEqualTo("jr_1");
        int bytes = List.of("INFO rows read: 120", "WARN rejected rows: 3", "INFO rows written: 117", "INFO rows read: 80",
                "INFO rows written: 80").stream().mapToInt(m -> m.getBytes(StandardCharsets.UTF_8).length).sum();
        assertThat(response.statistics().recordsScanned()).isEqualTo(5.0);
        assertThat(response.statistics().recordsMatched()).isEqualTo(5.0);
        assertThat(response.statistics().bytesScanned()).isEqualTo((double) bytes);
    }

    @Test
    void parseAndStatsSummariseEachRunAndTheTimeRangeInSecondsBoundsTheEvents() {
        long start = fixture.now() - 120_000;
        String group = glueOutput("stats", start);
        fixture.put(group, "jr_2", event(start + 90_000, "INFO rows read: 5"));
        String id = start(r -> r.logGroupName(group).startTime(seconds(start)).endTime(seconds(start + 10_000))
                .queryString("parse @message 'rows read: *' as rowsIn | parse @message 'rows written: *' as rowsOut"
                        + " | stats sum(rowsIn) as rows_in, sum(rowsOut) as rows_out, count(*) as events by @logStream"
                        + " | sort @logStream asc"));
        GetQueryResultsResponse response = await(id);
        assertThat(rows(response)).containsExactly(
                Map.of("@logStream", "jr_1", "rows_in", "120", "rows_out", "117", "events", "3"),
                Map.of("@logStream", "jr_2", "rows_in", "80", "rows_out", "80", "events", "2"));
        assertThat(response.statistics().recordsScanned()).isEqualTo(5.0);
        assertThat(rows(response)).allSatisfy(r -> assertThat(r).doesNotContainKey("@ptr"));
    }

    @Test
    void severalGroupsAreQueriedByNameOrByArnAndJsonMessagesHaveTheirFieldsDiscovered() {
        long start = fixture.now() - 60_000;
        String first = fixture.groupWithStream("json-a", "s");
        String second = fixture.groupWithStream("json-b", "s");
        fixture.put(first, "s", event(start, "{\"level\":\"ERROR\",\"job\":{\"name\":\"orders\"},\"rows\":4}"));
        fixture.put(second, "s", event(start + 1, "{\"level\":\"INFO\",\"job\":{\"name\":\"orders\"},\"rows\":6}"),
                event(start + 2, "plain text"));
        String query = "filter ispresent(level) | stats sum(rows) as total, count(*) as n by job.name";
        GetQueryResultsResponse byName = await(start(r -> r.logGroupNames(first, second).startTime(0L)
                .endTime(seconds(fixture.now()) + 1).queryString(query)));
        assertThat(rows(byName)).containsExactly(Map.of("job.name", "orders", "total", "10", "n", "2"));
        String arn = "arn:aws:logs:us-east-1:000000000000:log-group:" + second;
        GetQueryResultsResponse byArn = await(start(r -> r.logGroupIdentifiers(arn).startTime(0L)
                .endTime(seconds(fixture.now()) + 1).queryString("filter level = 'INFO' | fields level, rows")));
        assertThat(rows(byArn)).extracting(r -> r.get("level") + "/" + r.get("rows")).containsExactly("INFO/6");
    }

    @Test
    void theRequestsLimitCapsTheRows() {
        long start = fixture.now() - 60_000;
        String group = glueOutput("limit", start);
        GetQueryResultsResponse response = await(start(r -> r.logGroupName(group).startTime(seconds(start) - 1)
                .endTime(seconds(fixture.now()) + 1).limit(2).queryString("fields @message")));
        assertThat(response.results()).as("%s %s", response.status(), response.statistics()).hasSize(2);
    }

    @Test
    void aMalformedQueryIsRefusedWithTheLocationOfItsCompileError() {
        String group = fixture.groupWithStream("malformed", "s");
        assertThatThrownBy(() -> start(r -> r.logGroupName(group).startTime(0L).endTime(10L)
                .queryString("fields @message | stats nosuch(x)")))
                .isInstanceOfSatisfying(MalformedQueryException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.queryCompileError().location().startCharOffset()).isEqualTo(24);
                    assertThat(e.queryCompileError().location().endCharOffset()).isEqualTo(30);
                    assertThat(e.queryCompileError().message()).contains("nosuch");
                });
    }

    @Test
    void badRequestsAreRefusedAsCloudWatchLogsRefusesThem() {
        String group = fixture.groupWithStream("bad", "s");
        assertThatThrownBy(() -> start(r -> r.logGroupName(group + "-missing").startTime(0L).endTime(10L)
                .queryString("fields @message"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> start(r -> r.logGroupName(group).startTime(20L).endTime(10L)
                .queryString("fields @message"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("End time");
        assertThatThrownBy(() -> start(r -> r.logGroupName(group).logGroupNames(group).startTime(0L).endTime(10L)
                .queryString("fields @message"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> start(r -> r.logGroupName(group).startTime(0L).endTime(10L).limit(10_001)
                .queryString("fields @message"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> start(r -> r.logGroupName(group).endTime(10L).queryString("fields @message")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.getQueryResults(r -> r.queryId("00000000-0000-0000-0000-000000000000")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void stoppingAQueryThatHasEndedSaysItIsNotRunning() {
        String group = fixture.groupWithStream("stop", "s");
        String id = start(r -> r.logGroupName(group).startTime(0L).endTime(10L).queryString("fields @message"));
        assertThat(await(id).status()).isEqualTo(QueryStatus.COMPLETE);
        assertThatThrownBy(() -> logs.stopQuery(r -> r.queryId(id))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("not running");
        assertThatThrownBy(() -> logs.stopQuery(r -> r.queryId("no-such-query"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void describeQueriesListsTheAccountsQueriesNewestFirstByGroupAndStatus() {
        String group = fixture.groupWithStream("describe", "s");
        String other = fixture.groupWithStream("describe-other", "s");
        String first = start(r -> r.logGroupName(group).startTime(0L).endTime(10L).queryString("fields @message"));
        String second = start(r -> r.logGroupName(group).startTime(0L).endTime(10L).queryString("stats count(*)"));
        String elsewhere = start(r -> r.logGroupName(other).startTime(0L).endTime(10L).queryString("fields @message"));
        List.of(first, second, elsewhere).forEach(this::await);
        List<QueryInfo> queries = logs.describeQueries(r -> r.logGroupName(group)).queries();
        assertThat(queries).extracting(QueryInfo::queryId).containsExactly(second, first);
        assertThat(queries.get(0).queryString()).isEqualTo("stats count(*)");
        assertThat(queries.get(0).logGroupName()).isEqualTo(group);
        assertThat(queries.get(0).createTime()).isPositive();
        assertThat(logs.describeQueries(r -> r.status(QueryStatus.COMPLETE)).queries()).extracting(QueryInfo::queryId)
                .contains(first, second, elsewhere);
        assertThat(logs.describeQueries(r -> r.status(QueryStatus.RUNNING)).queries()).extracting(QueryInfo::queryId)
                .doesNotContain(first, second, elsewhere);
        var page = logs.describeQueries(r -> r.maxResults(1));
        assertThat(page.queries()).hasSize(1);
        assertThat(logs.describeQueries(r -> r.maxResults(1).nextToken(page.nextToken())).queries()).hasSize(1)
                .extracting(QueryInfo::queryId).doesNotContain(page.queries().get(0).queryId());
    }
}
