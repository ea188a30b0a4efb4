package gluelab.lab.logs;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.DataTable;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** Finding the log streams that leaked a secret, as Phase 4 notebooks check that no log holds a password. */
class LogStreamsContainingTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void onlyTheStreamsWhoseEventsHoldTheTextAreListedWithTheirCountsAndTheTextIsNeverShown() {
        try (CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            String password = "p\"a ss*w0rd?";
            write(logs, "/aws/lambda/rotate", "2026/12/07/[$LATEST]a", "START", "user=app password=" + password,
                    "again " + password);
            write(logs, "/aws/lambda/rotate", "2026/12/07/[$LATEST]b", "nothing here");
            write(logs, "/aws-glue/jobs/output", "jr_1", "read 3 rows", "password=*****");
            write(logs, "/aws-glue/jobs/error", "jr_1", "jdbc:postgresql://h/db?password=" + password);

            DataTable leaks = LogStreamsContaining.of(logs, password);

            assertThat(leaks.values("log_group")).containsExactly("/aws-glue/jobs/error", "/aws/lambda/rotate");
            assertThat(leaks.values("log_stream")).containsExactly("jr_1", "2026/12/07/[$LATEST]a");
            assertThat(leaks.values("events")).containsExactly(1, 2);
            assertThat(leaks.toString()).doesNotContain(password);
            assertThat(LogStreamsContaining.of(logs, "a password nobody logged").rowCount()).isZero();
        }
    }

    private static void write(CloudWatchLogsClient logs, String group, String stream, String... messages) {
        if (logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().stream()
                .noneMatch(g -> g.logGroupName().equals(group))) {
            logs.createLogGroup(r -> r.logGroupName(group));
        }
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        long now = System.currentTimeMillis();
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(
                Arrays.stream(messages).map(m -> InputLogEvent.builder().timestamp(now).message(m).build())
                        .toList()));
    }
}
