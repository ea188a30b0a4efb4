package gluelab.cloud.services.logs;

import static gluelab.cloud.services.logs.LogsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class GetLogEventsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private final LogsFixture fixture = new LogsFixture(cloud);
    private final CloudWatchLogsClient logs = fixture.logs;

    private static List<String> messages(GetLogEventsResponse response) {
        return response.events().stream().map(OutputLogEvent::message).toList();
    }

    /** A stream holding e-0 … e-9, one millisecond apart from {@code start}. */
    private String streamOfTen(String hint, long start) {
        String group = fixture.groupWithStream(hint, "s");
        fixture.put(group, "s", LogsFixture.numbered(start, 10, "e"));
        return group;
    }

    @Test
    void withoutATokenTheNewestEventsComeBackOldestFirst() {
        String group = streamOfTen("newest", fixture.now() - 60_000);
        GetLogEventsResponse response = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(3));
        assertThat(messages(response)).containsExactly("e-7", "e-8", "e-9");
    }

    @Test
    void startFromHeadReadsTheOldestEventsFirst() {
        String group = streamOfTen("head", fixture.now() - 60_000);
        GetLogEventsResponse response = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(3)
                .startFromHead(true));
        assertThat(messages(response)).containsExactly("e-0", "e-1", "e-2");
    }

    @Test
    void theTimeWindowIncludesStartTimeAndExcludesEndTime() {
        long start = fixture.now() - 60_000;
        String group = streamOfTen("window", start);
        GetLogEventsResponse response = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")
                .startTime(start + 2).endTime(start + 5).startFromHead(true));
        assertThat(messages(response)).containsExactly("e-2", "e-3", "e-4");
    }

    @Test
    void forwardTokensPageThroughTheStreamAndBackwardTokensPageBack() {
        String group = streamOfTen("paging", fixture.now() - 60_000);
        GetLogEventsResponse first = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(4).startFromHead(true));
        assertThat(first.nextForwardToken()).matches("f/\\d{56}/s");
        assertThat(first.nextBackwardToken()).matches("b/\\d{56}/s");
        GetLogEventsResponse second = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(4)
                .nextToken(first.nextForwardToken()).startFromHead(true));
        assertThat(messages(second)).containsExactly("e-4", "e-5", "e-6", "e-7");
        GetLogEventsResponse back = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(2)
                .nextToken(second.nextBackwardToken()));
        assertThat(messages(back)).containsExactly("e-2", "e-3");
        GetLogEventsResponse newest = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(3));
        GetLogEventsResponse before = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(3)
                .nextToken(newest.nextBackwardToken()));
        assertThat(messages(before)).containsExactly("e-4", "e-5", "e-6");
    }

    @Test
    void aTailLoopEndsWhenTheSameForwardTokenComesBackAndLaterPicksUpNewEvents() {
        long start = fixture.now() - 60_000;
        String group = streamOfTen("tail", start);
        List<String> seen = new ArrayList<>();
        String token = null;
        int calls = 0;
        while (true) {
            String current = token;
            GetLogEventsResponse page = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(3)
                    .startFromHead(true).nextToken(current));
            calls++;
            seen.addAll(messages(page));
            if (page.nextForwardToken().equals(current)) {
                break;
            }
            token = page.nextForwardToken();
            assertThat(calls).as("the loop must end").isLessThan(20);
        }
        assertThat(seen).containsExactlyElementsOf(LogsFixture.numbered(start, 10, "e").stream()
                .map(e -> e.message()).toList());
        assertThat(calls).isEqualTo(5); // 3 + 3 + 3 + 1 events, then an empty page with the same token

        String tail = token;
        fixture.put(group, "s", event(start + 100, "new-1"), event(start + 101, "new-2"));
        GetLogEventsResponse later = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")
                .startFromHead(true).nextToken(tail));
        assertThat(messages(later)).containsExactly("new-1", "new-2");
    }

    @Test
    void theSdkPaginatorStopsAtTheEndOfTheStream() {
        String group = streamOfTen("paginator", fixture.now() - 60_000);
        List<String> all = logs.getLogEventsPaginator(r -> r.logGroupName(group).logStreamName("s").limit(4)
                .startFromHead(true)).events().stream().map(OutputLogEvent::message).toList();
        assertThat(all).hasSize(10).startsWith("e-0").endsWith("e-9");
    }

    @Test
    void anEmptyStreamGivesTokensThatLaterFindTheFirstEvents() {
        String group = fixture.groupWithStream("empty-tail", "s");
        GetLogEventsResponse empty = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s"));
        assertThat(empty.events()).isEmpty();
        assertThat(empty.nextForwardToken()).startsWith("f/");
        fixture.put(group, "s", event(fixture.now(), "first"));
        GetLogEventsResponse next = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")
                .nextToken(empty.nextForwardToken()));
        assertThat(messages(next)).containsExactly("first");
    }

    @Test
    void theGroupMayBeNamedByArnAndBadRequestsAreRefused() {
        String group = streamOfTen("identifier", fixture.now() - 60_000);
        String arn = "arn:aws:logs:us-east-1:000000000000:log-group:" + group;
        assertThat(logs.getLogEvents(r -> r.logGroupIdentifier(arn).logStreamName("s")).events()).hasSize(10);
        assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName(group).logStreamName("missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log stream does not exist.");
        assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").nextToken("f/123")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The specified nextToken is invalid.");
        assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(10_001)))
                .isInstanceOf(InvalidParameterException.class);
        String otherStreamToken = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")).nextForwardToken();
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("t"));
        assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName(group).logStreamName("t").nextToken(otherStreamToken)))
                .isInstanceOf(InvalidParameterException.class);
    }
}
