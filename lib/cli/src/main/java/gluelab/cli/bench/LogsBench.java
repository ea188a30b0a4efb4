package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** CloudWatch Logs: PutLogEvents throughput in batches of 100, and FilterLogEvents latency over 10,000 events. */
final class LogsBench implements Benchmark {

    private static final int EVENTS = 10_000;
    private static final int BATCH = 100;

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String description() {
        return "PutLogEvents events/s and FilterLogEvents latency, in memory and with a state dir";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        measure(null, "in memory", report);
        Path state = BenchClouds.stateDirectory(home, "logs-state");
        try {
            measure(state, "state dir", report);
        } finally {
            BenchClouds.deleteTree(state);
        }
    }

    private void measure(Path stateDir, String label, BenchReport report) {
        try (LabCloud cloud = BenchClouds.start(stateDir, LabCloudConfig.GlueWorkerMode.OFF);
             CloudWatchLogsClient logs = BenchClouds.client(cloud, CloudWatchLogsClient.builder())) {
            long start = cloud.platform().clock().millis() - 600_000;
            putAll(logs, "/bench/warm-up", start, EVENTS);
            List<Double> rates = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                rates.add(putAll(logs, "/bench/app-" + round, start, EVENTS));
            }
            report.add(Measurement.of("Logs PutLogEvents (batches of 100), " + label, "events/s", rates));
            filter(logs, "ERROR", 5);
            report.add(Measurement.of("Logs FilterLogEvents term over 10,000 events, " + label, "ms",
                    filter(logs, "ERROR", 15)));
            report.add(Measurement.of("Logs FilterLogEvents JSON pattern over 10,000, " + label, "ms",
                    filter(logs, "{ $.level = \"ERROR\" }", 15)));
        }
    }

    private static String message(int i) {
        if (i % 2 == 0) {
            return String.format("{\"level\":\"%s\",\"latency\":%d,\"request\":\"req-%06d\"}",
                    i % 100 == 0 ? "ERROR" : "INFO", i % 1000, i);
        }
        return String.format("%s worker-%d handled request req-%06d in %d ms",
                i % 100 == 1 ? "ERROR" : "INFO", i % 8, i, i % 1000);
    }

    private static double putAll(CloudWatchLogsClient logs, String group, long start, int total) {
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("s"));
        long began = System.nanoTime();
        for (int i = 0; i < total; i += BATCH) {
            List<InputLogEvent> events = new ArrayList<>(BATCH);
            for (int j = i; j < i + BATCH; j++) {
                events.add(InputLogEvent.builder().timestamp(start + j).message(message(j)).build());
            }
            logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(events));
        }
        return total / ((System.nanoTime() - began) / 1e9);
    }

    private static List<Double> filter(CloudWatchLogsClient logs, String pattern, int runs) {
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long began = System.nanoTime();
            String token = null;
            do {
                String current = token;
                FilterLogEventsResponse page = logs.filterLogEvents(r -> r.logGroupName("/bench/app-0")
                        .filterPattern(pattern).nextToken(current));
                token = page.nextToken();
            } while (token != null);
            millis.add((System.nanoTime() - began) / 1e6);
        }
        return millis;
    }
}
