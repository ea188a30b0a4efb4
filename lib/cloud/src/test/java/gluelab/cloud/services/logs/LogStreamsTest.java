package gluelab.cloud.services.logs;

import static gluelab.cloud.services.logs.LogsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class LogStreamsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private final LogsFixture fixture = new LogsFixture(cloud);
    private final CloudWatchLogsClient logs = fixture.logs;

    private static List<String> names(DescribeLogStreamsResponse response) {
        return response.logStreams().stream().map(LogStream::logStreamName).toList();
    }

    @Test
    void aNewStreamHasOnlyItsNameArnCreationTimeAndZeroStoredBytes() {
        String group = fixture.groupWithStream("new-stream", "2024/01/01/[$LATEST]abc");
        LogStream stream = logs.describeLogStreams(r -> r.logGroupName(group)).logStreams().get(0);
        assertThat(stream.logStreamName()).isEqualTo("2024/01/01/[$LATEST]abc");
        assertThat(stream.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:" + group
                + ":log-stream:2024/01/01/[$LATEST]abc");
        assertThat(stream.creationTime()).isPositive();
        assertThat(stream.storedBytes()).isZero();
        assertThat(stream.firstEventTimestamp()).isNull();
        assertThat(stream.lastEventTimestamp()).isNull();
        assertThat(stream.lastIngestionTime()).isNull();
    }

    @Test
    void aStreamWithEventsReportsItsFirstAndLastEventTimesAndLastIngestion() {
        String group = fixture.groupWithStream("stats", "s");
        long t = fixture.now() - 60_000;
        fixture.put(group, "s", event(t, "a"), event(t + 10, "b"));
        fixture.put(group, "s", event(t - 5, "older, in a later batch"));

        LogStream stream = logs.describeLogStreams(r -> r.logGroupName(group)).logStreams().get(0);
        assertThat(stream.firstEventTimestamp()).isEqualTo(t - 5);
        assertThat(stream.lastEventTimestamp()).isEqualTo(t + 10);
        assertThat(stream.lastIngestionTime()).isBetween(t, fixture.now());
        assertThat(stream.storedBytes()).isZero(); // AWS stopped reporting it for streams in 2019
        assertThat(stream.uploadSequenceToken()).isNotBlank();
        long groupBytes = logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().get(0).storedBytes();
        assertThat(groupBytes).isEqualTo("a".length() + "b".length() + "older, in a later batch".length());
    }

    @Test
    void streamNamesMustNotHoldColonsOrAsterisks() {
        String group = fixture.groupWithStream("names", "ok");
        assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName(group).logStreamName("a:b")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Value 'a:b' at 'logStreamName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [^:*]*");
        assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName(group).logStreamName("a*")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void creatingAStreamTwiceOrInAMissingGroupFails() {
        String group = fixture.groupWithStream("dupe", "s");
        assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName(group).logStreamName("s")))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageContaining("The specified log stream already exists");
        assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName(group + "-missing").logStreamName("s")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log group does not exist.");
    }

    @Test
    void deletingAStreamRemovesItsEventsAndAMissingStreamIsNotFound() {
        String group = fixture.groupWithStream("delete-stream", "s");
        fixture.put(group, "s", event(fixture.now(), "gone soon"));
        logs.deleteLogStream(r -> r.logGroupName(group).logStreamName("s"));
        assertThat(logs.describeLogStreams(r -> r.logGroupName(group)).logStreams()).isEmpty();
        assertThatThrownBy(() -> logs.deleteLogStream(r -> r.logGroupName(group).logStreamName("s")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log stream does not exist.");

        logs.createLogStream(r -> r.logGroupName(group).logStreamName("s"));
        assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")).events()).isEmpty();
    }

    @Test
    void describeLogStreamsOrdersByNameOrLastEventTimeEitherWay() {
        String group = LogsFixture.uniqueGroup("order");
        logs.createLogGroup(r -> r.logGroupName(group));
        long t = fixture.now() - 60_000;
        // b has the newest event, c the oldest, a none.
        for (String s : List.of("c", "a", "b")) {
            logs.createLogStream(r -> r.logGroupName(group).logStreamName(s));
        }
        fixture.put(group, "c", event(t, "old"));
        fixture.put(group, "b", event(t + 1000, "new"));

        assertThat(names(logs.describeLogStreams(r -> r.logGroupName(group)))).containsExactly("a", "b", "c");
        assertThat(names(logs.describeLogStreams(r -> r.logGroupName(group).descending(true))))
                .containsExactly("c", "b", "a");
        assertThat(names(logs.describeLogStreams(r -> r.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME))))
                .containsExactly("a", "c", "b");
        assertThat(names(logs.describeLogStreams(r -> r.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME)
                .descending(true).limit(1)))).containsExactly("b");
    }

    @Test
    void describeLogStreamsFiltersByPrefixAndRefusesPrefixWithLastEventTimeOrder() {
        String group = LogsFixture.uniqueGroup("prefix");
        logs.createLogGroup(r -> r.logGroupName(group));
        for (String s : List.of("jr_1", "jr_2", "other")) {
            logs.createLogStream(r -> r.logGroupName(group).logStreamName(s));
        }
        assertThat(names(logs.describeLogStreams(r -> r.logGroupName(group).logStreamNamePrefix("jr_"))))
                .containsExactly("jr_1", "jr_2");
        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName(group).logStreamNamePrefix("jr_")
                .orderBy(OrderBy.LAST_EVENT_TIME)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Cannot order by LastEventTime with a logStreamNamePrefix.");
        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName(group).orderBy("Size")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Member must satisfy enum value set: [LogStreamName, LastEventTime]");
    }

    @Test
    void describeLogStreamsPagesWithNextTokenAndAcceptsTheGroupArn() {
        String group = LogsFixture.uniqueGroup("stream-pages");
        logs.createLogGroup(r -> r.logGroupName(group));
        for (int i = 0; i < 5; i++) {
            String s = "s" + i;
            logs.createLogStream(r -> r.logGroupName(group).logStreamName(s));
        }
        DescribeLogStreamsResponse first = logs.describeLogStreams(r -> r.logGroupName(group).limit(2));
        assertThat(names(first)).containsExactly("s0", "s1");
        DescribeLogStreamsResponse second = logs.describeLogStreams(r -> r.logGroupName(group).limit(2).nextToken(first.nextToken()));
        assertThat(names(second)).containsExactly("s2", "s3");

        String arn = "arn:aws:logs:us-east-1:000000000000:log-group:" + group;
        List<String> all = logs.describeLogStreamsPaginator(r -> r.logGroupIdentifier(arn).limit(2)).logStreams()
                .stream().map(LogStream::logStreamName).toList();
        assertThat(all).containsExactly("s0", "s1", "s2", "s3", "s4");
        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName(group).logGroupIdentifier(arn)))
                .isInstanceOf(InvalidParameterException.class);
    }
}
