package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Step Functions' interpreter through the real SDK: state transitions per second on a chain of 1,000 Pass states,
 * and on a Map over 1,000 items (each iteration one Pass state; the Map runs 40 at once, as an inline Map does).
 * Each execution's time is its own, start to stop on the lab clock (which runs in real time here), so polling for
 * its end adds nothing; every transition writes its history events, as on AWS.
 */
final class StepFunctionsBench implements Benchmark {

    private static final int STATES = 1000;
    private static final int RUNS = 5;

    @Override
    public String name() {
        return "stepfunctions";
    }

    @Override
    public String description() {
        return "Step Functions: state transitions/s on a 1,000-state Pass chain and a Map over 1,000 items";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.OFF);
             IamClient iam = BenchClouds.client(cloud, IamClient.builder());
             SfnClient sfn = BenchClouds.client(cloud, SfnClient.builder())) {
            String role = iam.createRole(r -> r.roleName("bench-states").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                    "Principal":{"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")).role().arn();
            String chain = sfn.createStateMachine(r -> r.name("bench-chain").roleArn(role).definition(chain()))
                    .stateMachineArn();
            String map = sfn.createStateMachine(r -> r.name("bench-map").roleArn(role).definition(map()))
                    .stateMachineArn();
            String items = "{\"items\":[" + String.join(",", java.util.Collections.nCopies(STATES, "1")) + "]}";
            // One of each first, so that the JIT has seen the interpreter before it is measured.
            transitionsPerSecond(sfn, chain, "{}", STATES);
            transitionsPerSecond(sfn, map, items, STATES + 1);
            List<Double> chainRates = new ArrayList<>();
            List<Double> mapRates = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                chainRates.add(transitionsPerSecond(sfn, chain, "{}", STATES));
                mapRates.add(transitionsPerSecond(sfn, map, items, STATES + 1));
            }
            report.add(Measurement.of("Step Functions: a chain of 1,000 Pass states", "transitions/s", chainRates));
            report.add(Measurement.of("Step Functions: a Map over 1,000 items (one Pass each)", "transitions/s",
                    mapRates));
        }
    }

    private static double transitionsPerSecond(SfnClient sfn, String machine, String input, int transitions)
            throws InterruptedException {
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
        DescribeExecutionResponse described;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        do {
            Thread.sleep(5);
            described = sfn.describeExecution(r -> r.executionArn(execution));
        } while (described.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline);
        if (described.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("The benchmark's execution ended " + described.status() + ": "
                    + described.error() + " " + described.cause());
        }
        double seconds = Math.max(1, Duration.between(described.startDate(), described.stopDate()).toMillis())
                / 1000.0;
        return transitions / seconds;
    }

    private static String chain() {
        StringBuilder states = new StringBuilder();
        for (int i = 0; i < STATES; i++) {
            if (i > 0) {
                states.append(',');
            }
            states.append("\"S").append(i).append("\":{\"Type\":\"Pass\",")
                    .append(i == STATES - 1 ? "\"End\":true}" : "\"Next\":\"S" + (i + 1) + "\"}");
        }
        return "{\"StartAt\":\"S0\",\"States\":{" + states + "}}";
    }

    private static String map() {
        return """
                {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":\
                {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";
    }
}
