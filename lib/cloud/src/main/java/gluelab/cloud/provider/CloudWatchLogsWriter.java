package gluelab.cloud.provider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * How services write their own logs to CloudWatch Logs, as AWS's do: Glue's driver output to
 * {@code /aws-glue/jobs/output}, crawl lines to {@code /aws-glue/crawlers}, Lambda's to {@code /aws/lambda/<name>}.
 *
 * <pre>{@code
 * platform.logs().append(scope, "glue.amazonaws.com", "/aws-glue/jobs/output", runId, events);
 * }</pre>
 *
 * It goes through {@link InternalCalls}, so the same typed operations, checks and durability apply as for any
 * client. Like AWS's services it creates the log group and the stream when they are missing (again if a reset or
 * a clean-up cell deleted them), and it makes the events acceptable: empty messages are skipped (AWS refuses
 * them), messages over the event limit are cut at a character boundary, events are put in time order (stably),
 * and they are split into PutLogEvents batches within AWS's quotas. Events AWS would reject (over 2 hours ahead,
 * over 14 days old, older than the group's retention) are rejected here too and not counted.
 *
 * <p>Each batch is one durable write, fsync'd with {@code --state-dir}: a caller writing line by line should
 * gather lines and append them together. Safe to call from many threads.
 */
public final class CloudWatchLogsWriter {

    /** PutLogEvents quotas: events per batch, bytes per batch (each event counts 26 bytes more), time span. */
    public static final int MAX_BATCH_EVENTS = 10_000;
    public static final int MAX_BATCH_BYTES = 1_048_576;
    public static final int EVENT_OVERHEAD_BYTES = 26;
    public static final Duration MAX_BATCH_SPAN = Duration.ofHours(24);

    private static final String LOGS = "logs";
    private static final Logger LOG = Logger.getLogger(CloudWatchLogsWriter.class.getName());

    private final InternalCalls internal;
    private final AtomicBoolean warned = new AtomicBoolean();

    public CloudWatchLogsWriter(InternalCalls internal) {
        this.internal = internal;
    }

    /**
     * Appends events with their own timestamps, acting as {@code principal} (a service principal such as
     * {@code glue.amazonaws.com}, or a role session's ARN).
     *
     * @return how many events were stored
     * @throws AwsServiceException what CloudWatch Logs refused
     */
    public int append(Scope scope, String principal, String logGroup, String logStream, List<InputLogEvent> events) {
        List<InputLogEvent> acceptable = new ArrayList<>();
        for (InputLogEvent event : events) {
            if (event.message() != null && !event.message().isEmpty() && event.timestamp() != null) {
                acceptable.add(event.toBuilder().message(fitted(event.message())).build());
            }
        }
        acceptable.sort(Comparator.comparingLong(InputLogEvent::timestamp));
        int stored = 0;
        for (List<InputLogEvent> batch : batches(acceptable)) {
            stored += put(scope, principal, logGroup, logStream, batch);
        }
        return stored;
    }

    /**
     * As {@link #append}, for logs that must never fail the work they describe (a job run, a crawl): what cannot be
     * written is dropped, said once in Lab Cloud's own log.
     *
     * @return how many events were stored
     */
    public int appendOrDrop(Scope scope, String principal, String logGroup, String logStream, List<InputLogEvent> events) {
        try {
            return append(scope, principal, logGroup, logStream, events);
        } catch (RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.info("Log lines cannot be written to CloudWatch Logs (" + e.getMessage()
                        + "); they are dropped until they can");
            }
            LOG.log(Level.FINE, "Dropped lines of " + logGroup + "/" + logStream, e);
            return 0;
        }
    }

    private int put(Scope scope, String principal, String group, String stream, List<InputLogEvent> batch) {
        PutLogEventsRequest request = PutLogEventsRequest.builder()
                .logGroupName(group).logStreamName(stream).logEvents(batch).build();
        PutLogEventsResponse response;
        try {
            response = internal.call(LOGS, scope, principal, request);
        } catch (AwsServiceException e) {
            if (!"ResourceNotFoundException".equals(e.code())) {
                throw e;
            }
            createIfMissing(scope, principal, CreateLogGroupRequest.builder().logGroupName(group).build());
            createIfMissing(scope, principal,
                    CreateLogStreamRequest.builder().logGroupName(group).logStreamName(stream).build());
            response = internal.call(LOGS, scope, principal, request);
        }
        return batch.size() - rejected(response.rejectedLogEventsInfo(), batch.size());
    }

    private void createIfMissing(Scope scope, String principal, Object request) {
        try {
            internal.call(LOGS, scope, principal, request);
        } catch (AwsServiceException e) {
            if (!"ResourceAlreadyExistsException".equals(e.code())) {
                throw e;
            }
        }
    }

    private static int rejected(RejectedLogEventsInfo info, int size) {
        if (info == null) {
            return 0;
        }
        int accepted = size;
        if (info.tooNewLogEventStartIndex() != null) {
            accepted = info.tooNewLogEventStartIndex();
        }
        int skipped = Math.max(valueOrZero(info.tooOldLogEventEndIndex()), valueOrZero(info.expiredLogEventEndIndex()));
        return size - Math.max(0, accepted - skipped);
    }

    private static int valueOrZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** Splits time-ordered events into batches AWS accepts. */
    static List<List<InputLogEvent>> batches(List<InputLogEvent> events) {
        long maxSpan = MAX_BATCH_SPAN.toMillis();
        List<List<InputLogEvent>> batches = new ArrayList<>();
        List<InputLogEvent> current = new ArrayList<>();
        long bytes = 0;
        for (InputLogEvent event : events) {
            long size = utf8Length(event.message()) + EVENT_OVERHEAD_BYTES;
            boolean full = current.size() == MAX_BATCH_EVENTS
                    || bytes + size > MAX_BATCH_BYTES
                    || (!current.isEmpty() && event.timestamp() - current.get(0).timestamp() > maxSpan);
            if (full) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(event);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** The message, cut at a character boundary if it is over the largest event AWS takes. */
    private static String fitted(String message) {
        int limit = MAX_BATCH_BYTES - EVENT_OVERHEAD_BYTES;
        if (utf8Length(message) <= limit) {
            return message;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < message.length(); ) {
            int codePoint = message.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > limit) {
                break;
            }
            out.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
