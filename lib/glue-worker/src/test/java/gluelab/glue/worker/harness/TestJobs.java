package gluelab.glue.worker.harness;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Glue job classes the tests run, as source text: what a learner writes in labs/. */
public final class TestJobs {

    private TestJobs() {
    }

    /**
     * Reads {@code --input} (a path or prefix) in {@code --format} with {@code --format_options}
     * and extra {@code --connection_options}, and writes it to {@code --output} as
     * {@code --sink_format} with {@code --sink_options}; bookmarks through transformation_ctx
     * {@code source}; {@code --purge_first true} empties {@code --output} with purgeS3Path before writing;
     * {@code --fail_after_read true} throws before Job.commit, and
     * {@code --fail_after_commit true} throws after it.
     */
    public static final String CONVERT = """
            package jobs;

            import java.util.List;
            import java.util.Map;
            import org.apache.spark.SparkContext;
            import gluelab.glue.DynamicFrame;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.Job;
            import gluelab.glue.util.JsonOptions;

            public class Convert {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"JOB_NAME", "input", "output"});
                    Map<String, String> all = GlueArgParser.parse(sysArgs);
                    GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
                    Job.init(args.get("JOB_NAME"), glueContext, all);

                    JsonOptions connection = new JsonOptions(all.getOrDefault("connection_options", "{}"))
                            .with("paths", List.of(args.get("input")));
                    DynamicFrame frame = glueContext.getSourceWithFormat("s3", connection, "source",
                            all.getOrDefault("format", "csv"), new JsonOptions(all.getOrDefault("format_options", "{}")))
                            .getDynamicFrame();
                    if ("true".equals(all.get("fail_after_read"))) {
                        throw new IllegalStateException("failing on purpose after reading " + frame.count() + " rows");
                    }
                    if ("true".equals(all.get("purge_first"))) {
                        glueContext.purgeS3Path(args.get("output"), JsonOptions.of("retentionPeriod", 0), "purge");
                    }
                    JsonOptions sink = new JsonOptions(all.getOrDefault("sink_options", "{}")).with("path", args.get("output"));
                    glueContext.getSinkWithFormat("s3", sink, "sink", all.getOrDefault("sink_format", "parquet"),
                            new JsonOptions(all.getOrDefault("sink_format_options", "{}"))).writeDynamicFrame(frame);
                    Job.commit();
                    if ("true".equals(all.get("fail_after_commit"))) {
                        throw new IllegalStateException("failing on purpose after the commit");
                    }
                }
            }
            """;

    /**
     * Prints what is under {@code --path} in {@code --format}: a line {@code SCHEMA <ddl>}, then
     * every row as JSON, sorted. The tests check written data through it, on the worker's Spark.
     */
    public static final String READ_BACK = """
            package jobs;

            import java.util.List;
            import java.util.Map;
            import org.apache.spark.sql.Dataset;
            import org.apache.spark.sql.Row;
            import org.apache.spark.sql.SparkSession;
            import gluelab.glue.util.GlueArgParser;

            public class ReadBack {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"path", "format"});
                    SparkSession spark = SparkSession.active();
                    Dataset<Row> df = spark.read().format(args.get("format")).option("header", "true").load(args.get("path"));
                    System.out.println("SCHEMA " + df.schema().toDDL());
                    List<String> rows = df.toJSON().collectAsList().stream().sorted().toList();
                    rows.forEach(r -> System.out.println("ROW " + r));
                }
            }
            """;

    public static Map<String, String> sources(String... classNamesAndSources) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < classNamesAndSources.length; i += 2) {
            map.put(classNamesAndSources[i], classNamesAndSources[i + 1]);
        }
        return map;
    }

    /** A jar with Convert and ReadBack. */
    public static Path standardJar(Path workDir) {
        return JobJars.compile(workDir, "jobs.jar", sources("jobs.Convert", CONVERT, "jobs.ReadBack", READ_BACK));
    }
}
