package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.jobs.ResourceTags;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.glue.model.Crawler;

/**
 * The crawlers area's resources in one account and region: crawler definitions (with their state and last
 * crawl, as GetCrawler shows them), their crawls, the folders each crawler has read (for
 * CRAWL_NEW_FOLDERS_ONLY) and tags. Every collection is durable. Compound changes (check the state, then
 * write) hold this object's monitor.
 */
final class CrawlersState {

    private static final String SERVICE = "glue";

    final Scope scope;
    final DurableMap<Crawler> crawlers;
    final DurableMap<CrawlRecord> crawls;
    final DurableMap<SeenFolders> seenFolders;
    final DurableMap<ResourceTags> tags;
    private final AtomicLong crawlSequence;

    CrawlersState(Scope scope, StateStore store) {
        this.scope = scope;
        // The catalog and jobs areas share the "glue" service name; "crawlers/" keeps these collections apart.
        this.crawlers = store.map(scope.mapName(SERVICE, "crawlers/definitions"), ShapeCodec.of(Crawler.class));
        this.crawls = store.map(scope.mapName(SERVICE, "crawlers/crawls"), Codec.of(CrawlRecord.class));
        this.seenFolders = store.map(scope.mapName(SERVICE, "crawlers/seen-folders"), Codec.of(SeenFolders.class));
        this.tags = store.map(scope.mapName(SERVICE, "crawlers/tags"), Codec.of(ResourceTags.class));
        this.crawlSequence = new AtomicLong(crawls.values().stream().mapToLong(CrawlRecord::sequence).max().orElse(0));
    }

    long nextCrawlSequence() {
        return crawlSequence.incrementAndGet();
    }

    String crawlerArn(String crawlerName) {
        return Arn.in(scope, SERVICE, "crawler/" + crawlerName).toString();
    }

    Crawler requireCrawler(String name) {
        Crawler crawler = crawlers.get(name);
        if (crawler == null) {
            throw GlueErrors.crawlerNotFound(name);
        }
        return crawler;
    }
}
