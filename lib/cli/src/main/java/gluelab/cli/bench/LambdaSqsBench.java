package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A Lambda event-source mapping from an SQS queue: how long from the start of SendMessage until the mapped
 * function's handler starts (p50 and p99), one message at a time. The handler reads the send's start time from the
 * message body and logs the difference; both JVMs read the same wall clock.
 */
final class LambdaSqsBench implements Benchmark {

    private static final int ROUNDS = 3;
    private static final int MESSAGES = 100;
    private static final long GAP_MILLIS = 30;
    private static final String ROLE = "arn:aws:iam::000000000000:role/bench-lambda-sqs";
    private static final String HANDLER_SOURCE = """
            package bench;
            import java.time.Instant;
            import java.util.List;
            import java.util.Map;
            public class Timed {
                @SuppressWarnings("unchecked")
                public String handle(Map<String, Object> event) {
                    Instant now = Instant.now();
                    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
                    for (Map<String, Object> record : (List<Map<String, Object>>) event.get("Records")) {
                        System.out.println("latency " + (micros - Long.parseLong((String) record.get("body"))));
                    }
                    return "ok";
                }
            }
            """;

    @Override
    public String name() {
        return "lambda-sqs";
    }

    @Override
    public String description() {
        return "Lambda SQS event-source mapping: SendMessage to handler start, p50/p99";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        SdkBytes zip = SdkBytes.fromByteArray(BenchFunctions.zip(home, "lambda-sqs", "bench.Timed", HANDLER_SOURCE, List.of()));
        try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.OFF);
             IamClient iam = BenchClouds.client(cloud, IamClient.builder());
             LambdaClient lambda = BenchClouds.client(cloud, LambdaClient.builder());
             SqsClient sqs = BenchClouds.client(cloud, SqsClient.builder());
             CloudWatchLogsClient logs = BenchClouds.client(cloud, CloudWatchLogsClient.builder())) {
            iam.createRole(r -> r.roleName("bench-lambda-sqs").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                    "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
            iam.attachRolePolicy(r -> r.roleName("bench-lambda-sqs")
                    .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"));
            String url = sqs.createQueue(r -> r.queueName("bench-esm")).queueUrl();
            lambda.createFunction(r -> r.functionName("bench-esm").runtime("java17").role(ROLE)
                    .handler("bench.Timed::handle").memorySize(256).timeout(30).code(c -> c.zipFile(zip)));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("bench-esm"));
            lambda.createEventSourceMapping(r -> r.functionName("bench-esm")
                    .eventSourceArn("arn:aws:sqs:us-east-1:000000000000:bench-esm").batchSize(1));

            int expected = 20;
            sendTimed(sqs, url, expected); // warm the environments up
            HandlerLatencies.awaitLogged(logs, "bench-esm", expected);
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                sendTimed(sqs, url, MESSAGES);
                expected += MESSAGES;
                double[] percentiles = HandlerLatencies.p50AndP99OfLast(
                        HandlerLatencies.awaitLogged(logs, "bench-esm", expected), MESSAGES);
                p50s.add(percentiles[0]);
                p99s.add(percentiles[1]);
            }
            report.add(Measurement.of("SQS message to mapped handler start p50 (" + MESSAGES + " a round)", "ms", p50s)
                    .withNote("goal <= 50 ms"));
            report.add(Measurement.of("SQS message to mapped handler start p99 (" + MESSAGES + " a round)", "ms", p99s));
        }
    }

    /** Sends messages one at a time, each carrying the wall-clock microsecond its SendMessage started at. */
    private static void sendTimed(SqsClient sqs, String url, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            long micros = HandlerLatencies.nowMicros();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody(Long.toString(micros)));
            Thread.sleep(GAP_MILLIS);
        }
    }
}
