package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Step Functions' Distributed Map through the real SDK: a 10,000-row CSV in S3, read by the ItemReader as the
 * machine's role and mapped in batches of 100, each batch a child execution of its own (one Pass state), with its
 * history, records and status events, as on AWS. The time is the execution's own, start to stop.
 */
final class DistributedMapBench implements Benchmark {

    private static final int ROWS = 10_000;
    private static final int BATCH = 100;
    private static final int RUNS = 5;

    @Override
    public String name() {
        return "stepfunctions-distributed-map";
    }

    @Override
    public String description() {
        return "Step Functions: a Distributed Map over a 10,000-row CSV in S3 with batches of 100";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.OFF);
             IamClient iam = BenchClouds.client(cloud, IamClient.builder());
             S3Client s3 = BenchClouds.client(cloud, S3Client.builder());
             SfnClient sfn = BenchClouds.client(cloud, SfnClient.builder())) {
            iam.createRole(r -> r.roleName("bench-dmap").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                    "Principal":{"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
            iam.putRolePolicy(r -> r.roleName("bench-dmap").policyName("read").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",\
                    "Resource":"*"}]}"""));
            String role = iam.getRole(r -> r.roleName("bench-dmap")).role().arn();
            s3.createBucket(r -> r.bucket("bench-dmap"));
            StringBuilder csv = new StringBuilder("id,city,amount\n");
            for (int i = 0; i < ROWS; i++) {
                csv.append(i).append(",city-").append(i % 97).append(',').append(i % 1000).append('\n');
            }
            s3.putObject(r -> r.bucket("bench-dmap").key("rows.csv"), RequestBody.fromString(csv.toString()));
            String machine = sfn.createStateMachine(r -> r.name("bench-dmap").roleArn(role).definition("""
                    {"StartAt":"Rows","States":{"Rows":{"Type":"Map","ItemReader":{\
                    "Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV",\
                    "CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket":"bench-dmap","Key":"rows.csv"}},\
                    "ItemBatcher":{"MaxItemsPerBatch":%d},"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED",\
                    "ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass",\
                    "Parameters":{"n.$":"States.ArrayLength($.Items)"},"End":true}}},"End":true}}}"""
                    .formatted(BATCH))).stateMachineArn();
            // One first, so that the JIT has seen the interpreter and the reader before they are measured.
            seconds(sfn, machine);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                times.add(seconds(sfn, machine));
            }
            report.add(Measurement.of("Step Functions: Distributed Map, 10,000-row S3 CSV, batches of 100",
                    "s", times));
        }
    }

    private static double seconds(SfnClient sfn, String machine) throws InterruptedException {
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        DescribeExecutionResponse described;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        do {
            Thread.sleep(10);
            described = sfn.describeExecution(r -> r.executionArn(execution));
        } while (described.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline);
        if (described.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("The benchmark's execution ended " + described.status() + ": "
                    + described.error() + " " + described.cause());
        }
        return Duration.between(described.startDate(), described.stopDate()).toMillis() / 1000.0;
    }
}
