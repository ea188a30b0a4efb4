package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.lab.JobJar;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ConnectionType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A 100,000-row PostgreSQL table (an RDS instance of Lab Cloud) copied to Parquet on Lab Cloud's S3: by a Glue job
 * run on the warm worker, reading through one of the job's Glue connections (StartJobRun until SUCCEEDED), against
 * the same JDBC read and Parquet write in plain Spark in one JVM (S3A to the same Lab Cloud). Medians of
 * {@value #RUNS} runs each, after {@value #WARM_UPS} warm-up runs each; goal ≤ 1.15×. Glue's own run time
 * (StartedOn to CompletedOn) is reported too, to tell the run's work from the service's dispatch and polling,
 * and the same job on a 1-row table, to tell a run's fixed cost from the copy's.
 */
final class JdbcBench implements Benchmark {

    static final int ROWS = 100_000;
    private static final int RUNS = 7;
    /** Warm-up runs on each side first: the JDBC path's code is not yet compiled when the worker says it is ready. */
    static final int WARM_UPS = 3;
    private static final String PASSWORD = "bench-Jdbc-Pass1";

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public String description() {
        return "a 100k-row JDBC table to Parquet: Glue job on the warm worker vs plain Spark in one JVM (goal: 1.15x)";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        String heap = System.getProperty("gluelab.worker.xmx", "2g");
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("jdbc-bench-");
        try {
            JobJar jar = BenchJobs.packageInto(work, home, out);
            List<Long> glueRuns = new ArrayList<>();
            List<Long> glueRecorded = new ArrayList<>();
            List<Long> oneRowRuns = new ArrayList<>();
            PlainSparkJvm.Result plain;
            try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.EAGER);
                 RdsClient rds = BenchClouds.client(cloud, RdsClient.builder());
                 GlueClient glue = BenchClouds.client(cloud, GlueClient.builder());
                 S3Client s3 = BenchClouds.client(cloud, S3Client.builder());
                 IamClient iam = BenchClouds.client(cloud, IamClient.builder())) {
                String jdbcUrl = salesTable(rds);
                out.printf(Locale.ROOT, "  %,d rows in public.sales at %s%n", ROWS, jdbcUrl);
                s3.createBucket(r -> r.bucket("bench-jobs"));
                s3.createBucket(r -> r.bucket("bench-refined"));
                s3.putObject(r -> r.bucket("bench-jobs").key("bench.jar"), RequestBody.fromFile(jar.path()));
                String role = BenchRoles.glueRole(iam, "GlueJdbcBenchRole", "bench-jobs", "bench-refined");
                glue.createConnection(r -> r.connectionInput(c -> c.name("bench-pg").connectionType(ConnectionType.JDBC)
                        .connectionPropertiesWithStrings(Map.of("JDBC_CONNECTION_URL", jdbcUrl, "USERNAME", "bench",
                                "PASSWORD", PASSWORD))));
                glue.createJob(r -> r.name("jdbc-to-parquet").role(role).glueVersion("5.0")
                        .command(c -> c.name("glueetl").scriptLocation("s3://bench-jobs/bench.jar"))
                        .connections(c -> c.connections("bench-pg"))
                        .defaultArguments(Map.of("--class", BenchJobs.JDBC_JOB_CLASS, "--connection", "bench-pg",
                                "--dbtable", "public.sales", "--output", "s3://bench-refined/glue/")));
                glue.createJob(r -> r.name("one-row-to-parquet").role(role).glueVersion("5.0")
                        .command(c -> c.name("glueetl").scriptLocation("s3://bench-jobs/bench.jar"))
                        .connections(c -> c.connections("bench-pg"))
                        .defaultArguments(Map.of("--class", BenchJobs.JDBC_JOB_CLASS, "--connection", "bench-pg",
                                "--dbtable", "public.one_sale", "--output", "s3://bench-refined/one/")));
                GlueJobBench runs = new GlueJobBench(cloud.endpoint(), out);
                for (int i = 0; i < WARM_UPS; i++) {
                    runs.run("jdbc-to-parquet", "warm-up run " + (i + 1));
                }
                for (int i = 0; i < RUNS; i++) {
                    GlueJobBench.RunTime time = runs.run("jdbc-to-parquet", "Glue job run " + (i + 1));
                    glueRuns.add(time.observedMillis());
                    glueRecorded.add(time.recordedMillis());
                }
                for (int i = 0; i < RUNS; i++) {
                    oneRowRuns.add(runs.run("one-row-to-parquet", "Glue job run on a 1-row table " + (i + 1)).observedMillis());
                }
                runs.close();
                out.println("  plain Spark JVM: JDBC read, Parquet write through S3A to Lab Cloud; " + WARM_UPS + " warm-ups, then "
                        + RUNS + " runs");
                plain = PlainSparkJvm.run(jar.path(), BenchJobs.PLAIN_JDBC_SPARK_CLASS, List.of(Integer.toString(WARM_UPS), Integer.toString(RUNS),
                        jdbcUrl, "bench", PASSWORD, "public.sales", "s3a://bench-refined/plain/"), RUNS,
                        GlueJobBench.s3aSettings(cloud.endpoint()), heap);
            }
            String copy = String.format(Locale.ROOT, "%,d-row JDBC table to Parquet", ROWS);
            report.add(Measurement.of(copy + ", Glue job (warm worker, StartJobRun to SUCCEEDED)", "s",
                    GlueJobBench.seconds(glueRuns)));
            report.add(Measurement.of(copy + ", Glue job, its StartedOn to CompletedOn", "s",
                    GlueJobBench.seconds(glueRecorded)));
            report.add(Measurement.of(copy + ", plain Spark JVM", "s", GlueJobBench.seconds(plain.runMillis())));
            report.add(Measurement.of("1-row JDBC table to Parquet, Glue job (a run's fixed cost)", "s",
                    GlueJobBench.seconds(oneRowRuns)));
            report.add(Measurement.of("overhead: Glue JDBC job / plain Spark, same database and S3", "x",
                    List.of((double) GlueJobBench.median(glueRuns) / GlueJobBench.median(plain.runMillis()))));
        } finally {
            BenchClouds.deleteTree(work);
        }
    }

    /** An RDS PostgreSQL instance with {@code public.sales} of {@link #ROWS} rows; its JDBC URL. */
    private static String salesTable(RdsClient rds) throws Exception {
        rds.createDBInstance(r -> r.dbInstanceIdentifier("jdbc-bench").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("bench").masterUserPassword(PASSWORD).dbName("bench"));
        DBInstance instance;
        while (true) {
            instance = rds.describeDBInstances(r -> r.dbInstanceIdentifier("jdbc-bench")).dbInstances().get(0);
            if (instance.dbInstanceStatus().equals("available")) {
                break;
            }
            Thread.sleep(50);
        }
        String url = "jdbc:postgresql://" + instance.endpoint().address() + ":" + instance.endpoint().port() + "/bench";
        try (Connection db = DriverManager.getConnection(url, "bench", PASSWORD); Statement sql = db.createStatement()) {
            sql.execute("""
                    CREATE TABLE public.sales AS SELECT g AS id, 'customer-' || (g %% 1000) AS customer,
                        ((g %% 10000) / 100.0)::numeric(10,2) AS amount, g %% 7 AS quantity,
                        timestamp '2026-01-01' + g * interval '1 minute' AS ordered_at
                    FROM generate_series(1, %d) AS g""".formatted(ROWS));
            sql.execute("CREATE TABLE public.one_sale AS SELECT * FROM public.sales WHERE id = 1");
        }
        return url;
    }
}
