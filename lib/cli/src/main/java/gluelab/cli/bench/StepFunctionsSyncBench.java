package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.lab.JobJar;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * What {@code glue:startJobRun.sync} adds to a Glue job run: the same tiny CSV-to-Parquet job (on the real warm
 * worker) run bare, StartJobRun until GetJobRun says it completed, and as a one-state machine, StartExecution until
 * DescribeExecution says it succeeded; both polled every 20 ms, alternating, after one warm-up each. The overhead is
 * the difference of the medians.
 */
final class StepFunctionsSyncBench implements Benchmark {

    private static final int RUNS = 8;
    private static final long POLL_MILLIS = 20;

    @Override
    public String name() {
        return "stepfunctions-sync";
    }

    @Override
    public String description() {
        return "Step Functions: glue:startJobRun.sync against the bare job run (goal: <= 100 ms more)";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("sfn-sync-bench-");
        try {
            JobJar jar = BenchJobs.packageInto(work, home, out);
            Path tinyCsv = Files.writeString(work.resolve("customers.csv"), GlueJobBench.TINY_CSV);
            try (LabCloud cloud = LabCloud.start(LabCloudConfig.defaults().withPort(0)
                    .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER));
                 IamClient iam = BenchClouds.client(cloud, IamClient.builder());
                 SfnClient sfn = BenchClouds.client(cloud, SfnClient.builder())) {
                GlueJobBench glue = new GlueJobBench(cloud.endpoint(), out);
                glue.setUpTiny(jar, tinyCsv);
                String role = iam.createRole(r -> r.roleName("bench-sync").assumeRolePolicyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                        "Principal":{"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")).role().arn();
                iam.putRolePolicy(r -> r.roleName("bench-sync").policyName("run-jobs").policyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["glue:StartJobRun",\
                        "glue:GetJobRun","glue:BatchStopJobRun"],"Resource":"*"}]}"""));
                String machine = sfn.createStateMachine(r -> r.name("bench-sync").roleArn(role).definition("""
                        {"StartAt":"Run","States":{"Run":{"Type":"Task",\
                        "Resource":"arn:aws:states:::glue:startJobRun.sync",\
                        "Parameters":{"JobName":"tiny"},"End":true}}}""")).stateMachineArn();
                glue.run("tiny", "warm-up, bare");
                syncRun(sfn, machine, out, "warm-up, .sync");
                List<Double> bare = new ArrayList<>();
                List<Double> synced = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    bare.add(glue.run("tiny", "bare run " + (i + 1)).observedMillis() / 1.0);
                    synced.add(syncRun(sfn, machine, out, ".sync run " + (i + 1)));
                }
                glue.close();
                Measurement bareRuns = Measurement.of("Glue tiny job, bare (StartJobRun to completed)", "ms", bare);
                Measurement syncRuns = Measurement.of("Glue tiny job as glue:startJobRun.sync (StartExecution to "
                        + "SUCCEEDED)", "ms", synced);
                report.add(bareRuns);
                report.add(syncRuns);
                report.add(Measurement.of(".sync overhead over the bare job run (difference of medians)", "ms",
                        List.of(syncRuns.median() - bareRuns.median())).withNote("goal <= 100 ms"));
            }
        } finally {
            BenchClouds.deleteTree(work);
        }
    }

    private static double syncRun(SfnClient sfn, String machine, PrintStream out, String label)
            throws InterruptedException {
        long start = System.nanoTime();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        DescribeExecutionResponse described;
        do {
            Thread.sleep(POLL_MILLIS);
            described = sfn.describeExecution(r -> r.executionArn(execution));
        } while (described.status() == ExecutionStatus.RUNNING);
        double millis = (System.nanoTime() - start) / 1e6;
        if (described.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException(label + " ended " + described.status() + ": " + described.cause());
        }
        out.printf("  %s: %.0f ms%n", label, millis);
        return millis;
    }
}
