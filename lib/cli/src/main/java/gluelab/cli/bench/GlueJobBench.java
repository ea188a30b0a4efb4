package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.lab.JobJar;
import gluelab.lab.LabHome;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How long Glue job runs take on Lab Cloud, end to end through the SDK as a notebook sees them:
 * <ol>
 * <li>the cold first run: Lab Cloud started, the worker not (LAZY), StartJobRun until GetJobRun says SUCCEEDED;</li>
 * <li>warm runs of a tiny CSV to Parquet job (median of {@code --warm-runs}, default 10);</li>
 * <li>a large CSV ({@code --rows}, default 1,000,000) to Parquet, through Lab Cloud and, as the baseline, the same
 * job class in one plain JVM on local files (median of {@code --large-runs} each, default 3), and their ratio; to
 * tell where a difference comes from, also Lab Cloud's worker on local files and the plain JVM on Lab Cloud's S3.</li>
 * </ol>
 Part of {@code ./lab bench glue}; alone: {@code java -cp lib/cli/target/classes:$(cat lib/cli/target/classpath.txt)
 * gluelab.cli.bench.GlueJobBench [--warm-runs N] [--rows N] [--large-runs N]}.
 */
public final class GlueJobBench {

    private static final Duration POLL = Duration.ofMillis(20);
    static final String TINY_CSV = "id,name,amount\n1,Ada,12.50\n2,Grace,7.25\n3,Linus,3.00\n";

    /** One run as the client saw it (StartJobRun to the GetJobRun that said SUCCEEDED) and as Glue records it. */
    record RunTime(long observedMillis, long recordedMillis) {
    }

    private final PrintStream out;
    private final GlueClient glue;
    private final S3Client s3;
    private final IamClient iam;
    private String role;

    GlueJobBench(URI endpoint, PrintStream out) {
        this.out = out;
        this.glue = BenchClouds.client(endpoint, GlueClient.builder(), BenchClouds.ACCOUNT_KEYS);
        this.s3 = BenchClouds.client(endpoint, S3Client.builder(), BenchClouds.ACCOUNT_KEYS);
        this.iam = BenchClouds.client(endpoint, IamClient.builder(), BenchClouds.ACCOUNT_KEYS);
    }

    public static void main(String[] args) throws Exception {
        BenchReport report = new BenchReport(System.out);
        measure(LabHome.locate(), report, option(args, "--warm-runs", 10), option(args, "--rows", 1_000_000),
                option(args, "--large-runs", 3));
        report.printTable();
    }

    /** Adds the cold, warm and large-run measurements, and the overhead ratios, to {@code report}. */
    static void measure(Path home, BenchReport report, int warmRuns, int rows, int largeRuns) throws Exception {
        String heap = System.getProperty("gluelab.worker.xmx", "2g"); // the worker's default heap, for both sides
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("glue-job-bench-");
        try {
            JobJar jar = BenchJobs.packageInto(work, home, out);
            Path largeCsv = SalesCsv.write(work.resolve("sales.csv"), rows);
            Path tinyCsv = Files.writeString(work.resolve("customers.csv"), TINY_CSV);
            out.printf(Locale.ROOT, "  %,d rows of CSV: %.1f MB%n", rows, Files.size(largeCsv) / 1e6);

            RunTime cold;
            List<RunTime> warm = new ArrayList<>();
            List<Long> cloudOnS3 = new ArrayList<>();
            List<Long> cloudOnFiles = new ArrayList<>();
            PlainSparkJvm.Result plainOnS3;
            try (LabCloud cloud = LabCloud.start(LabCloudConfig.defaults().withPort(0)
                    .withGlueWorker(LabCloudConfig.GlueWorkerMode.LAZY))) {
                GlueJobBench bench = new GlueJobBench(cloud.endpoint(), out);
                bench.setUp(jar, tinyCsv, largeCsv, work);
                cold = bench.run("tiny", "cold first run (starts the worker)");
                for (int i = 0; i < warmRuns; i++) {
                    warm.add(bench.run("tiny", "warm run " + (i + 1)));
                }
                for (int i = 0; i < largeRuns; i++) {
                    cloudOnS3.add(bench.run("large", "large run on S3 " + (i + 1)).observedMillis());
                }
                for (int i = 0; i < largeRuns; i++) {
                    cloudOnFiles.add(bench.run("large-files", "large run on local files " + (i + 1)).observedMillis());
                }
                bench.close();
                out.println("  plain JVM on Lab Cloud's S3 (S3A): a warm-up on the tiny CSV, then " + largeRuns + " runs");
                plainOnS3 = PlainSparkJvm.run(jar.path(), largeRuns, "s3a://bench-raw/large/",
                        "s3a://bench-raw/tiny/", "s3a://bench-refined/plain/", s3aSettings(cloud.endpoint()), heap);
            }
            out.println("  plain JVM on local files: a warm-up on the tiny CSV, then " + largeRuns + " runs");
            PlainSparkJvm.Result plainOnFiles = PlainSparkJvm.run(jar.path(), largeRuns, largeCsv.toUri().toString(),
                    tinyCsv.toUri().toString(), work.resolve("plain-out").toUri().toString(), Map.of(), heap);

            String large = String.format(Locale.ROOT, "%,d-row CSV to Parquet", rows);
            report.add(Measurement.of("Glue cold first run (worker started lazily)", "s",
                    List.of(cold.observedMillis() / 1000.0)));
            report.add(Measurement.of("Glue warm run, tiny CSV to Parquet (StartJobRun to SUCCEEDED)", "s",
                    seconds(warm.stream().map(RunTime::observedMillis).toList())));
            report.add(Measurement.of(large + ", Lab Cloud job, local files", "s", seconds(cloudOnFiles)));
            report.add(Measurement.of(large + ", plain Spark JVM, local files", "s", seconds(plainOnFiles.runMillis())));
            report.add(Measurement.of(large + ", Lab Cloud job, its S3", "s", seconds(cloudOnS3)));
            report.add(Measurement.of(large + ", plain Spark JVM, S3A to Lab Cloud", "s", seconds(plainOnS3.runMillis())));
            report.add(Measurement.of("overhead: Lab Cloud job / plain Spark, same local files", "x",
                    List.of((double) median(cloudOnFiles) / median(plainOnFiles.runMillis()))));
            report.add(Measurement.of("overhead: Lab Cloud job / plain Spark, same S3 endpoint", "x",
                    List.of((double) median(cloudOnS3) / median(plainOnS3.runMillis()))));
        } finally {
            deleteTree(work);
        }
    }

    /** S3A aimed at Lab Cloud as any S3-compatible endpoint, as Spark system properties. */
    static Map<String, String> s3aSettings(URI endpoint) {
        return Map.of("spark.hadoop.fs.s3a.endpoint", endpoint.toString(),
                "spark.hadoop.fs.s3a.endpoint.region", "us-east-1",
                "spark.hadoop.fs.s3a.path.style.access", "true",
                "spark.hadoop.fs.s3a.connection.ssl.enabled", "false",
                "spark.hadoop.fs.s3a.access.key", "test",
                "spark.hadoop.fs.s3a.secret.key", "test",
                "spark.hadoop.fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    }

    /** The tiny job, and the large CSV with its jobs {@code large} (on S3) and {@code large-files} (local files). */
    void setUp(JobJar jar, Path tinyCsv, Path largeCsv, Path work) {
        setUpTiny(jar, tinyCsv);
        s3.putObject(r -> r.bucket("bench-raw").key("large/sales.csv"), RequestBody.fromFile(largeCsv));
        createJob("large", "s3://bench-raw/large/", "s3://bench-refined/large/");
        createJob("large-files", largeCsv.toUri().toString(), work.resolve("cloud-out").toUri().toString());
    }

    /**
     * The buckets, the job's role (trusting Glue, allowed exactly these buckets: the run's S3 calls are judged as
     * a notebook's are), the jar, the tiny CSV, and the job {@code tiny} that turns it into Parquet.
     */
    void setUpTiny(JobJar jar, Path tinyCsv) {
        List<String> buckets = List.of("bench-jobs", "bench-raw", "bench-refined");
        for (String bucket : buckets) {
            s3.createBucket(r -> r.bucket(bucket));
        }
        role = BenchRoles.glueRole(iam, "GlueBenchRole", buckets.toArray(String[]::new));
        s3.putObject(r -> r.bucket("bench-jobs").key("bench.jar"), RequestBody.fromFile(jar.path()));
        s3.putObject(r -> r.bucket("bench-raw").key("tiny/customers.csv"), RequestBody.fromFile(tinyCsv));
        createJob("tiny", "s3://bench-raw/tiny/", "s3://bench-refined/tiny/");
    }

    private void createJob(String name, String input, String output) {
        glue.createJob(r -> r.name(name).role(role).glueVersion("5.0")
                .command(c -> c.name("glueetl").scriptLocation("s3://bench-jobs/bench.jar"))
                .defaultArguments(Map.of("--class", BenchJobs.JOB_CLASS, "--input", input, "--output", output)));
    }

    /** One run of {@code jobName}, StartJobRun until GetJobRun says it completed; fails unless it SUCCEEDED. */
    RunTime run(String jobName, String label) throws InterruptedException {
        long start = System.nanoTime();
        String runId = glue.startJobRun(r -> r.jobName(jobName)).jobRunId();
        JobRun run;
        while (true) {
            run = glue.getJobRun(r -> r.jobName(jobName).runId(runId)).jobRun();
            if (run.completedOn() != null) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        long observed = (System.nanoTime() - start) / 1_000_000;
        if (run.jobRunState() != JobRunState.SUCCEEDED) {
            throw new IllegalStateException(label + " ended " + run.jobRunState() + ": " + run.errorMessage());
        }
        RunTime time = new RunTime(observed, Duration.between(run.startedOn(), run.completedOn()).toMillis());
        out.printf("  %s: %s%n", label, seconds(observed));
        return time;
    }

    void close() {
        glue.close();
        s3.close();
        iam.close();
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static List<Double> seconds(List<Long> millis) {
        return millis.stream().map(m -> m / 1000.0).toList();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    private static int option(String[] args, String name, int defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return defaultValue;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
