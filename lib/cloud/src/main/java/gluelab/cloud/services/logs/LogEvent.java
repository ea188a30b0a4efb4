package gluelab.cloud.services.logs;

import gluelab.cloud.provider.CloudWatchLogsWriter;
import java.nio.charset.StandardCharsets;

/**
 * One stored event of a log stream. {@code timestamp} is the client's; {@code ingestionTime} is the lab
 * clock when the batch was accepted; {@code sequence} numbers the stream's events in arrival order and
 * breaks ties between equal timestamps.
 */
record LogEvent(long timestamp, long sequence, long ingestionTime, String message) {

    /** What AWS counts for an event against batch and response limits: UTF-8 bytes plus 26. */
    static final int OVERHEAD_BYTES = CloudWatchLogsWriter.EVENT_OVERHEAD_BYTES;

    int countedBytes() {
        return message.getBytes(StandardCharsets.UTF_8).length + OVERHEAD_BYTES;
    }
}
