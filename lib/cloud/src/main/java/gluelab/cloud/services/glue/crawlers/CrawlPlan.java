package gluelab.cloud.services.glue.crawlers;

import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.RecrawlBehavior;

/** What one crawl does: the crawler's definition as it was when the crawl started, with its parsed Configuration. */
record CrawlPlan(String crawlId, Crawler crawler, CrawlerConfiguration configuration) {

    static CrawlPlan of(String crawlId, Crawler crawler) {
        return new CrawlPlan(crawlId, crawler, CrawlerConfiguration.parse(crawler.configuration()));
    }

    /**
     * CRAWL_NEW_FOLDERS_ONLY reads only folders no earlier crawl read. CRAWL_EVENT_MODE would read what S3 event
     * notifications (through SQS) reported; Lab Cloud has no SQS yet, so it crawls everything, as CRAWL_EVERYTHING.
     */
    boolean newFoldersOnly() {
        return crawler.recrawlPolicy() != null
                && crawler.recrawlPolicy().recrawlBehavior() == RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY;
    }
}
