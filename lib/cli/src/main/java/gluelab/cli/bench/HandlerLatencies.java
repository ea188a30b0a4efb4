package gluelab.cli.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * How long from a call until a Lambda handler starts, measured across two JVMs on one machine: the caller stamps what
 * it sends with the wall clock's microsecond ({@link #nowMicros()}), and the handler logs {@code latency <micros>},
 * the difference from its own start.
 */
final class HandlerLatencies {

    private HandlerLatencies() {
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** The latencies {@code function} logged, in ms, once there are {@code count} (at most a minute's wait). */
    static List<Double> awaitLogged(CloudWatchLogsClient logs, String function, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            List<Double> latencies;
            try {
                latencies = logs.filterLogEventsPaginator(r -> r.logGroupName("/aws/lambda/" + function))
                        .events().stream().filter(e -> e.message().startsWith("latency "))
                        .map(e -> Long.parseLong(e.message().substring("latency ".length()).strip()) / 1000.0)
                        .toList();
            } catch (ResourceNotFoundException noLogGroupYet) {
                latencies = List.of();
            }
            if (latencies.size() >= count) {
                return latencies;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(function + " logged " + latencies.size() + " of " + count
                        + " latencies in a minute");
            }
            Thread.sleep(200);
        }
    }

    /** The p50 and p99 of the last {@code n} of {@code all}. */
    static double[] p50AndP99OfLast(List<Double> all, int n) {
        List<Double> latencies = new ArrayList<>(all.subList(all.size() - n, all.size()));
        Collections.sort(latencies);
        return new double[] {latencies.get(latencies.size() / 2),
                latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1)};
    }
}
