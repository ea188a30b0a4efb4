package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * An event through a rule to a Lambda target: how long from the start of PutEvents until the target function's
 * handler starts (p50 and p99), one event at a time, 500 other rules loaded on the bus. The event carries the wall
 * clock's microsecond its PutEvents started at; the handler logs the difference (both JVMs read the same clock).
 */
final class EventsToLambdaBench implements Benchmark {

    private static final int ROUNDS = 3;
    private static final int EVENTS = 100;
    private static final int OTHER_RULES = 500;
    private static final long GAP_MILLIS = 30;
    private static final String FUNCTION = "bench-events-target";
    private static final String HANDLER_SOURCE = """
            package bench;
            import java.time.Instant;
            import java.util.Map;
            public class Stamped {
                @SuppressWarnings("unchecked")
                public String handle(Map<String, Object> event) {
                    Instant now = Instant.now();
                    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
                    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
                    System.out.println("latency " + (micros - Long.parseLong(String.valueOf(detail.get("sent")))));
                    return "ok";
                }
            }
            """;

    @Override
    public String name() {
        return "events-lambda";
    }

    @Override
    public String description() {
        return "EventBridge PutEvents to a matched Lambda target's handler start, p50/p99, 500 rules loaded";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        SdkBytes zip = SdkBytes.fromByteArray(BenchFunctions.zip(home, "events-lambda", "bench.Stamped",
                HANDLER_SOURCE, List.of()));
        try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.OFF);
             IamClient iam = BenchClouds.client(cloud, IamClient.builder());
             LambdaClient lambda = BenchClouds.client(cloud, LambdaClient.builder());
             EventBridgeClient events = BenchClouds.client(cloud, EventBridgeClient.builder());
             CloudWatchLogsClient logs = BenchClouds.client(cloud, CloudWatchLogsClient.builder())) {
            String role = iam.createRole(r -> r.roleName("bench-events-target").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                    "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")).role().arn();
            iam.attachRolePolicy(r -> r.roleName("bench-events-target")
                    .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
            String functionArn = lambda.createFunction(r -> r.functionName(FUNCTION).runtime("java17").role(role)
                    .handler("bench.Stamped::handle").memorySize(256).timeout(30).code(c -> c.zipFile(zip)))
                    .functionArn();
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(FUNCTION));
            for (int i = 0; i < OTHER_RULES; i++) {
                String name = "other-" + i;
                events.putRule(r -> r.name(name).eventPattern("{\"source\":[\"bench.other\"],\"detail\":{\"n\":["
                        + name.hashCode() + "]}}"));
            }
            String ruleArn = events.putRule(r -> r.name("to-function")
                    .eventPattern("{\"source\":[\"bench.latency\"]}")).ruleArn();
            lambda.addPermission(r -> r.functionName(FUNCTION).statementId("events").action("lambda:InvokeFunction")
                    .principal("events.amazonaws.com").sourceArn(ruleArn));
            events.putTargets(r -> r.rule("to-function").targets(t -> t.id("function").arn(functionArn)));

            int expected = 20;
            putStamped(events, expected); // warm the environment up
            HandlerLatencies.awaitLogged(logs, FUNCTION, expected);
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                putStamped(events, EVENTS);
                expected += EVENTS;
                double[] percentiles = HandlerLatencies.p50AndP99OfLast(
                        HandlerLatencies.awaitLogged(logs, FUNCTION, expected), EVENTS);
                p50s.add(percentiles[0]);
                p99s.add(percentiles[1]);
            }
            report.add(Measurement.of("PutEvents to matched Lambda handler start p50 (" + EVENTS + " a round)", "ms",
                    p50s).withNote("goal <= 25 ms"));
            report.add(Measurement.of("PutEvents to matched Lambda handler start p99 (" + EVENTS + " a round)", "ms",
                    p99s));
        }
    }

    /** Puts events one at a time, each carrying the wall-clock microsecond its PutEvents started at. */
    private static void putStamped(EventBridgeClient events, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            long micros = HandlerLatencies.nowMicros();
            events.putEvents(r -> r.entries(e -> e.source("bench.latency").detailType("Stamped")
                    .detail("{\"sent\": " + micros + "}")));
            Thread.sleep(GAP_MILLIS);
        }
    }
}
