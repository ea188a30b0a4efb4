package gluelab.cloud.services.logs;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.service.Scope;
import gluelab.cloud.testing.RunningLabCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * Measures, asserts nothing: PutLogEvents throughput in batches of 100 and FilterLogEvents latency over
 * 10,000 events, in memory and with a state directory, through the real SDK over HTTP (and, for puts, as
 * an internal call). Not in the default test run (the name does not end in Test); run it with
 * {@code mvn -o -q -pl cloud test -Dtest=LogsThroughputMeasurement} and read the table it prints.
 * It belongs under {@code ./lab bench} once that harness exists.
 */
class LogsThroughputMeasurement {

    private static final int EVENTS = 10_000;
    private static final int BATCH = 100;
    private static final int FILTER_RUNS = 15;

    @Test
    void measure() throws Exception {
        List<String> table = new ArrayList<>();
        table.add(String.format("%-12s %-46s %s", "state", "measure", "result"));
        // A whole untimed round first, so both timed rounds run on a warmed-up JIT.
        measureOne("warm-up", null, new ArrayList<>());
        measureOne("in memory", null, table);
        // On the build's disk, not a tmpfs, so fsync costs what it costs.
        Path dir = Files.createTempDirectory(Path.of("target"), "logs-bench-");
        try {
            measureOne("state dir", dir, table);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.out.println();
        table.forEach(System.out::println);
        System.out.println();
    }

    private void measureOne(String label, Path stateDir, List<String> table) {
        LabCloudConfig config = LabCloudConfig.defaults().withPort(0).withGlueWorker(LabCloudConfig.GlueWorkerMode.OFF);
        if (stateDir != null) {
            config = config.withStateDir(stateDir);
        }
        try (LabCloud cloud = LabCloud.start(config);
             CloudWatchLogsClient logs = CloudWatchLogsClient.builder().endpointOverride(cloud.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            long now = cloud.platform().clock().millis();
            double httpRate = putAll(logs, "/bench/app", "s", now - 300_000, EVENTS);
            table.add(String.format("%-12s %-46s %,.0f events/s", label, "PutLogEvents, SDK over HTTP, 100/batch", httpRate));

            double internalRate = putInternal(cloud, "/bench/internal", "s", now - 300_000, EVENTS);
            table.add(String.format("%-12s %-46s %,.0f events/s", label, "PutLogEvents, internal call, 100/batch", internalRate));

            for (String[] pattern : List.of(
                    new String[] {"term, 1% match", "ERROR"},
                    new String[] {"JSON, 1% match", "{ $.level = \"ERROR\" }"},
                    new String[] {"JSON numeric, ~10% match", "{ $.latency > 900 }"},
                    new String[] {"no pattern, all 10,000 (paged)", ""})) {
                double[] millis = filterLatency(logs, "/bench/app", pattern[1]);
                table.add(String.format("%-12s %-46s median %.1f ms, min %.1f ms", label,
                        "FilterLogEvents " + pattern[0], millis[millis.length / 2], millis[0]));
            }
        }
    }

    private static String message(int i) {
        if (i % 2 == 0) {
            return String.format("{\"level\":\"%s\",\"latency\":%d,\"request\":\"req-%06d\",\"path\":\"/api/items/%d\"}",
                    i % 100 == 0 ? "ERROR" : "INFO", i % 1000, i, i % 97);
        }
        return String.format("%s 2024-05-01T12:00:00Z worker-%d handled request req-%06d in %d ms",
                i % 100 == 1 ? "ERROR" : "INFO", i % 8, i, i % 1000);
    }

    private static List<InputLogEvent> batch(long start, int from, int count) {
        List<InputLogEvent> events = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            events.add(InputLogEvent.builder().timestamp(start + i).message(message(i)).build());
        }
        return events;
    }

    private static double putAll(CloudWatchLogsClient logs, String group, String stream, long start, int total) {
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        long began = System.nanoTime();
        for (int i = 0; i < total; i += BATCH) {
            List<InputLogEvent> events = batch(start, i, BATCH);
            logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
        }
        return total / ((System.nanoTime() - began) / 1e9);
    }

    private static double putInternal(LabCloud cloud, String group, String stream, long start, int total) {
        Scope scope = new Scope(LabCloudConfig.DEFAULT_ACCOUNT, "us-east-1");
        String root = "arn:aws:iam::" + LabCloudConfig.DEFAULT_ACCOUNT + ":root";
        LogWriter.append(cloud.platform(), scope, root, group, stream, batch(start - 1000, 0, 1));
        long began = System.nanoTime();
        for (int i = 0; i < total; i += BATCH) {
            cloud.platform().internal().call(LogsProvider.SERVICE, scope, root, PutLogEventsRequest.builder()
                    .logGroupName(group).logStreamName(stream).logEvents(batch(start, i, BATCH)).build());
        }
        return total / ((System.nanoTime() - began) / 1e9);
    }

    /** Sorted latencies in milliseconds of reading every match, following nextToken. */
    private static double[] filterLatency(CloudWatchLogsClient logs, String group, String pattern) {
        double[] millis = new double[FILTER_RUNS];
        for (int run = 0; run < FILTER_RUNS; run++) {
            long began = System.nanoTime();
            String token = null;
            do {
                String current = token;
                FilterLogEventsResponse page = logs.filterLogEvents(r -> r.logGroupName(group)
                        .filterPattern(pattern.isEmpty() ? null : pattern).nextToken(current));
                token = page.nextToken();
            } while (token != null);
            millis[run] = (System.nanoTime() - began) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }
}
