package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.service.Scope;
import gluelab.cloud.services.glue.GlueCloudWatchLogs;
import java.time.Clock;

/**
 * A crawl's log lines, where AWS writes them: log group {@code /aws-glue/crawlers}, one stream per crawler
 * named by it, each line prefixed by the crawl's id (LastCrawl's MessagePrefix) and a level, as in
 * {@code [4c1e…] INFO : Created table sales in database lake}.
 */
final class CrawlLogs {

    static final String LOG_GROUP = "/aws-glue/crawlers";

    private final GlueCloudWatchLogs logs;
    private final Clock clock;

    CrawlLogs(GlueCloudWatchLogs logs, Clock clock) {
        this.logs = logs;
        this.clock = clock;
    }

    /** The lines of one crawl. */
    Crawl of(Scope scope, String crawlerName, String crawlId) {
        return new Crawl(scope, crawlerName, crawlId);
    }

    final class Crawl {
        private final Scope scope;
        private final String crawlerName;
        private final String crawlId;

        private Crawl(Scope scope, String crawlerName, String crawlId) {
            this.scope = scope;
            this.crawlerName = crawlerName;
            this.crawlId = crawlId;
        }

        void info(String message) {
            line("INFO", message);
        }

        void benchmark(String message) {
            line("BENCHMARK", message);
        }

        void warn(String message) {
            line("WARN", message);
        }

        void error(String message) {
            line("ERROR", message);
        }

        private void line(String level, String message) {
            logs.append(scope, LOG_GROUP, crawlerName, clock.instant(), "[" + crawlId + "] " + level + " : " + message);
        }
    }
}
