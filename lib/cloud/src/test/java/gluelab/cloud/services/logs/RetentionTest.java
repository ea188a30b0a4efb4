package gluelab.cloud.services.logs;

import static gluelab.cloud.services.logs.LogsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** Retention against the lab clock. Its own Lab Cloud, because it moves the clock forward by days. */
class RetentionTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private final LogsFixture fixture = new LogsFixture(cloud);
    private final CloudWatchLogsClient logs = fixture.logs;

    @Test
    void eventsOlderThanTheRetentionDisappearFromReadsAsTheLabClockPassesThem() {
        String group = fixture.groupWithStream("expiring", "s");
        logs.putRetentionPolicy(r -> r.logGroupName(group).retentionInDays(1));
        long now = fixture.now();
        fixture.put(group, "s", event(now - Duration.ofHours(20).toMillis(), "twenty hours old"), event(now, "fresh"));

        fixture.advanceClock(Duration.ofHours(6));

        assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")).events())
                .extracting(OutputLogEvent::message).containsExactly("fresh");
        assertThat(logs.filterLogEvents(r -> r.logGroupName(group)).events()).hasSize(1);

        logs.deleteRetentionPolicy(r -> r.logGroupName(group));
        assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s")).events())
                .as("Lab Cloud hides expired events rather than deleting them; without retention they read again")
                .hasSize(2);
    }
}
