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

    /**
     * The status and the outcome that goes with it, taken in one read: read apart, a poll could see the outcome of
     * a running query (none) and then the status of the same query finished meanwhile, and answer Complete with no
     * rows, where AWS's Complete always carries the final results.
     */
    record Progress(QueryStatus status, Outcome outcome) {
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
    private Progress progress = new Progress(QueryStatus.SCHEDULED, NONE);

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

    synchronized Progress progress() {
        return progress;
    }

    synchronized QueryStatus status() {
        return progress.status();
    }

    /** Takes the query off the schedule; false if it was cancelled meanwhile. */
    synchronized boolean begin() {
        if (progress.status() != QueryStatus.SCHEDULED) {
            return false;
        }
        progress = new Progress(QueryStatus.RUNNING, NONE);
        return true;
    }

    synchronized void finish(Outcome result) {
        if (progress.status() == QueryStatus.RUNNING) {
            progress = new Progress(QueryStatus.COMPLETE, result);
        }
    }

    synchronized void fail() {
        if (progress.status() == QueryStatus.RUNNING) {
            progress = new Progress(QueryStatus.FAILED, NONE);
        }
    }

    /** Cancels a query that has not ended; false if it had. */
    synchronized boolean cancel() {
        if (!inProgress()) {
            return false;
        }
        progress = new Progress(QueryStatus.CANCELLED, NONE);
        return true;
    }

    synchronized boolean inProgress() {
        return progress.status() == QueryStatus.SCHEDULED || progress.status() == QueryStatus.RUNNING;
    }
}
