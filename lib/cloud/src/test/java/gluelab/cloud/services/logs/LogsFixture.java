package gluelab.cloud.services.logs;

import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/** Names, events and the lab clock for the CloudWatch Logs tests; every call goes through the real SDK. */
public final class LogsFixture {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final RunningLabCloud cloud;
    public final CloudWatchLogsClient logs;

    public LogsFixture(RunningLabCloud cloud) {
        this.cloud = cloud;
        this.logs = cloud.client(CloudWatchLogsClient.builder());
    }

    /** A log group name no other test uses. */
    public static String uniqueGroup(String hint) {
        return "/lab/test/" + hint + "-" + NAMES.incrementAndGet();
    }

    /** Now on the lab clock, which is what PutLogEvents judges timestamps by. */
    public long now() {
        return cloud.cloud().platform().clock().millis();
    }

    void advanceClock(Duration by) {
        cloud.cloud().platform().clock().advanceTo(cloud.cloud().platform().clock().instant().plus(by));
    }

    String groupWithStream(String hint, String stream) {
        String group = uniqueGroup(hint);
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        return group;
    }

    public static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }

    PutLogEventsResponse put(String group, String stream, List<InputLogEvent> events) {
        return logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    PutLogEventsResponse put(String group, String stream, InputLogEvent... events) {
        return put(group, stream, List.of(events));
    }

    /** {@code count} events one millisecond apart starting at {@code start}, messages {@code prefix-i}. */
    public static List<InputLogEvent> numbered(long start, int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> event(start + i, prefix + "-" + i)).toList();
    }
}
