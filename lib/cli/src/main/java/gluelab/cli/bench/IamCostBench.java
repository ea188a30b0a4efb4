package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.lab.JobJar;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * What IAM enforcement costs: the same measurements on two Lab Clouds in one run, one started as {@code ./lab cloud
 * --iam off} and one as on AWS (enforced), taken in alternation so that a noisy neighbour slows both alike.
 * <ul>
 * <li>warm Glue job runs (the job acts as its role, so each of its S3 calls is judged by the role's policies);</li>
 * <li>S3 GetObject signed with an assumed role's session, the call where evaluation is the largest share.</li>
 * </ul>
 * Account keys are administrators and are never judged, so only role sessions pay.
 */
final class IamCostBench implements Benchmark {

    private static final int JOB_ROUNDS = 8;
    private static final int GET_ROUNDS = 10;
    private static final int GETS_PER_ROUND = 100;

    @Override
    public String name() {
        return "iam";
    }

    @Override
    public String description() {
        return "the cost of IAM enforcement: warm job runs and role-session S3 GetObject, --iam off vs on (goal: 1.05x)";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("iam-cost-bench-");
        try (LabCloud off = start(false); LabCloud on = start(true)) {
            JobJar jar = BenchJobs.packageInto(work, home, out);
            Path tinyCsv = Files.writeString(work.resolve("customers.csv"), GlueJobBench.TINY_CSV);
            GlueJobBench jobsOff = new GlueJobBench(off.endpoint(), out);
            GlueJobBench jobsOn = new GlueJobBench(on.endpoint(), out);
            jobsOff.setUpTiny(jar, tinyCsv);
            jobsOn.setUpTiny(jar, tinyCsv);
            jobsOff.run("tiny", "iam off: warm-up run");
            jobsOn.run("tiny", "iam on: warm-up run");
            List<Double> jobOff = new ArrayList<>();
            List<Double> jobOn = new ArrayList<>();
            for (int i = 0; i < JOB_ROUNDS; i++) {
                jobOff.add(jobsOff.run("tiny", "iam off: run " + (i + 1)).observedMillis() / 1000.0);
                jobOn.add(jobsOn.run("tiny", "iam on: run " + (i + 1)).observedMillis() / 1000.0);
            }
            jobsOff.close();
            jobsOn.close();

            try (S3Client readerOff = roleSessionS3(off); S3Client readerOn = roleSessionS3(on)) {
                List<Double> getOff = new ArrayList<>();
                List<Double> getOn = new ArrayList<>();
                getObjects(readerOff, GETS_PER_ROUND); // warm-up: JIT, connections
                getObjects(readerOn, GETS_PER_ROUND);
                for (int i = 0; i < GET_ROUNDS; i++) {
                    getOff.addAll(getObjects(readerOff, GETS_PER_ROUND));
                    getOn.addAll(getObjects(readerOn, GETS_PER_ROUND));
                }
                addComparison(report, "warm Glue job run (its role's S3 calls judged)", "s", jobOff, jobOn);
                addComparison(report, "S3 GetObject as an assumed role's session", "ms", getOff, getOn);
            }
        } finally {
            BenchClouds.deleteTree(work);
        }
    }

    private static LabCloud start(boolean enforced) {
        return LabCloud.start(LabCloudConfig.defaults().withPort(0)
                .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER).withIam(enforced));
    }

    /** An S3 client signing with a session of a role allowed to read {@code bench-raw}, assumed as a notebook would. */
    private static S3Client roleSessionS3(LabCloud cloud) {
        try (IamClient iam = BenchClouds.client(cloud, IamClient.builder());
             StsClient sts = BenchClouds.client(cloud, StsClient.builder());
             S3Client admin = BenchClouds.client(cloud, S3Client.builder())) {
            admin.putObject(r -> r.bucket("bench-raw").key("small.txt"), RequestBody.fromString("twelve bytes"));
            String account = sts.getCallerIdentity().account();
            String role = BenchRoles.readerRole(iam, account, "BenchReader", "bench-raw");
            Credentials session = sts.assumeRole(r -> r.roleArn(role).roleSessionName("bench")).credentials();
            return BenchClouds.client(cloud.endpoint(), S3Client.builder(), StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())));
        }
    }

    private static List<Double> getObjects(S3Client s3, int count) {
        List<Double> millis = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long began = System.nanoTime();
            s3.getObjectAsBytes(r -> r.bucket("bench-raw").key("small.txt"));
            millis.add((System.nanoTime() - began) / 1e6);
        }
        return millis;
    }

    private static void addComparison(BenchReport report, String what, String unit, List<Double> off, List<Double> on) {
        Measurement withoutIam = Measurement.of(what + ", --iam off", unit, off);
        Measurement withIam = Measurement.of(what + ", --iam on", unit, on);
        report.add(withoutIam);
        report.add(withIam);
        report.add(Measurement.of("IAM enforcement cost: " + what + " (on / off, medians)", "x",
                List.of(withIam.median() / withoutIam.median())));
    }
}
