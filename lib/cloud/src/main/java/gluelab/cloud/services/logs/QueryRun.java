package gluelab.cloud.services.logs;

import gluelab.cloud.services.logs.insights.InsightsQuery;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatistics;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * One Logs Insights query from StartQuery on: Scheduled until the query runner takes it, Running while it reads the
 * groups' events, then Complete with its rows and statistics, Failed, or Cancelled by StopQuery.
 */
final class QueryRun {

    /** The rows and statistics of a finished query. */
    record Outcome(List<List<ResultField>> results, QueryStatistics statistics) {
    }

    private static final Outcome NONE = new Outcome(List.of(),
            QueryStatistics.builder().recordsMatched(0.0).recordsScanned(0.0).bytesScanned(0.0).build());

    final String id;
    final long sequence;
    final String queryString;
    final InsightsQuery query;
    final List<String> groups;
    final long startMillis;
    final long endMillis;
    final int limit;
    final long createTime;
    private QueryStatus status = QueryStatus.SCHEDULED;
    private Outcome outcome = NONE;

    QueryRun(String id, long sequence, String queryString, InsightsQuery query, List<String> groups, long startMillis,
             long endMillis, int limit, long createTime) {
        this.id = id;
        this.sequence = sequence;
        this.queryString = queryString;
        this.query = query;
        this.groups = List.copyOf(groups);
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.limit = limit;
        this.createTime = createTime;
    }

    synchronized QueryStatus status() {
        return status;
    }

    synchronized Outcome outcome() {
        return outcome;
    }

    /** Takes the query off the schedule; false if it was cancelled meanwhile. */
    synchronized boolean begin() {
        if (status != QueryStatus.SCHEDULED) {
            return false;
        }
        status = QueryStatus.RUNNING;
        return true;
    }

    synchronized void finish(Outcome result) {
        if (status == QueryStatus.RUNNING) {
            outcome = result;
            status = QueryStatus.COMPLETE;
        }
    }

    synchronized void fail() {
        if (status == QueryStatus.RUNNING) {
            status = QueryStatus.FAILED;
        }
    }

    /** Cancels a query that has not ended; false if it had. */
    synchronized boolean cancel() {
        if (status != QueryStatus.SCHEDULED && status != QueryStatus.RUNNING) {
            return false;
        }
        status = QueryStatus.CANCELLED;
        return true;
    }

    synchronized boolean inProgress() {
        return status == QueryStatus.SCHEDULED || status == QueryStatus.RUNNING;
    }
}
