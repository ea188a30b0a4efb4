package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Scope;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Crawl;

/**
 * How the rest of Glue starts crawls and waits for them (triggers and workflows), as {@code JobLauncher} does for
 * job runs: it checks that a crawler exists, starts a crawl as a trigger's action, in a workflow run or not, and
 * tells listeners when crawls end.
 */
public final class CrawlLauncher {

    /** The workflow run a crawl was started in. */
    public record WorkflowRun(String workflowName, String workflowRunId) {
    }

    /** Told when a crawl ends, with how Glue shows it in a workflow's graph. */
    public interface CompletionListener {

        /** @param startedIn the workflow run the crawl was started in, or null */
        void completed(Scope scope, String crawlerName, Crawl crawl, WorkflowRun startedIn);
    }

    private final AccountRegionStore<CrawlersState> states;
    private final CrawlStateMachine crawls;

    public CrawlLauncher(AccountRegionStore<CrawlersState> states, CrawlStateMachine crawls) {
        this.states = states;
        this.crawls = crawls;
    }

    /** The crawler exists, or Glue's EntityNotFoundException for it. */
    public void requireCrawler(Scope scope, String crawlerName) {
        states.get(scope).requireCrawler(crawlerName);
    }

    public boolean hasCrawler(Scope scope, String crawlerName) {
        return states.get(scope).hasCrawler(crawlerName);
    }

    /** Starts a crawl (CrawlerRunningException when the crawler is busy), in a workflow run when one is given. */
    public void start(Scope scope, String crawlerName, WorkflowRun in, Instant at) {
        crawls.start(scope, crawlerName, at == null ? crawls.now() : at, in);
    }

    /** The crawls started in a workflow run, oldest first, by crawler name. */
    public List<Map.Entry<String, Crawl>> crawlsIn(Scope scope, String workflowRunId) {
        return states.get(scope).crawls.values().stream()
                .filter(c -> c.startedIn() != null && workflowRunId.equals(c.startedIn().workflowRunId()))
                .sorted(Comparator.comparingLong(CrawlRecord::sequence))
                .map(c -> Map.entry(c.crawlerName(), c.crawl()))
                .toList();
    }

    /** StopCrawler for a crawl in flight; a crawler that is not crawling is left alone. */
    public void stop(Scope scope, String crawlerName) {
        try {
            crawls.stop(scope, crawlerName);
        } catch (RuntimeException notCrawling) {
            // it ended meanwhile
        }
    }

    /**
     * Whether a crawl started in the workflow run may still start work: it is running, or its end is not yet heard by
     * every listener. The crawl of {@code heardCrawlerName}, whose end the caller is hearing, counts only if running.
     */
    public boolean anyActiveIn(Scope scope, String workflowRunId, String heardCrawlerName) {
        return states.get(scope).crawls.values().stream()
                .filter(c -> c.startedIn() != null && workflowRunId.equals(c.startedIn().workflowRunId()))
                .anyMatch(c -> c.crawlerName().equals(heardCrawlerName) ? c.running() : crawls.stillActive(c));
    }

    public void whenCrawlsEnd(CompletionListener listener) {
        crawls.addCompletionListener(listener);
    }
}
