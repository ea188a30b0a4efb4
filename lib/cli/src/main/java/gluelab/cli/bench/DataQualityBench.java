package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.lab.JobJar;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetEvaluationRunResponse;
import software.amazon.awssdk.services.glue.model.TaskStatusType;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Four Data Quality rules on a 1M-row table: a ruleset evaluation run through Lab Cloud (StartDataQualityRuleset
 * EvaluationRun until GetDataQualityRulesetEvaluationRun says SUCCEEDED; the worker reads the catalog table and runs
 * Deequ's DQDL evaluator) against the same Deequ evaluation of the same file in one plain Spark JVM. Both read the
 * same local CSV with the same schema; each side warms up once first. Goal: 1.10x.
 */
final class DataQualityBench implements Benchmark {

    static final String RULESET = "Rules = [ RowCount > 0, IsComplete \"id\", IsUnique \"id\", ColumnValues \"amount\" >= 0 ]";
    static final String PLAIN_CLASS = "bench.PlainDataQuality";

    /** The plain side: Deequ's DQDL evaluator on a CSV read with the catalog table's schema. */
    static final String PLAIN_DATA_QUALITY = """
            package bench;

            import org.apache.spark.sql.SparkSession;

            public class PlainDataQuality {
                /** args: warm-ups, repetitions, CSV path, ruleset. Prints "spark", "warmup" and "run" lines (ms). */
                public static void main(String[] args) {
                    SparkSession spark = PlainSparkSession.start("plain-dq-bench");
                    int warmUps = Integer.parseInt(args[0]);
                    for (int i = -warmUps; i < Integer.parseInt(args[1]); i++) {
                        long run = System.nanoTime();
                        var data = spark.read().option("header", "true")
                                .schema("id BIGINT, customer STRING, amount DOUBLE, day STRING, region STRING").csv(args[2]);
                        int rules = com.amazon.deequ.dqdl.EvaluateDataQuality.process(data, args[3]).collectAsList().size();
                        if (rules != 4) {
                            throw new IllegalStateException(rules + " rule outcomes");
                        }
                        System.out.println((i < 0 ? "warmup " : "run ") + (System.nanoTime() - run) / 1_000_000);
                    }
                    spark.stop();
                }
            }
            """;

    @Override
    public String name() {
        return "dq";
    }

    @Override
    public String description() {
        return "four DQ rules on 1M rows: a Lab Cloud evaluation run vs the same Deequ evaluation in plain Spark (goal: 1.10x)";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        measure(home, report, 1_000_000, 3);
    }

    static void measure(Path home, BenchReport report, int rows, int runs) throws Exception {
        String heap = System.getProperty("gluelab.worker.xmx", "2g");
        Path work = Files.createTempDirectory("dq-bench-");
        try {
            JobJar jar = BenchJobs.packageInto(work, home, System.out);
            Path table = Files.createDirectories(work.resolve("sales"));
            SalesCsv.write(table.resolve("sales.csv"), rows);
            List<Long> cloudRuns = new ArrayList<>();
            try (LabCloud cloud = LabCloud.start(LabCloudConfig.defaults().withPort(0)
                    .withGlueWorker(LabCloudConfig.GlueWorkerMode.LAZY))) {
                try (GlueClient glue = BenchClouds.client(cloud.endpoint(), GlueClient.builder(), BenchClouds.ACCOUNT_KEYS);
                     IamClient iam = BenchClouds.client(cloud.endpoint(), IamClient.builder(), BenchClouds.ACCOUNT_KEYS)) {
                    String role = BenchRoles.glueRole(iam, "GlueDqBenchRole", "bench-dq");
                    catalog(glue, table.toUri());
                    glue.createDataQualityRuleset(r -> r.name("bench-gate").ruleset(RULESET));
                    System.out.printf(Locale.ROOT, "  Lab Cloud warm-up run (starts the worker): %.2f s%n", evaluate(glue, role) / 1000.0);
                    for (int i = 0; i < runs; i++) {
                        long millis = evaluate(glue, role);
                        cloudRuns.add(millis);
                        System.out.printf(Locale.ROOT, "  Lab Cloud evaluation run %d: %.2f s%n", i + 1, millis / 1000.0);
                    }
                }
            }
            PlainSparkJvm.Result plain = PlainSparkJvm.run(jar.path(), PLAIN_CLASS,
                    List.of("1", Integer.toString(runs), table.resolve("sales.csv").toUri().toString(), RULESET), runs,
                    Map.of(), heap);
            String label = String.format(Locale.ROOT, "4 DQ rules on %,d rows", rows);
            report.add(Measurement.of(label + ", Lab Cloud evaluation run (Start to SUCCEEDED)", "s", GlueJobBench.seconds(cloudRuns)));
            report.add(Measurement.of(label + ", Deequ in a plain Spark JVM", "s", GlueJobBench.seconds(plain.runMillis())));
            report.add(Measurement.of("overhead: Lab Cloud DQ evaluation run / plain Deequ", "x",
                    List.of((double) GlueJobBench.median(cloudRuns) / GlueJobBench.median(plain.runMillis()))));
        } finally {
            deleteTree(work);
        }
    }

    /** The table {@code bench_db.sales}: the CSV's directory, its columns typed as the plain side reads them. */
    private static void catalog(GlueClient glue, URI location) {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("bench_db")));
        glue.createTable(r -> r.databaseName("bench_db").tableInput(t -> t.name("sales").tableType("EXTERNAL_TABLE")
                .parameters(Map.of("classification", "csv", "skip.header.line.count", "1"))
                .storageDescriptor(s -> s.location(location.toString())
                        .columns(column("id", "bigint"), column("customer", "string"), column("amount", "double"),
                                column("day", "string"), column("region", "string"))
                        .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                        .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                        .serdeInfo(i -> i.serializationLibrary("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
                                .parameters(Map.of("field.delim", ","))))));
    }

    private static Column column(String name, String type) {
        return Column.builder().name(name).type(type).build();
    }

    /** One evaluation run, Start until Get says it ended; fails unless it SUCCEEDED. */
    private static long evaluate(GlueClient glue, String role) throws InterruptedException {
        long start = System.nanoTime();
        String runId = glue.startDataQualityRulesetEvaluationRun(r -> r.role(role).rulesetNames("bench-gate")
                .dataSource(d -> d.glueTable(t -> t.databaseName("bench_db").tableName("sales")))).runId();
        GetDataQualityRulesetEvaluationRunResponse run;
        do {
            Thread.sleep(20);
            run = glue.getDataQualityRulesetEvaluationRun(r -> r.runId(runId));
        } while (run.status() == TaskStatusType.RUNNING);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (run.status() != TaskStatusType.SUCCEEDED) {
            throw new IllegalStateException("The evaluation run ended " + run.status() + ": " + run.errorString());
        }
        return millis;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
