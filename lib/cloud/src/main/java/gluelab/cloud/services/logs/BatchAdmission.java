package gluelab.cloud.services.logs;

import gluelab.cloud.provider.CloudWatchLogsWriter;
import gluelab.cloud.provider.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * AWS's current rules for a PutLogEvents batch. A batch that breaks a hard rule fails whole with
 * InvalidParameterException: more than 10,000 events, more than 1,048,576 bytes (UTF-8 messages plus 26
 * bytes an event), events out of time order, or accepted events spanning more than 24 hours. Events more
 * than 2 hours ahead, more than 14 days old, or older than the group's retention are rejected one by one
 * and reported in {@code rejectedLogEventsInfo}, while the rest are stored.
 *
 * <p>Indexes follow the AWS model: {@code tooNewLogEventStartIndex} is the first too-new event
 * (inclusive); {@code tooOldLogEventEndIndex} and {@code expiredLogEventEndIndex} are one past the last
 * too-old or expired event (exclusive). Sequence tokens are not checked, as on AWS since January 2023.
 */
final class BatchAdmission {

    static final int MAX_EVENTS = CloudWatchLogsWriter.MAX_BATCH_EVENTS;
    static final int MAX_BATCH_BYTES = CloudWatchLogsWriter.MAX_BATCH_BYTES;
    static final Duration MAX_SPAN = CloudWatchLogsWriter.MAX_BATCH_SPAN;
    static final Duration MAX_AHEAD = Duration.ofHours(2);
    static final Duration MAX_AGE = Duration.ofDays(14);

    /** What is stored, and what was turned away (null when nothing was). */
    record Admission(List<StreamEvents.Incoming> accepted, RejectedLogEventsInfo rejected) {
    }

    private BatchAdmission() {
    }

    /** The rules that need no stream: shape, sizes and order. Throws InvalidParameterException. */
    static void checkShape(List<InputLogEvent> events) {
        Validation validation = LogsErrors.validation().size("logEvents", events, 1, MAX_EVENTS);
        for (int i = 0; i < events.size(); i++) {
            InputLogEvent event = events.get(i);
            String member = "logEvents." + (i + 1) + ".member";
            validation.required(member + ".timestamp", event.timestamp())
                    .required(member + ".message", event.message())
                    .length(member + ".message", event.message(), 1, Integer.MAX_VALUE);
        }
        validation.orThrow();
        long total = 0;
        for (InputLogEvent event : events) {
            long size = event.message().getBytes(StandardCharsets.UTF_8).length + (long) LogEvent.OVERHEAD_BYTES;
            if (size > MAX_BATCH_BYTES) {
                throw LogsErrors.invalidParameter("Log event too large: " + size + " bytes exceeds limit of " + MAX_BATCH_BYTES);
            }
            total += size;
        }
        if (total > MAX_BATCH_BYTES) {
            throw LogsErrors.invalidParameter("Upload too large: " + total + " bytes exceeds limit of " + MAX_BATCH_BYTES);
        }
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).timestamp() < events.get(i - 1).timestamp()) {
                throw LogsErrors.invalidParameter(
                        "Log events in a single PutLogEvents request must be in chronological order.");
            }
        }
    }

    /**
     * Sorts a shape-checked batch into accepted and rejected events at {@code now} on the lab clock.
     *
     * @param retentionInDays the group's retention, or null to keep events forever
     */
    static Admission admit(List<InputLogEvent> events, long now, Integer retentionInDays) {
        long newest = now + MAX_AHEAD.toMillis();
        long oldest = now - MAX_AGE.toMillis();
        long retained = retentionInDays == null ? Long.MIN_VALUE : now - Duration.ofDays(retentionInDays).toMillis();
        int tooOldEnd = 0;
        int expiredEnd = 0;
        int tooNewStart = events.size();
        for (int i = 0; i < events.size(); i++) {
            long timestamp = events.get(i).timestamp();
            if (timestamp < oldest) {
                tooOldEnd = i + 1;
            }
            if (timestamp < retained) {
                expiredEnd = i + 1;
            }
            if (timestamp > newest && tooNewStart == events.size()) {
                tooNewStart = i;
            }
        }
        int first = Math.max(tooOldEnd, expiredEnd);
        List<StreamEvents.Incoming> accepted = new ArrayList<>();
        for (int i = first; i < tooNewStart; i++) {
            accepted.add(new StreamEvents.Incoming(events.get(i).timestamp(), events.get(i).message()));
        }
        if (!accepted.isEmpty() && accepted.get(accepted.size() - 1).timestamp() - accepted.get(0).timestamp()
                > MAX_SPAN.toMillis()) {
            throw LogsErrors.invalidParameter(
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        if (tooOldEnd == 0 && expiredEnd == 0 && tooNewStart == events.size()) {
            return new Admission(accepted, null);
        }
        RejectedLogEventsInfo.Builder rejected = RejectedLogEventsInfo.builder();
        if (tooOldEnd > 0) {
            rejected.tooOldLogEventEndIndex(tooOldEnd);
        }
        if (expiredEnd > 0) {
            rejected.expiredLogEventEndIndex(expiredEnd);
        }
        if (tooNewStart < events.size()) {
            rejected.tooNewLogEventStartIndex(tooNewStart);
        }
        return new Admission(accepted, rejected.build());
    }
}
