package gluelab.cloud.provider;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.services.logs.LogsFixture;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.iam.IamClient;

/** The writer services write their own logs with, read back through the real SDK. */
class CloudWatchLogsWriterTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    private final LogsFixture fixture = new LogsFixture(cloud);
    private final CloudWatchLogsClient logs = fixture.logs;

    private static final String ROOT = "arn:aws:iam::000000000000:root";

    private CloudWatchLogsWriter writer() {
        return cloud.cloud().platform().logs();
    }

    /** Lines stamped with the lab clock's now. */
    private List<InputLogEvent> lines(String... messages) {
        long now = fixture.now();
        return java.util.Arrays.stream(messages).map(m -> InputLogEvent.builder().timestamp(now).message(m).build()).toList();
    }

    @Test
    void appendCreatesTheGroupAndStreamAndStampsLinesWithTheLabClock() {
        String group = LogsFixture.uniqueGroup("aws-glue/jobs/output");
        long before = fixture.now();
        int stored = writer().append(SCOPE, ROOT, group, "jr_0001", lines("Starting job", "", "Job finished"));

        assertThat(stored).isEqualTo(2);
        List<OutputLogEvent> events = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("jr_0001")
                .startFromHead(true)).events();
        assertThat(events).extracting(OutputLogEvent::message).containsExactly("Starting job", "Job finished");
        assertThat(events).allSatisfy(e -> assertThat(e.timestamp()).isBetween(before, fixture.now()));

        writer().append(SCOPE, ROOT, group, "jr_0001", lines("appended to the existing stream"));
        assertThat(logs.describeLogStreams(r -> r.logGroupName(group)).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("jr_0001");
    }

    @Test
    void manyEventsAreSortedAndSplitIntoBatchesAwsAccepts() {
        String group = LogsFixture.uniqueGroup("aws/lambda-like");
        long start = fixture.now() - 60_000;
        List<InputLogEvent> events = new ArrayList<>(LogsFixture.numbered(start, 12_000, "line"));
        java.util.Collections.reverse(events);

        // A function's logs are written as its execution role, which IAM judges: it needs the logs permissions.
        try (IamClient iam = cloud.client(IamClient.builder())) {
            iam.createRole(r -> r.roleName("lambda-exec").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}"));
            iam.attachRolePolicy(r -> r.roleName("lambda-exec")
                    .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        }
        int stored = writer().append(SCOPE, "arn:aws:iam::000000000000:role/lambda-exec", group,
                "2024/01/01/[$LATEST]0123", events);

        assertThat(stored).isEqualTo(12_000);
        List<FilteredLogEvent> read = logs.filterLogEventsPaginator(r -> r.logGroupName(group)).events()
                .stream().toList();
        assertThat(read).hasSize(12_000);
        assertThat(read).extracting(FilteredLogEvent::timestamp).isSorted();
        assertThat(CloudWatchLogsWriter.batches(LogsFixture.numbered(start, 12_000, "line"))).hasSize(2);
    }

    @Test
    void batchesRespectTheByteAndTimeSpanLimits() {
        long t = fixture.now();
        String big = "x".repeat(400_000);
        List<InputLogEvent> heavy = IntStream.range(0, 5).mapToObj(i -> LogsFixture.event(t, big)).toList();
        assertThat(CloudWatchLogsWriter.batches(heavy)).extracting(List::size).containsExactly(2, 2, 1);
        List<InputLogEvent> spread = List.of(LogsFixture.event(t - 2 * 86_400_000L, "a"),
                LogsFixture.event(t - 86_400_000L + 1, "b"), LogsFixture.event(t, "c"));
        assertThat(CloudWatchLogsWriter.batches(spread)).extracting(List::size).containsExactly(1, 2);
    }

    @Test
    void concurrentWritersToANewStreamLoseNothing() throws Exception {
        String group = LogsFixture.uniqueGroup("concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> writes = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writes.add(pool.submit(() -> writer().append(SCOPE, ROOT, group, "shared",
                        lines("writer " + writer + " line 1", "writer " + writer + " line 2"))));
            }
            int stored = 0;
            for (Future<Integer> write : writes) {
                stored += write.get();
            }
            assertThat(stored).isEqualTo(16);
        } finally {
            pool.shutdownNow();
        }
        assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName("shared")).events()).hasSize(16);
    }
}
