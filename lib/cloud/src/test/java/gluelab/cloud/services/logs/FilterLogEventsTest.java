package gluelab.cloud.services.logs;

import static gluelab.cloud.services.logs.LogsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class FilterLogEventsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private final LogsFixture fixture = new LogsFixture(cloud);
    private final CloudWatchLogsClient logs = fixture.logs;

    private static List<String> messages(FilterLogEventsResponse response) {
        return response.events().stream().map(FilteredLogEvent::message).toList();
    }

    private List<String> filter(String group, String pattern) {
        return messages(logs.filterLogEvents(r -> r.logGroupName(group).filterPattern(pattern)));
    }

    /** A group with two streams whose events interleave in time: a-0 b-0 a-1 b-1 … */
    private String twoStreams(String hint, long start) {
        String group = fixture.groupWithStream(hint, "a");
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("b"));
        for (int i = 0; i < 3; i++) {
            fixture.put(group, "a", event(start + 10L * i, "a-" + i));
            fixture.put(group, "b", event(start + 10L * i + 5, "b-" + i));
        }
        return group;
    }

    @Test
    void eventsOfAllStreamsComeBackInterleavedByTimestampWithTheirStreamAndId() {
        String group = twoStreams("interleaved", fixture.now() - 60_000);
        FilterLogEventsResponse response = logs.filterLogEvents(r -> r.logGroupName(group));
        assertThat(messages(response)).containsExactly("a-0", "b-0", "a-1", "b-1", "a-2", "b-2");
        assertThat(response.events()).extracting(FilteredLogEvent::logStreamName).containsExactly("a", "b", "a", "b", "a", "b");
        assertThat(response.events()).allSatisfy(e -> {
            assertThat(e.eventId()).matches("\\d{56}");
            assertThat(e.ingestionTime()).isPositive();
        });
        assertThat(response.events()).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates();
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void streamsAreChosenByNameOrPrefixButNotBoth() {
        String group = twoStreams("streams", fixture.now() - 60_000);
        assertThat(messages(logs.filterLogEvents(r -> r.logGroupName(group).logStreamNames("b"))))
                .containsExactly("b-0", "b-1", "b-2");
        assertThat(messages(logs.filterLogEvents(r -> r.logGroupName(group).logStreamNamePrefix("a"))))
                .containsExactly("a-0", "a-1", "a-2");
        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName(group).logStreamNames("a").logStreamNamePrefix("a")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void theTimeRangeIncludesBothEnds() {
        long start = fixture.now() - 60_000;
        String group = twoStreams("range", start);
        assertThat(messages(logs.filterLogEvents(r -> r.logGroupName(group).startTime(start + 5).endTime(start + 20))))
                .containsExactly("b-0", "a-1", "b-1", "a-2");
    }

    @Test
    void filterPatternsSelectByTermAlternativeExclusionAndJsonField() {
        String group = fixture.groupWithStream("patterns", "s");
        long t = fixture.now() - 60_000;
        fixture.put(group, "s",
                event(t, "INFO job started"),
                event(t + 1, "WARN slow partition"),
                event(t + 2, "ERROR Task failed: disk full"),
                event(t + 3, "{\"level\":\"ERROR\",\"latency\":250,\"msg\":\"write failed\"}"),
                event(t + 4, "{\"level\":\"INFO\",\"latency\":50,\"msg\":\"ok\"}"));

        assertThat(filter(group, "ERROR")).containsExactly("ERROR Task failed: disk full",
                "{\"level\":\"ERROR\",\"latency\":250,\"msg\":\"write failed\"}");
        assertThat(filter(group, "?WARN ?\"disk full\"")).containsExactly("WARN slow partition", "ERROR Task failed: disk full");
        assertThat(filter(group, "job -ERROR")).containsExactly("INFO job started");
        assertThat(filter(group, "{ $.level = \"ERROR\" }")).containsExactly("{\"level\":\"ERROR\",\"latency\":250,\"msg\":\"write failed\"}");
        assertThat(filter(group, "{ $.latency > 100 || $.msg = \"ok\" }")).hasSize(2);
        assertThat(filter(group, "{ $.msg = \"*fail*\" }")).hasSize(1);
        assertThat(filter(group, "[level = INFO || level = WARN, ...]")).containsExactly("INFO job started", "WARN slow partition");
    }

    @Test
    void aMalformedFilterPatternIsInvalidParameterException() {
        String group = fixture.groupWithStream("malformed", "s");
        for (String bad : List.of("{ $.level = ", "ERROR:", "[a, ...,", "{ level = 1 }")) {
            assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName(group).filterPattern(bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid filter pattern");
                    });
        }
    }

    @Test
    void pagesFollowNextTokenUntilItIsAbsent() {
        String group = fixture.groupWithStream("pages", "a");
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("b"));
        long t = fixture.now() - 60_000;
        fixture.put(group, "a", LogsFixture.numbered(t, 25, "a"));
        fixture.put(group, "b", LogsFixture.numbered(t, 25, "b"));

        FilterLogEventsResponse first = logs.filterLogEvents(r -> r.logGroupName(group).limit(20));
        assertThat(first.events()).hasSize(20);
        assertThat(first.nextToken()).isNotNull();
        FilterLogEventsRequest all = FilterLogEventsRequest.builder().logGroupName(group).limit(7).build();
        List<FilteredLogEvent> paged = logs.filterLogEventsPaginator(all).events().stream().toList();
        assertThat(paged).hasSize(50);
        assertThat(paged).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates().isSorted();
        assertThat(paged).extracting(FilteredLogEvent::timestamp).isSorted();

        FilterLogEventsResponse exact = logs.filterLogEvents(r -> r.logGroupName(group).filterPattern("a").limit(25));
        assertThat(exact.events()).hasSize(25);
        assertThat(exact.nextToken()).as("no further match, so no further page").isNull();
        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName(group).nextToken("%%%")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void startFromHeadFalseReadsNewestFirstAndPagesBackwards() {
        long start = fixture.now() - 60_000;
        String group = twoStreams("newest-first", start);
        FilterLogEventsResponse first = logs.filterLogEvents(r -> r.logGroupName(group).startTime(start)
                .startFromHead(false).limit(4));
        assertThat(messages(first)).containsExactly("b-2", "a-2", "b-1", "a-1");
        FilterLogEventsResponse rest = logs.filterLogEvents(r -> r.logGroupName(group).startTime(start)
                .startFromHead(false).nextToken(first.nextToken()));
        assertThat(messages(rest)).containsExactly("b-0", "a-0");
        assertThat(rest.nextToken()).isNull();
        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName(group).startFromHead(false)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("startTime is on or after Jan 1, 2024");
    }

    @Test
    void theGroupMayBeNamedByIdentifierAndMustExist() {
        String group = twoStreams("identifier", fixture.now() - 60_000);
        assertThat(messages(logs.filterLogEvents(r -> r.logGroupIdentifier(group)))).hasSize(6);
        assertThat(messages(logs.filterLogEvents(r -> r.logGroupIdentifier(
                "arn:aws:logs:us-east-1:000000000000:log-group:" + group)))).hasSize(6);
        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName(group + "-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.filterPattern("x")))
                .isInstanceOf(InvalidParameterException.class);
    }
}
