package gluelab.cloud.services.glue.crawlers;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.glue.model.Crawl;
import software.amazon.awssdk.services.glue.model.CrawlState;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.CrawlerHistoryState;

/**
 * One crawl of one crawler, as Lab Cloud keeps it: ListCrawls' CrawlerHistory is made from it.
 *
 * @param sequence  orders the crawls of one scope, oldest first
 * @param state     a {@link CrawlerHistoryState}: RUNNING, COMPLETED, FAILED or STOPPED
 * @param summary   what the crawl changed; null while it runs
 * @param startedIn the workflow run a trigger started it in, or null
 */
record CrawlRecord(String crawlId, String crawlerName, long sequence, String state, Instant startTime,
                   Instant endTime, String errorMessage, CrawlSummary summary, CrawlLauncher.WorkflowRun startedIn) {

    /**
     * A crawl's DPU hours. Lab Cloud's crawl runs in-process on no DPUs; this reports what AWS would bill for
     * its duration at the crawler's minimum of 2 DPUs, rounded up to the second, so notebooks can reason
     * about cost.
     */
    static double dpuHours(Instant start, Instant end) {
        long seconds = Math.max(1, Duration.between(start, end).toSeconds());
        return 2.0 * seconds / 3600.0;
    }

    boolean running() {
        return CrawlerHistoryState.RUNNING.toString().equals(state);
    }

    CrawlRecord ended(String endState, Instant at, String error, CrawlSummary changes) {
        return new CrawlRecord(crawlId, crawlerName, sequence, endState, startTime, at, error, changes, startedIn);
    }

    /** The crawl as a workflow's graph shows it (Glue's {@code Crawl}). */
    Crawl crawl() {
        CrawlState crawlState = switch (CrawlerHistoryState.fromValue(state)) {
            case COMPLETED -> CrawlState.SUCCEEDED;
            case STOPPED -> CrawlState.CANCELLED;
            case FAILED -> CrawlState.FAILED;
            default -> CrawlState.RUNNING;
        };
        return Crawl.builder().state(crawlState).startedOn(startTime).completedOn(endTime).errorMessage(errorMessage)
                .logGroup(CrawlLogs.LOG_GROUP).logStream(crawlerName).build();
    }

    CrawlerHistory history() {
        CrawlerHistory.Builder history = CrawlerHistory.builder()
                .crawlId(crawlId)
                .state(state)
                .startTime(startTime)
                .endTime(endTime)
                .errorMessage(errorMessage)
                .logGroup(CrawlLogs.LOG_GROUP)
                .logStream(crawlerName)
                .messagePrefix(crawlId);
        if (summary != null) {
            history.summary(summary.json());
        }
        if (endTime != null) {
            history.dpuHour(dpuHours(startTime, endTime));
        }
        return history.build();
    }
}
