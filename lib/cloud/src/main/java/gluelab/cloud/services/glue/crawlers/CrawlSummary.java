package gluelab.cloud.services.glue.crawlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.state.Json;

/** What one crawl changed in the catalog: ListCrawls' Summary, the metrics and the state change event count these. */
record CrawlSummary(int tablesCreated, int tablesUpdated, int tablesDeleted,
                    int partitionsCreated, int partitionsUpdated, int partitionsDeleted) {

    static final CrawlSummary NONE = new CrawlSummary(0, 0, 0, 0, 0, 0);

    /**
     * The Summary JSON of ListCrawls: AWS nests counts per kind of change ({@code TABLE}/{@code PARTITION} under
     * {@code ADD}/{@code UPDATE}/{@code DELETE}), listing only the kinds that happened.
     */
    String json() {
        ObjectNode summary = Json.object();
        put(summary, "ADD", "TABLE", tablesCreated);
        put(summary, "ADD", "PARTITION", partitionsCreated);
        put(summary, "UPDATE", "TABLE", tablesUpdated);
        put(summary, "UPDATE", "PARTITION", partitionsUpdated);
        put(summary, "DELETE", "TABLE", tablesDeleted);
        put(summary, "DELETE", "PARTITION", partitionsDeleted);
        return summary.toString();
    }

    private static void put(ObjectNode summary, String change, String kind, int count) {
        if (count > 0) {
            ObjectNode byKind = summary.has(change) ? (ObjectNode) summary.get(change) : summary.putObject(change);
            byKind.putObject(kind).put("Count", count);
        }
    }
}
