package gluelab.cloud.services.logs;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.services.logs.insights.InsightsQuery;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatistics;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * A query's life as GetQueryResults reads it: each read gives a status and the rows and statistics of that same
 * moment, so Complete always comes with the final results (as AWS documents), and a query still in progress with
 * none.
 */
class QueryRunTest {

    private static final QueryRun.Outcome TWO_ROWS = new QueryRun.Outcome(
            List.of(List.of(ResultField.builder().field("@message").value("a").build()),
                    List.of(ResultField.builder().field("@message").value("b").build())),
            QueryStatistics.builder().recordsMatched(2.0).recordsScanned(5.0).bytesScanned(101.0).build());

    private static QueryRun run() {
        return new QueryRun("id", 1, "fields @message", InsightsQuery.parse("fields @message"), List.of("/g"),
                0, 999, 2, 0);
    }

    @Test
    void eachReadGivesTheStatusWithTheOutcomeOfTheSameMoment() {
        QueryRun run = run();
        assertThat(run.progress().status()).isEqualTo(QueryStatus.SCHEDULED);
        assertThat(run.progress().outcome().results()).isEmpty();
        assertThat(run.begin()).isTrue();
        QueryRun.Progress running = run.progress();
        run.finish(TWO_ROWS);
        assertThat(running.status()).as("a read taken before the end stays as it was").isEqualTo(QueryStatus.RUNNING);
        assertThat(running.outcome().statistics().recordsScanned()).isZero();
        QueryRun.Progress complete = run.progress();
        assertThat(complete.status()).isEqualTo(QueryStatus.COMPLETE);
        assertThat(complete.outcome()).isEqualTo(TWO_ROWS);
    }

    @Test
    void aQueryCancelledWhileRunningStaysCancelledWithoutRowsWhenItsRunEnds() {
        QueryRun run = run();
        run.begin();
        assertThat(run.cancel()).isTrue();
        run.finish(TWO_ROWS);
        assertThat(run.progress().status()).isEqualTo(QueryStatus.CANCELLED);
        assertThat(run.progress().outcome().results()).isEmpty();
        assertThat(run.cancel()).as("an ended query is not running").isFalse();
    }

    @Test
    void aCancelledQueryIsNeverTakenOffTheSchedule() {
        QueryRun run = run();
        run.cancel();
        assertThat(run.begin()).isFalse();
        assertThat(run.progress().status()).isEqualTo(QueryStatus.CANCELLED);
    }
}
