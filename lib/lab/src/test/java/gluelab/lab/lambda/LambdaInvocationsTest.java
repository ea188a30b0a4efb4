package gluelab.lab.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.DataTable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** A function's invocations read from its log group, as Lambda writes it. */
class LambdaInvocationsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static InputLogEvent line(long time, String message) {
        return InputLogEvent.builder().timestamp(time).message(message).build();
    }

    @Test
    void eachAttemptAtAnAsynchronousEventIsARowOfItsOwnUnderTheEventsRequestId() {
        try (CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            String group = "/aws/lambda/retried";
            logs.createLogGroup(r -> r.logGroupName(group));
            logs.createLogStream(r -> r.logGroupName(group).logStreamName("2026/06/01/[$LATEST]a1"));
            long t = System.currentTimeMillis() / 1000 * 1000 - 120_000;
            String report = "\tDuration: 12.50 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB\tMax Memory Used: 90 MB";
            List<InputLogEvent> lines = List.of(
                    line(t, "START RequestId: sync-1 Version: $LATEST"), line(t, "settled"),
                    line(t, "END RequestId: sync-1"), line(t, "REPORT RequestId: sync-1" + report),
                    line(t + 1_000, "START RequestId: event-7 Version: $LATEST"), line(t + 1_000, "attempt one failed"),
                    line(t + 1_000, "END RequestId: event-7"), line(t + 1_000, "REPORT RequestId: event-7" + report),
                    line(t + 61_000, "START RequestId: event-7 Version: $LATEST"), line(t + 61_000, "attempt two failed"),
                    line(t + 61_000, "END RequestId: event-7"), line(t + 61_000, "REPORT RequestId: event-7" + report));
            logs.putLogEvents(r -> r.logGroupName(group).logStreamName("2026/06/01/[$LATEST]a1").logEvents(lines));

            DataTable invocations = LambdaInvocations.of(logs, "retried");

            assertThat(invocations.values("request_id")).containsExactly("sync-1", "event-7", "event-7");
            assertThat(invocations.values("output")).containsExactly("settled", "attempt one failed", "attempt two failed");
            assertThat(invocations.values("billed_ms")).containsExactly(13L, 13L, 13L);
            assertThat(invocations.values("started")).containsExactly(Instant.ofEpochMilli(t).toString(),
                    Instant.ofEpochMilli(t + 1_000).toString(), Instant.ofEpochMilli(t + 61_000).toString());
        }
    }
}
