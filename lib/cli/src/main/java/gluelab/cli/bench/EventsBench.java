package gluelab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.services.events.matching.RuleMachine;
import gluelab.cloud.state.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * EventBridge with 500 rules loaded on one bus: how many events a bus's compiled Event Ruler machine matches per
 * second, and PutEvents throughput through the SDK (batches of 10) with those rules and no targets.
 */
final class EventsBench implements Benchmark {

    private static final int RULES = 500;
    private static final int EVENTS = 50_000;
    /** The JIT takes a while to settle on Event Ruler's byte machines: warm it up first. */
    private static final int WARM_UP = 200_000;
    private static final int PUT_EVENTS = 5_000;

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String description() {
        return "EventBridge: events matched per second with 500 rules loaded, and PutEvents events/s";
    }

    @Override
    public void run(java.nio.file.Path home, BenchReport report) throws Exception {
        RuleMachine machine = new RuleMachine();
        for (int i = 0; i < RULES; i++) {
            machine.put("rule-" + i, pattern(i));
        }
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            events.add(Json.MAPPER.readTree(event(i)));
        }
        match(machine, events, WARM_UP);
        List<Double> rates = new ArrayList<>();
        long matched = 0;
        for (int round = 0; round < 5; round++) {
            long began = System.nanoTime();
            matched += match(machine, events, EVENTS);
            rates.add(EVENTS / ((System.nanoTime() - began) / 1e9));
        }
        report.add(Measurement.of(String.format("EventBridge matching, 500 rules on one bus (%.1f matches per event)",
                matched / (5.0 * EVENTS)), "events/s", rates));

        try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.OFF);
             EventBridgeClient client = BenchClouds.client(cloud, EventBridgeClient.builder())) {
            for (int i = 0; i < RULES; i++) {
                int n = i;
                client.putRule(r -> r.name("bench-" + n).eventPattern(pattern(n)));
            }
            putAll(client, 1_000);
            List<Double> putRates = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                putRates.add(putAll(client, PUT_EVENTS));
            }
            report.add(Measurement.of("EventBridge PutEvents (batches of 10), 500 rules loaded", "events/s", putRates));
        }
    }

    /** Rules of the shapes notebooks write: source and detail-type, prefixes, numbers, anything-but and $or. */
    static String pattern(int i) {
        return switch (i % 5) {
            case 0 -> "{\"source\":[\"bench.app" + i % 50 + "\"],\"detail-type\":[\"Order Placed\"]}";
            case 1 -> "{\"source\":[\"aws.s3\"],\"detail\":{\"bucket\":{\"name\":[\"bucket-" + i % 40
                    + "\"]},\"object\":{\"key\":[{\"prefix\":\"landing/" + i % 7 + "/\"}]}}}";
            case 2 -> "{\"source\":[\"bench.app" + i % 50 + "\"],\"detail\":{\"total\":[{\"numeric\":[\">\"," + i
                    + "]}]}}";
            case 3 -> "{\"detail-type\":[\"Glue Job State Change\"],\"detail\":{\"jobName\":[\"job-" + i % 30
                    + "\"],\"state\":[{\"anything-but\":\"RUNNING\"}]}}";
            default -> "{\"source\":[\"bench.app" + i % 50 + "\"],\"$or\":[{\"detail\":{\"region\":[\"eu-" + i % 9
                    + "\"]}},{\"detail\":{\"priority\":[{\"numeric\":[\">=\",9]}]}}]}";
        };
    }

    static String event(int i) {
        return switch (i % 3) {
            case 0 -> "{\"version\":\"0\",\"id\":\"" + i + "\",\"detail-type\":\"Order Placed\",\"source\":\"bench.app"
                    + i % 50 + "\",\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\","
                    + "\"resources\":[],\"detail\":{\"total\":" + i % 700 + ",\"region\":\"eu-" + i % 9 + "\",\"priority\":"
                    + i % 10 + "}}";
            case 1 -> "{\"version\":\"0\",\"id\":\"" + i + "\",\"detail-type\":\"Object Created\",\"source\":\"aws.s3\","
                    + "\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\","
                    + "\"resources\":[\"arn:aws:s3:::bucket-" + i % 40 + "\"],\"detail\":{\"bucket\":{\"name\":\"bucket-"
                    + i % 40 + "\"},\"object\":{\"key\":\"landing/" + i % 7 + "/file-" + i + ".csv\",\"size\":100}}}";
            default -> "{\"version\":\"0\",\"id\":\"" + i + "\",\"detail-type\":\"Glue Job State Change\",\"source\":"
                    + "\"aws.glue\",\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\","
                    + "\"resources\":[],\"detail\":{\"jobName\":\"job-" + i % 30 + "\",\"state\":\"SUCCEEDED\"}}";
        };
    }

    private static long match(RuleMachine machine, List<JsonNode> events, int count) {
        long matches = 0;
        for (int i = 0; i < count; i++) {
            matches += machine.matches(events.get(i % events.size())).size();
        }
        return matches;
    }

    private static double putAll(EventBridgeClient client, int total) {
        long began = System.nanoTime();
        for (int i = 0; i < total; i += 10) {
            List<PutEventsRequestEntry> batch = new ArrayList<>(10);
            for (int j = i; j < i + 10; j++) {
                batch.add(PutEventsRequestEntry.builder().source("bench.app" + j % 50).detailType("Order Placed")
                        .detail("{\"total\":" + j % 700 + ",\"region\":\"eu-" + j % 9 + "\"}").build());
            }
            client.putEvents(r -> r.entries(batch));
        }
        return total / ((System.nanoTime() - began) / 1e9);
    }
}
