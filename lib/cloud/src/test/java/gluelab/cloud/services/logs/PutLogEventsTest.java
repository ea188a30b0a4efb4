package gluelab.cloud.services.logs;

import static gluelab.cloud.services.logs.LogsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class PutLogEventsTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private final LogsFixture fixture = new LogsFixture(cloud);
    private final CloudWatchLogsClient logs = fixture.logs;

    private List<String> messages(String group, String stream) {
        return logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream).startFromHead(true)).events()
                .stream().map(OutputLogEvent::message).toList();
    }

    @Test
    void acceptedEventsKeepTheClientTimestampAndGetTheLabClockIngestionTime() {
        String group = fixture.groupWithStream("accepted", "s");
        long stamped = fixture.now() - 90_000;
        long before = fixture.now();
        PutLogEventsResponse response = fixture.put(group, "s", event(stamped, "one"), event(stamped + 1, "two"));

        assertThat(response.rejectedLogEventsInfo()).isNull();
        assertThat(response.nextSequenceToken()).isNotBlank();
        List<OutputLogEvent> events = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")).events();
        assertThat(events).extracting(OutputLogEvent::timestamp).containsExactly(stamped, stamped + 1);
        assertThat(events).allSatisfy(e -> assertThat(e.ingestionTime()).isBetween(before, fixture.now()));
    }

    @Test
    void sequenceTokensAreAcceptedButNoLongerRequiredOrChecked() {
        String group = fixture.groupWithStream("tokens", "s");
        long t = fixture.now();
        fixture.put(group, "s", event(t, "first"));
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").sequenceToken("stale-or-made-up")
                .logEvents(event(t + 1, "second")));
        fixture.put(group, "s", event(t + 2, "third"));
        assertThat(messages(group, "s")).containsExactly("first", "second", "third");
    }

    @Test
    void eventsOutOfTimeOrderFailTheWholeBatch() {
        String group = fixture.groupWithStream("order", "s");
        long t = fixture.now();
        assertThatThrownBy(() -> fixture.put(group, "s", event(t, "later"), event(t - 1, "earlier")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Log events in a single PutLogEvents request must be in chronological order."));
        assertThat(messages(group, "s")).isEmpty();
    }

    @Test
    void batchesOverTenThousandEventsOrAMegabyteFail() {
        String group = fixture.groupWithStream("limits", "s");
        long t = fixture.now();
        assertThatThrownBy(() -> fixture.put(group, "s", LogsFixture.numbered(t - 20_000, 10_001, "e")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Member must have length less than or equal to 10000");

        // 1,048,576 bytes exactly is allowed: 4 events of (262,118 + 26) bytes.
        String quarter = "x".repeat(262_144 - 26);
        PutLogEventsResponse atLimit = fixture.put(group, "s", Collections.nCopies(4, event(t, quarter)));
        assertThat(atLimit.rejectedLogEventsInfo()).isNull();
        List<InputLogEvent> over = new ArrayList<>(Collections.nCopies(4, event(t, quarter)));
        over.add(event(t, "!"));
        assertThatThrownBy(() -> fixture.put(group, "s", over))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Upload too large: 1048603 bytes exceeds limit of 1048576"));
        assertThatThrownBy(() -> fixture.put(group, "s", event(t, "y".repeat(1_048_576))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Log event too large");
    }

    @Test
    void emptyBatchesAndEmptyMessagesAreRefused() {
        String group = fixture.groupWithStream("empty", "s");
        assertThatThrownBy(() -> fixture.put(group, "s", List.of()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThatThrownBy(() -> fixture.put(group, "s", event(fixture.now(), "")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at 'logEvents.1.member.message'");
    }

    @Test
    void acceptedEventsMayNotSpanMoreThanTwentyFourHours() {
        String group = fixture.groupWithStream("span", "s");
        long t = fixture.now() - 2 * DAY;
        assertThatThrownBy(() -> fixture.put(group, "s", event(t, "a"), event(t + DAY + 1, "b")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The batch of log events in a single PutLogEvents request cannot span more than 24 hours."));
        assertThat(fixture.put(group, "s", event(t, "a"), event(t + DAY, "b")).rejectedLogEventsInfo()).isNull();
    }

    @Test
    void tooOldAndTooNewEventsAreRejectedAndTheRestStored() {
        String group = fixture.groupWithStream("rejected", "s");
        long now = fixture.now();
        PutLogEventsResponse response = fixture.put(group, "s",
                event(now - 15 * DAY, "too old"),
                event(now - 14 * DAY - HOUR, "too old too"),
                event(now - HOUR, "fine"),
                event(now + HOUR, "fine, an hour ahead"),
                event(now + 3 * HOUR, "too new"));

        assertThat(response.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(2);
        assertThat(response.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(4);
        assertThat(response.rejectedLogEventsInfo().expiredLogEventEndIndex()).isNull();
        assertThat(messages(group, "s")).containsExactly("fine", "fine, an hour ahead");
    }

    @Test
    void eventsOlderThanTheGroupsRetentionAreRejectedAsExpired() {
        String group = fixture.groupWithStream("expired", "s");
        logs.putRetentionPolicy(r -> r.logGroupName(group).retentionInDays(3));
        long now = fixture.now();
        PutLogEventsResponse response = fixture.put(group, "s",
                event(now - 5 * DAY, "expired"), event(now - 4 * DAY, "expired too"), event(now - DAY, "kept"));
        assertThat(response.rejectedLogEventsInfo().expiredLogEventEndIndex()).isEqualTo(2);
        assertThat(response.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isNull();
        assertThat(messages(group, "s")).containsExactly("kept");
    }

    @Test
    void puttingToAMissingGroupOrStreamSaysWhichIsMissing() {
        String group = fixture.groupWithStream("missing", "s");
        assertThatThrownBy(() -> fixture.put(group, "nope", event(fixture.now(), "x")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log stream does not exist.");
        assertThatThrownBy(() -> fixture.put(group + "-nope", "s", event(fixture.now(), "x")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log group does not exist.");
    }

    @Test
    void aLaterBatchWithOlderTimestampsIsStoredInTimeOrder() {
        String group = fixture.groupWithStream("merge", "s");
        long t = fixture.now() - 60_000;
        fixture.put(group, "s", event(t + 10, "c"), event(t + 30, "e"));
        fixture.put(group, "s", event(t, "a"), event(t + 10, "d"), event(t + 20, "d2"));
        fixture.put(group, "s", event(t + 5, "b"));
        assertThat(messages(group, "s")).containsExactly("a", "b", "c", "d", "d2", "e");
    }
}
