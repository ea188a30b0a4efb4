package gluelab.cloud.services.logs;

import static gluelab.cloud.services.logs.LogsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * Log groups, streams and events written with a state directory are there after a restart. These tests
 * close one Lab Cloud and start another on the same directory in-process; the kill -9 variant, with the
 * other services writing alongside, is {@code gluelab.cloud.LabCloudRestartTest}.
 */
class LogsDurabilityTest {

    @TempDir
    Path stateDir;

    private LabCloud start() {
        return LabCloud.start(LabCloudConfig.defaults().withPort(0)
                .withGlueWorker(LabCloudConfig.GlueWorkerMode.OFF).withStateDir(stateDir));
    }

    private static CloudWatchLogsClient client(LabCloud cloud) {
        return CloudWatchLogsClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static List<String> messages(CloudWatchLogsClient logs, String group, String stream) {
        return logs.getLogEventsPaginator(r -> r.logGroupName(group).logStreamName(stream).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
    }

    @Test
    void acknowledgedEventsGroupsAndStreamsSurviveARestart() {
        long t;
        try (LabCloud cloud = start(); CloudWatchLogsClient logs = client(cloud)) {
            t = cloud.platform().clock().millis() - 60_000;
            logs.createLogGroup(r -> r.logGroupName("/durable/app"));
            logs.putRetentionPolicy(r -> r.logGroupName("/durable/app").retentionInDays(30));
            logs.createLogStream(r -> r.logGroupName("/durable/app").logStreamName("web"));
            logs.createLogStream(r -> r.logGroupName("/durable/app").logStreamName("gone"));
            logs.putLogEvents(r -> r.logGroupName("/durable/app").logStreamName("web")
                    .logEvents(LogsFixture.numbered(t, 500, "web")));
            logs.putLogEvents(r -> r.logGroupName("/durable/app").logStreamName("web")
                    .logEvents(event(t - 10, "late but older")));
            logs.putLogEvents(r -> r.logGroupName("/durable/app").logStreamName("gone").logEvents(event(t, "x")));
            logs.deleteLogStream(r -> r.logGroupName("/durable/app").logStreamName("gone"));
        }

        try (LabCloud cloud = start(); CloudWatchLogsClient logs = client(cloud)) {
            assertThat(logs.describeLogGroups().logGroups()).singleElement()
                    .satisfies(g -> assertThat(g.retentionInDays()).isEqualTo(30));
            List<LogStream> streams = logs.describeLogStreams(r -> r.logGroupName("/durable/app")).logStreams();
            assertThat(streams).extracting(LogStream::logStreamName).containsExactly("web");
            assertThat(streams.get(0).firstEventTimestamp()).isEqualTo(t - 10);
            assertThat(streams.get(0).lastEventTimestamp()).isEqualTo(t + 499);

            List<String> web = messages(logs, "/durable/app", "web");
            assertThat(web).hasSize(501).startsWith("late but older", "web-0").endsWith("web-499");

            logs.putLogEvents(r -> r.logGroupName("/durable/app").logStreamName("web").logEvents(event(t + 1000, "after restart")));
        }

        try (LabCloud cloud = start(); CloudWatchLogsClient logs = client(cloud)) {
            assertThat(messages(logs, "/durable/app", "web")).hasSize(502).endsWith("after restart");
            assertThat(logs.filterLogEvents(r -> r.logGroupName("/durable/app").filterPattern("\"after restart\""))
                    .events()).hasSize(1);
        }
    }

    @Test
    void aBatchTornByACrashIsDroppedAndLaterBatchesStillSurvive() throws IOException {
        long t;
        try (LabCloud cloud = start(); CloudWatchLogsClient logs = client(cloud)) {
            t = cloud.platform().clock().millis() - 60_000;
            logs.createLogGroup(r -> r.logGroupName("/durable/torn"));
            logs.createLogStream(r -> r.logGroupName("/durable/torn").logStreamName("s"));
            logs.putLogEvents(r -> r.logGroupName("/durable/torn").logStreamName("s").logEvents(event(t, "acknowledged")));
        }
        // A crash in the middle of an append leaves half a line at the end of the stream's file.
        Path file = onlyEventFile();
        Files.writeString(file, "{\"ingestionTime\":1,\"firstSeq", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (LabCloud cloud = start(); CloudWatchLogsClient logs = client(cloud)) {
            assertThat(messages(logs, "/durable/torn", "s")).containsExactly("acknowledged");
            logs.putLogEvents(r -> r.logGroupName("/durable/torn").logStreamName("s").logEvents(event(t + 1, "next")));
        }
        try (LabCloud cloud = start(); CloudWatchLogsClient logs = client(cloud)) {
            assertThat(messages(logs, "/durable/torn", "s")).containsExactly("acknowledged", "next");
        }
    }

    @Test
    void deletedGroupsLeaveNoEventFilesBehind() throws IOException {
        try (LabCloud cloud = start(); CloudWatchLogsClient logs = client(cloud)) {
            long t = cloud.platform().clock().millis();
            logs.createLogGroup(r -> r.logGroupName("/durable/deleted"));
            logs.createLogStream(r -> r.logGroupName("/durable/deleted").logStreamName("s"));
            logs.putLogEvents(r -> r.logGroupName("/durable/deleted").logStreamName("s").logEvents(List.<InputLogEvent>of(event(t, "x"))));
            assertThat(eventFiles()).hasSize(1);
            logs.deleteLogGroup(r -> r.logGroupName("/durable/deleted"));
            assertThat(eventFiles()).isEmpty();
        }
        try (LabCloud cloud = start(); CloudWatchLogsClient logs = client(cloud)) {
            assertThat(logs.describeLogGroups().logGroups()).isEmpty();
        }
    }

    private List<Path> eventFiles() throws IOException {
        Path dir = stateDir.resolve("payload").resolve("logs");
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".jsonl")).toList();
        }
    }

    private Path onlyEventFile() throws IOException {
        List<Path> files = eventFiles();
        assertThat(files).hasSize(1);
        return files.get(0);
    }
}
