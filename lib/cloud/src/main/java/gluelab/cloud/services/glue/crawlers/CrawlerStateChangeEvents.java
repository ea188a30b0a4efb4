package gluelab.cloud.services.glue.crawlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.events.DefaultBusEntry;
import gluelab.cloud.events.EventBus;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Glue's "Glue Crawler State Change" events (source aws.glue): Started, Succeeded and Failed, with the detail
 * AWS sends (counts and times as strings, as AWS writes them). A crawl that was stopped sends none on AWS
 * (its state is CANCELLED, which has no event), so none is sent here either. AWS puts every one on the account's
 * default bus, with no resources.
 */
final class CrawlerStateChangeEvents {

    static final String DETAIL_TYPE = "Glue Crawler State Change";
    private static final DefaultBusEntry ON_DEFAULT_BUS = DefaultBusEntry.of("aws.glue");

    private final EventBus bus;

    CrawlerStateChangeEvents(EventBus bus) {
        this.bus = bus;
    }

    void started(Scope scope, CrawlRecord crawl) {
        ObjectNode detail = common(scope, crawl, "Started", "Crawler Started");
        bus.publish(scope.account(), scope.region(), "glue", DETAIL_TYPE, crawl.crawlerName(), detail, ON_DEFAULT_BUS);
    }

    void succeeded(Scope scope, CrawlRecord crawl) {
        ObjectNode detail = common(scope, crawl, "Succeeded", "Crawler Succeeded");
        CrawlSummary summary = crawl.summary() == null ? CrawlSummary.NONE : crawl.summary();
        detail.put("tablesCreated", String.valueOf(summary.tablesCreated()));
        detail.put("tablesUpdated", String.valueOf(summary.tablesUpdated()));
        detail.put("tablesDeleted", String.valueOf(summary.tablesDeleted()));
        detail.put("partitionsCreated", String.valueOf(summary.partitionsCreated()));
        detail.put("partitionsUpdated", String.valueOf(summary.partitionsUpdated()));
        detail.put("partitionsDeleted", String.valueOf(summary.partitionsDeleted()));
        detail.put("warningMessage", "N/A");
        detail.put("completionDate", timestamp(crawl.endTime()));
        detail.put("runningTime (sec)", String.valueOf(Duration.between(crawl.startTime(), crawl.endTime()).toSeconds()));
        bus.publish(scope.account(), scope.region(), "glue", DETAIL_TYPE, crawl.crawlerName(), detail, ON_DEFAULT_BUS);
    }

    void failed(Scope scope, CrawlRecord crawl) {
        ObjectNode detail = common(scope, crawl, "Failed", "Crawler Failed");
        detail.put("errorMessage", crawl.errorMessage());
        bus.publish(scope.account(), scope.region(), "glue", DETAIL_TYPE, crawl.crawlerName(), detail, ON_DEFAULT_BUS);
    }

    private static ObjectNode common(Scope scope, CrawlRecord crawl, String state, String message) {
        ObjectNode detail = Json.object();
        detail.put("crawlerName", crawl.crawlerName());
        detail.put("state", state);
        detail.put("message", message);
        detail.put("accountId", scope.account());
        detail.put("startTime", timestamp(crawl.startTime()));
        detail.put("cloudWatchLogLink", "https://console.aws.amazon.com/cloudwatch/home?region=" + scope.region()
                + "#logEventViewer:group=" + CrawlLogs.LOG_GROUP + ";stream=" + crawl.crawlerName());
        return detail;
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
