package gluelab.e2e.glue;

import java.util.Map;

/** The sources of the job classes the end-to-end tests run: small, each showing one behaviour. */
public final class LabJobs {

    private static byte[] jar;

    private LabJobs() {
    }

    /** All of them compiled into one jar, once per test run. */
    public static synchronized byte[] jar() {
        if (jar == null) {
            jar = JobJars.jar(all());
        }
        return jar.clone();
    }

    /** Reads CSV files under --input (with a transformation_ctx, so bookmarks apply) and appends them as Parquet to --output. */
    static final String CSV_TO_PARQUET = """
            package labtest;

            import gluelab.glue.DynamicFrame;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.Job;
            import gluelab.glue.util.JsonOptions;
            import java.util.List;
            import java.util.Map;

            public class CsvToParquet {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                            new String[] {"JOB_NAME", "input", "output"});
                    GlueContext glue = GlueContext.getOrCreate();
                    Job.init(args.get("JOB_NAME"), glue, GlueArgParser.parse(sysArgs));
                    DynamicFrame frame = glue.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("input"))),
                            "source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
                    System.out.println("read " + frame.count() + " rows");
                    glue.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output")), "sink", "parquet")
                            .writeDynamicFrame(frame);
                    if ("true".equals(GlueArgParser.parse(sysArgs).get("fail"))) {
                        throw new IllegalStateException("failing on purpose after reading the input");
                    }
                    Job.commit();
                }
            }
            """;

    /**
     * Reads CSV under --input against a declared schema in Spark's FAILFAST mode, so a malformed value fails the
     * run, and appends it as Parquet to --output through the runtime's sink.
     */
    static final String STRICT_CSV_TO_PARQUET = """
            package labtest;

            import gluelab.glue.DynamicFrame;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.JsonOptions;
            import java.util.Map;
            import org.apache.spark.sql.Dataset;
            import org.apache.spark.sql.Row;

            public class StrictCsvToParquet {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"input", "output"});
                    GlueContext glue = GlueContext.getOrCreate();
                    Dataset<Row> customers = glue.getSparkSession().read()
                            .schema("id INT, name STRING, amount DECIMAL(10,2)")
                            .option("header", true).option("mode", "FAILFAST")
                            .csv(args.get("input"));
                    glue.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output")), "sink", "parquet")
                            .writeDynamicFrame(DynamicFrame.fromDF(customers, glue, "customers"));
                }
            }
            """;

    /**
     * Spark's own writer and reader, no Glue runtime: writes the rows of --rows ({@code id:month,…}) as Parquet to
     * --output with --mode, partitioned by month when --partition_overwrite is given (static or dynamic), then
     * reads --output back and prints every row ({@code row id month note}) and the count.
     */
    static final String SPARK_PARQUET_WRITER = """
            package labtest;

            import gluelab.glue.util.GlueArgParser;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;
            import org.apache.spark.sql.DataFrameWriter;
            import org.apache.spark.sql.Dataset;
            import org.apache.spark.sql.Row;
            import org.apache.spark.sql.RowFactory;
            import org.apache.spark.sql.SparkSession;
            import org.apache.spark.sql.types.StructType;

            public class SparkParquetWriter {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.parse(sysArgs);
                    SparkSession spark = SparkSession.builder().getOrCreate();
                    List<Row> rows = new ArrayList<>();
                    for (String row : args.get("rows").split(",")) {
                        String[] parts = row.split(":");
                        rows.add(RowFactory.create(Integer.parseInt(parts[0]), parts[1], args.get("JOB_RUN_ID")));
                    }
                    StructType schema = StructType.fromDDL("id INT, month STRING, note STRING");
                    Dataset<Row> df = spark.createDataFrame(rows, schema).repartition(2);
                    DataFrameWriter<Row> writer = df.write().mode(args.get("mode"));
                    if (args.containsKey("partition_overwrite")) {
                        writer = writer.option("partitionOverwriteMode", args.get("partition_overwrite")).partitionBy("month");
                    }
                    writer.parquet(args.get("output"));
                    List<Row> back = spark.read().parquet(args.get("output")).orderBy("id").collectAsList();
                    for (Row row : back) {
                        System.out.println("row " + row.getAs("id") + " " + row.getAs("month") + " " + row.getAs("note"));
                    }
                    System.out.println("count " + back.size());
                }
            }
            """;

    /**
     * Reads the catalog table --database.--table with --push_down_predicate and --catalog_predicate (either may be
     * empty), prints its rows ({@code row {json}}) and appends them as Parquet to --output.
     */
    static final String CATALOG_TO_PARQUET = """
            package labtest;

            import gluelab.glue.DynamicFrame;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.JsonOptions;
            import java.util.Map;

            public class CatalogToParquet {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                            new String[] {"database", "table", "push_down_predicate", "catalog_predicate", "output"});
                    GlueContext glue = GlueContext.getOrCreate();
                    DynamicFrame sales = glue.getCatalogSource(args.get("database"), args.get("table"), "sales_source",
                            args.get("push_down_predicate"),
                            JsonOptions.of("catalogPartitionPredicate", args.get("catalog_predicate"))).getDynamicFrame();
                    sales.toDF().orderBy("id").toJSON().collectAsList().forEach(row -> System.out.println("row " + row));
                    glue.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output")), "sales_sink", "parquet")
                            .writeDynamicFrame(sales);
                }
            }
            """;

    /**
     * Reads the CSV files under --input (id, month, amount, and any other column) and adds them, partitioned by month,
     * as --format (glueparquet by default) under --output with Glue's catalog-updating sink: enableUpdateCatalog,
     * updateBehavior --update_behavior, and the table --database.--table given with setCatalogInfo.
     */
    static final String CATALOG_UPDATING_SINK = """
            package labtest;

            import gluelab.glue.DynamicFrame;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.JsonOptions;
            import java.util.List;
            import java.util.Map;

            public class CatalogUpdatingSink {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                            new String[] {"input", "output", "database", "table", "update_behavior"});
                    Map<String, String> all = GlueArgParser.parse(sysArgs);
                    GlueContext glue = GlueContext.getOrCreate();
                    DynamicFrame sales = glue.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("input"))),
                            "sales_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
                    glue.getSink("s3", JsonOptions.of("path", args.get("output"), "partitionKeys", List.of("month"),
                                    "enableUpdateCatalog", true, "updateBehavior", args.get("update_behavior")), "sales_sink")
                            .setFormat(all.getOrDefault("format", "glueparquet"), JsonOptions.empty())
                            .setCatalogInfo(args.get("database"), args.get("table"))
                            .writeDynamicFrame(sales);
                }
            }
            """;

    /** Sleeps --sleep_seconds (default ten minutes): for concurrency limits, stops and timeouts. */
    static final String SLEEPS = """
            package labtest;

            import gluelab.glue.util.GlueArgParser;

            public class Sleeps {
                public static void main(String[] sysArgs) throws Exception {
                    long seconds = Long.parseLong(GlueArgParser.parse(sysArgs).getOrDefault("sleep_seconds", "600"));
                    Thread.sleep(seconds * 1000);
                }
            }
            """;

    /**
     * Prints, warns and logs inside its tasks (four ids in two partitions), then prints on the driver: what a task
     * writes belongs to the run, wherever Spark runs the task.
     */
    static final String TASK_OUTPUT = """
            package labtest;

            import gluelab.glue.GlueContext;
            import org.apache.spark.api.java.function.ForeachFunction;
            import org.slf4j.LoggerFactory;

            public class TaskOutput {
                public static void main(String[] sysArgs) {
                    GlueContext glue = GlueContext.getOrCreate();
                    glue.getSparkSession().range(0, 4, 1, 2).foreach((ForeachFunction<Long>) id -> {
                        System.out.println("task printed " + id);
                        System.err.println("task warned " + id);
                        LoggerFactory.getLogger(TaskOutput.class).info("task logged {}", id);
                    });
                    System.out.println("driver printed after the tasks");
                }
            }
            """;

    /** Prints the pid of the worker JVM it runs in, then sleeps --sleep_seconds (default none). */
    static final String NAMES_ITS_WORKER = """
            package labtest;

            import gluelab.glue.util.GlueArgParser;

            public class NamesItsWorker {
                public static void main(String[] sysArgs) throws Exception {
                    System.out.println("worker pid " + ProcessHandle.current().pid());
                    long seconds = Long.parseLong(GlueArgParser.parse(sysArgs).getOrDefault("sleep_seconds", "0"));
                    Thread.sleep(seconds * 1000);
                }
            }
            """;

    static final String THROWS = """
            package labtest;

            public class Throws {
                public static void main(String[] sysArgs) {
                    throw new IllegalArgumentException("bad input on purpose");
                }
            }
            """;

    static final String EXITS = """
            package labtest;

            public class Exits {
                public static void main(String[] sysArgs) {
                    System.exit(3);
                }
            }
            """;

    static final String RUNS_OUT_OF_MEMORY = """
            package labtest;

            import java.util.ArrayList;
            import java.util.List;

            public class RunsOutOfMemory {
                public static void main(String[] sysArgs) {
                    List<long[]> hog = new ArrayList<>();
                    while (true) {
                        hog.add(new long[32 * 1024 * 1024]);
                    }
                }
            }
            """;

    /**
     * Creates the Iceberg table --table in the catalog the job's --conf configures, inserts three orders, then
     * MERGEs a change set into it (one update, one insert); prints the snapshots and the merged rows.
     */
    static final String ICEBERG_MERGE = """
            package labtest;

            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import java.util.Map;
            import org.apache.spark.sql.Row;
            import org.apache.spark.sql.SparkSession;

            public class IcebergMerge {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"table"});
                    SparkSession spark = GlueContext.getOrCreate().getSparkSession();
                    String table = args.get("table");
                    spark.sql("CREATE TABLE " + table + " (id INT, status STRING, amount DECIMAL(10,2)) USING iceberg");
                    spark.sql("INSERT INTO " + table + " VALUES (1, 'new', 10.50), (2, 'new', 20.00), (3, 'new', 7.25)");
                    spark.sql("SELECT * FROM VALUES (2, 'shipped', 20.00), (4, 'new', 3.10) AS changes(id, status, amount)")
                            .createOrReplaceTempView("changes");
                    spark.sql("MERGE INTO " + table + " t USING changes c ON t.id = c.id "
                            + "WHEN MATCHED THEN UPDATE SET t.status = c.status "
                            + "WHEN NOT MATCHED THEN INSERT (id, status, amount) VALUES (c.id, c.status, CAST(c.amount AS DECIMAL(10,2)))");
                    for (Row snapshot : spark.sql("SELECT operation FROM " + table + ".snapshots ORDER BY committed_at").collectAsList()) {
                        System.out.println("snapshot " + snapshot.getString(0));
                    }
                    for (Row row : spark.sql("SELECT id, status, amount FROM " + table + " ORDER BY id").collectAsList()) {
                        System.out.println("row " + row.getInt(0) + " " + row.getString(1) + " " + row.getDecimal(2));
                    }
                }
            }
            """;

    static Map<String, String> all() {
        return Map.ofEntries(
                Map.entry("labtest.IcebergMerge", ICEBERG_MERGE),
                Map.entry("labtest.CsvToParquet", CSV_TO_PARQUET),
                Map.entry("labtest.CatalogToParquet", CATALOG_TO_PARQUET),
                Map.entry("labtest.CatalogUpdatingSink", CATALOG_UPDATING_SINK),
                Map.entry("labtest.StrictCsvToParquet", STRICT_CSV_TO_PARQUET),
                Map.entry("labtest.SparkParquetWriter", SPARK_PARQUET_WRITER),
                Map.entry("labtest.Sleeps", SLEEPS),
                Map.entry("labtest.NamesItsWorker", NAMES_ITS_WORKER),
                Map.entry("labtest.TaskOutput", TASK_OUTPUT),
                Map.entry("labtest.Throws", THROWS),
                Map.entry("labtest.Exits", EXITS),
                Map.entry("labtest.RunsOutOfMemory", RUNS_OUT_OF_MEMORY));
    }
}
