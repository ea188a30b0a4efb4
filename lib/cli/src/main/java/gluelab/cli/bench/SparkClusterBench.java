package gluelab.cli.bench;

import gluelab.cli.spark.LocalSparkCluster;
import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.lab.JobJar;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What running Glue jobs on a Spark cluster costs ({@code ./lab cloud --spark-master}): the large CSV to Parquet job
 * ({@link GlueJobBench}'s, 1,000,000 rows on Lab Cloud's S3) on the worker's local Spark, then on a standalone
 * cluster of two one-core Workers on this machine ({@link LocalSparkCluster}), in one run; medians of three runs
 * each, after one warm-up run of the tiny job. On a 2-core machine the cluster cannot be faster: executors in
 * other JVMs serialize tasks, fetch the run's jars and shuffle over loopback, with the same two cores.
 */
final class SparkClusterBench implements Benchmark {

    private static final int ROWS = 1_000_000;
    private static final int RUNS = 3;

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public String description() {
        return "the 1M-row CSV to Parquet job on the worker's local Spark vs a two-worker Spark standalone cluster";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("spark-cluster-bench-");
        try {
            JobJar jar = BenchJobs.packageInto(work, home, out);
            Path largeCsv = SalesCsv.write(work.resolve("sales.csv"), ROWS);
            Path tinyCsv = Files.writeString(work.resolve("customers.csv"), GlueJobBench.TINY_CSV);

            out.println("  on the worker's local Spark (local[*])");
            List<Long> local = largeRuns(null, jar, tinyCsv, largeCsv, work);
            List<Long> cluster;
            out.println("  on a Spark standalone cluster: a Master and two one-core Workers, each in its own JVM");
            try (LocalSparkCluster spark = LocalSparkCluster.start(2)) {
                cluster = largeRuns(spark.masterUrl(), jar, tinyCsv, largeCsv, work);
            }

            String job = String.format(Locale.ROOT, "%,d-row CSV to Parquet on S3", ROWS);
            report.add(Measurement.of(job + ", worker's local Spark", "s", GlueJobBench.seconds(local)));
            report.add(Measurement.of(job + ", two-worker standalone cluster", "s", GlueJobBench.seconds(cluster)));
            report.add(Measurement.of("cost of the cluster: cluster / local Spark, same job", "x",
                    List.of((double) GlueJobBench.median(cluster) / GlueJobBench.median(local))));
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                out.println("  could not delete " + work + ": " + e.getMessage());
            }
        }
    }

    /** A Lab Cloud whose worker runs on {@code sparkMaster} (null: local), a warm-up run, then the large runs. */
    private static List<Long> largeRuns(String sparkMaster, JobJar jar, Path tinyCsv, Path largeCsv, Path work)
            throws Exception {
        List<Long> millis = new ArrayList<>();
        try (LabCloud cloud = LabCloud.start(LabCloudConfig.defaults().withPort(0)
                .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER).withSparkMaster(sparkMaster))) {
            GlueJobBench bench = new GlueJobBench(cloud.endpoint(), System.out);
            try {
                bench.setUp(jar, tinyCsv, largeCsv, work);
                bench.run("tiny", "warm-up run (tiny CSV)");
                for (int i = 0; i < RUNS; i++) {
                    millis.add(bench.run("large", "large run " + (i + 1)).observedMillis());
                }
            } finally {
                bench.close();
            }
        }
        return millis;
    }
}
