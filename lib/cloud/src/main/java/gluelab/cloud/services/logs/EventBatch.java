package gluelab.cloud.services.logs;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * One accepted PutLogEvents batch as the archive stores it: one line of JSON, events as
 * {@code [timestamp, "message"]} pairs. Sequences run from {@code firstSequence} in list order.
 */
record EventBatch(long ingestionTime, long firstSequence, List<Entry> events) {

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record Entry(long timestamp, String message) {
    }
}
