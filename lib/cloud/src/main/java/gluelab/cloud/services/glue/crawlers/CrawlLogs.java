package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.CloudWatchLogsWriter;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueRoles;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * A crawl's log lines, where AWS writes them: log group {@code /aws-glue/crawlers}, one stream per crawler
 * named by it, each line prefixed by the crawl's id (LastCrawl's MessagePrefix) and a level, as in
 * {@code [4c1e…] INFO : Created table sales in database lake}.
 */
final class CrawlLogs {

    static final String LOG_GROUP = "/aws-glue/crawlers";

    private final CloudWatchLogsWriter logs;
    private final Clock clock;

    CrawlLogs(CloudWatchLogsWriter logs, Clock clock) {
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
            // A crawl never fails because of its logs: lines that cannot be written are dropped.
            logs.appendOrDrop(scope, GlueRoles.SERVICE_PRINCIPAL, LOG_GROUP, crawlerName, List.of(InputLogEvent.builder()
                    .timestamp(clock.millis()).message("[" + crawlId + "] " + level + " : " + message).build()));
        }
    }
}
