package gluelab.cloud.services.logs;

import gluelab.cloud.protocol.AwsServiceException;
import gluelab.cloud.service.Platform;
import gluelab.cloud.service.Scope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * How other services write to CloudWatch Logs, as Glue writes driver output to
 * {@code /aws-glue/jobs/output} and {@code /aws-glue/jobs/error} (stream = job run id) and Lambda writes to
 * {@code /aws/lambda/<function>}:
 *
 * <pre>{@code
 * LogWriter.append(platform, scope, "/aws-glue/jobs/output", runId, "line one", "line two");
 * LogWriter.append(platform, scope, principalArn, "/aws/lambda/etl", stream, events);
 * }</pre>
 *
 * It goes through {@code platform.internal().call("logs", …)}, so the same typed operations, checks and
 * durability apply as for any client. Like those AWS services it creates the log group and the stream
 * when they are missing, and it makes the events acceptable: empty messages are skipped (AWS refuses
 * them), messages over the event limit are cut at a character boundary, events are put in time order
 * (stably), and they are split into PutLogEvents batches within AWS's limits (10,000 events, 1,048,576
 * bytes counting 26 per event, 24 hours). Events AWS would reject (over 2 hours ahead, over 14 days old,
 * older than the group's retention) are rejected here too and not counted.
 *
 * <p>Each batch is one durable write, fsync'd with {@code --state-dir}: a caller writing line by line
 * should gather lines and append them together. Safe to call from many threads.
 */
public final class LogWriter {

    private static final long MAX_SPAN_MILLIS = BatchAdmission.MAX_SPAN.toMillis();

    private LogWriter() {
    }

    /**
     * Appends lines stamped with the lab clock's now, acting as the account's root.
     *
     * @return how many events were stored
     */
    public static int append(Platform platform, Scope scope, String logGroup, String logStream, String... lines) {
        long now = platform.clock().millis();
        List<InputLogEvent> events = Arrays.stream(lines)
                .map(line -> InputLogEvent.builder().timestamp(now).message(line).build())
                .toList();
        return append(platform, scope, rootOf(scope), logGroup, logStream, events);
    }

    /**
     * Appends events with their own timestamps, as {@code principalArn} (e.g. the Glue job's role).
     *
     * @return how many events were stored
     */
    public static int append(Platform platform, Scope scope, String principalArn, String logGroup, String logStream,
                             List<InputLogEvent> events) {
        List<InputLogEvent> acceptable = new ArrayList<>();
        for (InputLogEvent event : events) {
            if (event.message() != null && !event.message().isEmpty() && event.timestamp() != null) {
                acceptable.add(event.toBuilder().message(fitted(event.message())).build());
            }
        }
        acceptable.sort(Comparator.comparingLong(InputLogEvent::timestamp));
        int stored = 0;
        for (List<InputLogEvent> batch : batches(acceptable)) {
            stored += put(platform, scope, principalArn, logGroup, logStream, batch);
        }
        return stored;
    }

    private static int put(Platform platform, Scope scope, String principal, String group, String stream,
                           List<InputLogEvent> batch) {
        PutLogEventsRequest request = PutLogEventsRequest.builder()
                .logGroupName(group).logStreamName(stream).logEvents(batch).build();
        PutLogEventsResponse response;
        try {
            response = platform.internal().call(LogsProvider.SERVICE, scope, principal, request);
        } catch (AwsServiceException e) {
            if (!"ResourceNotFoundException".equals(e.code())) {
                throw e;
            }
            createIfMissing(platform, scope, principal, CreateLogGroupRequest.builder().logGroupName(group).build());
            createIfMissing(platform, scope, principal,
                    CreateLogStreamRequest.builder().logGroupName(group).logStreamName(stream).build());
            response = platform.internal().call(LogsProvider.SERVICE, scope, principal, request);
        }
        return batch.size() - rejected(response.rejectedLogEventsInfo(), batch.size());
    }

    private static void createIfMissing(Platform platform, Scope scope, String principal, Object request) {
        try {
            platform.internal().call(LogsProvider.SERVICE, scope, principal, request);
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
        List<List<InputLogEvent>> batches = new ArrayList<>();
        List<InputLogEvent> current = new ArrayList<>();
        long bytes = 0;
        for (InputLogEvent event : events) {
            long size = utf8Length(event.message()) + LogEvent.OVERHEAD_BYTES;
            boolean full = current.size() == BatchAdmission.MAX_EVENTS
                    || bytes + size > BatchAdmission.MAX_BATCH_BYTES
                    || (!current.isEmpty() && event.timestamp() - current.get(0).timestamp() > MAX_SPAN_MILLIS);
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
        int limit = BatchAdmission.MAX_BATCH_BYTES - LogEvent.OVERHEAD_BYTES;
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

    private static String rootOf(Scope scope) {
        return "arn:aws:iam::" + scope.account() + ":root";
    }
}
