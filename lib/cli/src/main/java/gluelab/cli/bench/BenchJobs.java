package gluelab.cli.bench;

import gluelab.cloud.services.glue.worker.WorkerClasspath;
import gluelab.lab.JobJar;
import gluelab.lab.packaging.JobPackager;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's job, packaged as a notebook packages one (the lab library's {@link JobPackager}, against the
 * worker's class path, with the Glue runtime inside): {@code bench.CsvToParquet}, a Glue job reading CSV with a
 * header and writing it as Parquet, and {@code bench.PlainSpark}, which runs that same class in a plain JVM with
 * a Spark session of its own and prints how long each run took; and the same pair for a JDBC table to Parquet,
 * {@code bench.JdbcToParquet} and {@code bench.PlainJdbcSpark}.
 */
final class BenchJobs {

    static final String JOB_CLASS = "bench.CsvToParquet";
    static final String PLAIN_SPARK_CLASS = "bench.PlainSpark";

    private static final String CSV_TO_PARQUET = """
            package bench;

            import gluelab.glue.DynamicFrame;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.JsonOptions;
            import java.util.List;
            import java.util.Map;

            public class CsvToParquet {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"input", "output"});
                    GlueContext glue = GlueContext.getOrCreate();
                    DynamicFrame rows = glue.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("input"))),
                            "source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
                    glue.purgeS3Path(args.get("output"), JsonOptions.of("retentionPeriod", 0), "purge");
                    glue.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output")), "sink", "parquet")
                            .writeDynamicFrame(rows);
                }
            }
            """;

    /**
     * Spark as the worker configures it (local[*], no UI, 4 shuffle partitions, a default parallelism of 4, AQE),
     * without the worker. The parallelism matters: Spark splits a file read into about that many partitions.
     */
    private static final String PLAIN_SPARK_SESSION = """
            package bench;

            import org.apache.spark.sql.SparkSession;

            final class PlainSparkSession {
                /** Starts the session and prints "spark <ms>": how long that took. */
                static SparkSession start(String appName) {
                    long start = System.nanoTime();
                    SparkSession spark = SparkSession.builder().master("local[*]").appName(appName)
                            .config("spark.ui.enabled", "false")
                            .config("spark.sql.shuffle.partitions", "4")
                            .config("spark.default.parallelism", "4")
                            .config("spark.sql.adaptive.enabled", "true")
                            .getOrCreate();
                    System.out.println("spark " + (System.nanoTime() - start) / 1_000_000);
                    return spark;
                }
            }
            """;

    /** Runs {@code CsvToParquet} in a plain Spark session of its own. */
    private static final String PLAIN_SPARK = """
            package bench;

            import org.apache.spark.sql.SparkSession;

            public class PlainSpark {
                /**
                 * args: repetitions, input, output, warm-up input. Warms up on the small input first, as the worker
                 * does before it is ready. Prints one line per step: "spark <ms>", "warmup <ms>", "run <ms>".
                 */
                public static void main(String[] args) {
                    SparkSession spark = PlainSparkSession.start("plain-spark-bench");
                    long warmUp = System.nanoTime();
                    CsvToParquet.main(new String[] {"--JOB_NAME", "plain", "--input", args[3], "--output", args[2] + "-warm-up"});
                    System.out.println("warmup " + (System.nanoTime() - warmUp) / 1_000_000);
                    for (int i = 0; i < Integer.parseInt(args[0]); i++) {
                        long run = System.nanoTime();
                        CsvToParquet.main(new String[] {"--JOB_NAME", "plain", "--input", args[1], "--output", args[2]});
                        System.out.println("run " + (System.nanoTime() - run) / 1_000_000);
                    }
                    spark.stop();
                }
            }
            """;

    static final String JDBC_JOB_CLASS = "bench.JdbcToParquet";
    static final String PLAIN_JDBC_SPARK_CLASS = "bench.PlainJdbcSpark";

    /** A Glue job copying a JDBC table, read through one of the job's Glue connections, to Parquet. */
    private static final String JDBC_TO_PARQUET = """
            package bench;

            import gluelab.glue.DynamicFrame;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.JsonOptions;
            import java.util.Map;

            public class JdbcToParquet {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                            new String[] {"connection", "dbtable", "output"});
                    GlueContext glue = GlueContext.getOrCreate();
                    DynamicFrame rows = glue.getSource("postgresql", JsonOptions.of("useConnectionProperties", "true",
                            "connectionName", args.get("connection"), "dbtable", args.get("dbtable")), "source").getDynamicFrame();
                    glue.purgeS3Path(args.get("output"), JsonOptions.of("retentionPeriod", 0), "purge");
                    glue.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output")), "sink", "parquet")
                            .writeDynamicFrame(rows);
                }
            }
            """;

    /** The same read and write in plain Spark: Spark's JDBC reader, Spark's Parquet writer. */
    private static final String PLAIN_JDBC_SPARK = """
            package bench;

            import java.util.Properties;
            import org.apache.spark.sql.SparkSession;

            public class PlainJdbcSpark {
                /** args: warm-ups, repetitions, JDBC URL, user, password, table, output. Prints "spark", "warmup" and "run" lines (ms). */
                public static void main(String[] args) {
                    SparkSession spark = PlainSparkSession.start("plain-jdbc-bench");
                    Properties credentials = new Properties();
                    credentials.setProperty("user", args[3]);
                    credentials.setProperty("password", args[4]);
                    credentials.setProperty("driver", "org.postgresql.Driver");
                    int warmUps = Integer.parseInt(args[0]);
                    for (int i = -warmUps; i < Integer.parseInt(args[1]); i++) {
                        long run = System.nanoTime();
                        spark.read().jdbc(args[2], args[5], credentials).write().mode("overwrite").parquet(args[6]);
                        System.out.println((i < 0 ? "warmup " : "run ") + (System.nanoTime() - run) / 1_000_000);
                    }
                    spark.stop();
                }
            }
            """;

    private BenchJobs() {
    }

    /** Packages the classes into a jar under {@code work}; {@code checkout} is the repository (built). */
    static JobJar packageInto(Path work, Path checkout, PrintStream out) throws IOException {
        Path sources = work.resolve("labs/bench/bench");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("CsvToParquet.java"), CSV_TO_PARQUET);
        Files.writeString(sources.resolve("PlainSparkSession.java"), PLAIN_SPARK_SESSION);
        Files.writeString(sources.resolve("PlainSpark.java"), PLAIN_SPARK);
        Files.writeString(sources.resolve("JdbcToParquet.java"), JDBC_TO_PARQUET);
        Files.writeString(sources.resolve("PlainJdbcSpark.java"), PLAIN_JDBC_SPARK);
        Files.writeString(sources.resolve("PlainDataQuality.java"), DataQualityBench.PLAIN_DATA_QUALITY);
        Path runtime = checkout.resolve("lib/glue-runtime/target/classes");
        List<Path> classpath = Stream.concat(Stream.of(runtime),
                Arrays.stream(WorkerClasspath.find().split(File.pathSeparator)).map(Path::of)).toList();
        return new JobPackager(work, work.resolve("jars"), classpath, runtime, out).build("bench");
    }
}
