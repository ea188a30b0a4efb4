package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Platform;
import java.util.List;

/**
 * Glue's crawlers area: crawler definitions with their schedules, and crawls, one handler class each, over one
 * durable state per account and region and one crawl state machine. A crawl reads Lab Cloud's S3 as the
 * crawler's role, infers tables ({@code crawlers.inference}) and writes them to the Data Catalog through its
 * operations.
 */
public final class GlueCrawlersApi {

    private final AccountRegionStore<CrawlersState> states;
    private final CrawlStateMachine crawls;
    private final CrawlerSchedules schedules;
    private final CrawlersApi crawlers;
    private final CrawlsApi crawlOperations;

    public GlueCrawlersApi(Platform platform) {
        this.states = new AccountRegionStore<>("glue", platform.state(), CrawlersState::new);
        this.crawls = new CrawlStateMachine(platform, states);
        this.schedules = new CrawlerSchedules(platform, states, crawls);
        this.crawlers = new CrawlersApi(states, crawls, schedules);
        this.crawlOperations = new CrawlsApi(states, crawls);
        crawls.endCrawlsInterruptedByRestart();
        schedules.restoreAll();
    }

    /** The objects whose public methods are the operations of this area. */
    public List<Object> operationHandlers() {
        return List.of(crawlers, crawlOperations);
    }

    /** Removes crawlers whose name starts with {@code prefix}, or all; their crawls in flight are stopped. */
    public int reset(String prefix) {
        int removed = 0;
        for (CrawlersState state : states.all().values()) {
            for (String name : List.copyOf(state.crawlers.keys())) {
                if (prefix == null || name.startsWith(prefix)) {
                    crawlers.delete(state, name);
                    removed++;
                }
            }
        }
        return removed;
    }

    public void close() {
        schedules.close();
        crawls.close();
    }
}
