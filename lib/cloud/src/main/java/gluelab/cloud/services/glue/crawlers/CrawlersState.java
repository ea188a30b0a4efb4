package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.glue.model.Crawler;

/**
 * The crawlers area's resources in one account and region: crawler definitions (with their state and last
 * crawl, as GetCrawler shows them), their crawls, and the folders each crawler has read (for
 * CRAWL_NEW_FOLDERS_ONLY). Every collection is durable. Compound changes (check the state, then
 * write) hold this object's monitor.
 */
public final class CrawlersState {

    private static final String SERVICE = "glue";

    final Scope scope;
    final DurableMap<Crawler> crawlers;
    final DurableMap<CrawlRecord> crawls;
    final DurableMap<SeenFolders> seenFolders;
    private final AtomicLong crawlSequence;

    public CrawlersState(Scope scope, StateStore store) {
        this.scope = scope;
        // The catalog and jobs areas share the "glue" service name; "crawlers/" keeps these collections apart.
        this.crawlers = store.map(scope.mapName(SERVICE, "crawlers/definitions"), ShapeCodec.of(Crawler.class));
        this.crawls = store.map(scope.mapName(SERVICE, "crawlers/crawls"), Codec.of(CrawlRecord.class));
        this.seenFolders = store.map(scope.mapName(SERVICE, "crawlers/seen-folders"), Codec.of(SeenFolders.class));
        this.crawlSequence = new AtomicLong(crawls.values().stream().mapToLong(CrawlRecord::sequence).max().orElse(0));
    }

    long nextCrawlSequence() {
        return crawlSequence.incrementAndGet();
    }

    /** Whether a crawler of that name exists (the tagging operations ask). */
    public boolean hasCrawler(String crawlerName) {
        return crawlers.containsKey(crawlerName);
    }

    Crawler requireCrawler(String name) {
        Crawler crawler = crawlers.get(name);
        if (crawler == null) {
            throw GlueErrors.crawlerNotFound(name);
        }
        return crawler;
    }
}
