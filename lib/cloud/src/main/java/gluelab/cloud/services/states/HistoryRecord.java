package gluelab.cloud.services.states;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of an execution's history, stored as it happened.
 *
 * @param timestamp     on the lab clock, epoch milliseconds
 * @param detailsMember the HistoryEvent member its details belong in, or null
 */
record HistoryRecord(long id, long previousEventId, long timestamp, String type, String detailsMember,
                     JsonNode details) {
}
