package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Lambda through the real SDK: the cold start (CreateFunction, the FunctionActiveV2 waiter, and the first response,
 * which starts a new execution environment JVM), and warm synchronous invokes (p50 and p99 of one client's calls).
 */
final class LambdaBench implements Benchmark {

    private static final int COLD_STARTS = 5;
    private static final int WARM_INVOKES = 500;
    private static final String ROLE = "arn:aws:iam::000000000000:role/bench-lambda";
    private static final String HANDLER_SOURCE = """
            package bench;
            import java.util.Map;
            public class Echo {
                public Map<String, Object> handle(Map<String, Object> input) {
                    return input;
                }
            }
            """;

    @Override
    public String name() {
        return "lambda";
    }

    @Override
    public String description() {
        return "Lambda cold start (CreateFunction to first response) and warm synchronous Invoke p50/p99";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        SdkBytes zip = SdkBytes.fromByteArray(BenchFunctions.zip(home, "lambda", "bench.Echo", HANDLER_SOURCE, List.of()));
        try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.OFF);
             IamClient iam = BenchClouds.client(cloud, IamClient.builder());
             LambdaClient lambda = BenchClouds.client(cloud, LambdaClient.builder())) {
            iam.createRole(r -> r.roleName("bench-lambda").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                    "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
            List<Double> cold = new ArrayList<>();
            List<Double> toActive = new ArrayList<>();
            for (int i = 0; i < COLD_STARTS; i++) {
                String name = "bench-cold-" + i;
                long start = System.nanoTime();
                lambda.createFunction(r -> r.functionName(name).runtime("java17").role(ROLE).handler("bench.Echo::handle")
                        .memorySize(256).code(c -> c.zipFile(zip)));
                lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
                toActive.add((System.nanoTime() - start) / 1e6);
                lambda.invoke(r -> r.functionName(name).payload(SdkBytes.fromUtf8String("{\"n\":1}")));
                cold.add((System.nanoTime() - start) / 1e6);
                lambda.deleteFunction(r -> r.functionName(name));
            }
            report.add(Measurement.of("Lambda cold start, CreateFunction to first response", "ms", cold)
                    .withNote("goal <= 1000 ms"));
            report.add(Measurement.of("Lambda cold start, of which CreateFunction to Active (waiter)", "ms", toActive));

            String warmName = "bench-warm";
            lambda.createFunction(r -> r.functionName(warmName).runtime("java17").role(ROLE)
                    .handler("bench.Echo::handle").memorySize(256).code(c -> c.zipFile(zip)));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(warmName));
            SdkBytes payload = SdkBytes.fromUtf8String("{\"order\":42}");
            for (int i = 0; i < 100; i++) {
                lambda.invoke(r -> r.functionName(warmName).payload(payload));
            }
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                List<Double> latencies = new ArrayList<>();
                for (int i = 0; i < WARM_INVOKES; i++) {
                    long start = System.nanoTime();
                    lambda.invoke(r -> r.functionName(warmName).payload(payload));
                    latencies.add((System.nanoTime() - start) / 1e6);
                }
                Collections.sort(latencies);
                p50s.add(latencies.get(latencies.size() / 2));
                p99s.add(latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1));
            }
            report.add(Measurement.of("Lambda warm Invoke p50 (" + WARM_INVOKES + " calls a round)", "ms", p50s)
                    .withNote("goal <= 10 ms"));
            report.add(Measurement.of("Lambda warm Invoke p99 (" + WARM_INVOKES + " calls a round)", "ms", p99s)
                    .withNote("goal <= 50 ms"));
        }
    }
}
