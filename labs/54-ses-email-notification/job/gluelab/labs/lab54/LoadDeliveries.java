package gluelab.labs.lab54;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Loads one day of a courier's delivery scans, {@code input_path} (CSV), into Parquet at {@code output_path}: one row
 * per delivery (a scan sent twice is kept once), depot codes trimmed and upper-cased. Then it writes what it did to
 * {@code <output_path>/_run_summary.json} (run id, rows read, rows written), for whoever reports on the run.
 */
public final class LoadDeliveries {

    static final String SUMMARY = "_run_summary.json";

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "JOB_RUN_ID", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame scans = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("input_path"))),
                "delivery_scans", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        Dataset<Row> rows = scans.toDF();
        long rowsIn = rows.count();
        Dataset<Row> deliveries = rows.dropDuplicates("delivery_id").selectExpr("delivery_id", "scanned_at",
                "upper(trim(depot)) AS depot", "courier", "cast(parcels AS int) AS parcels",
                "cast(weight_kg AS DECIMAL(8,2)) AS weight_kg", "lower(status) AS status", "note");
        // Spark's writer, openly: a rerun of the same day replaces that day's folder.
        deliveries.write().mode(SaveMode.Overwrite).parquet(args.get("output_path"));
        long rowsOut = deliveries.count();
        writeSummary(glueContext, args.get("output_path"), "{\"run\": \"" + args.get("JOB_RUN_ID") + "\", \"input\": \""
                + args.get("input_path") + "\", \"rows_in\": " + rowsIn + ", \"rows_out\": " + rowsOut + "}\n");

        Job.commit();
    }

    private static void writeSummary(GlueContext glueContext, String outputPath, String json) {
        String folder = outputPath.endsWith("/") ? outputPath : outputPath + "/";
        try {
            FileSystem fs = FileSystem.get(URI.create(folder), glueContext.getSparkSession().sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(new Path(folder + SUMMARY), true)) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + folder + SUMMARY + ": " + e.getMessage(), e);
        }
        System.out.println("wrote " + folder + SUMMARY + ": " + json.strip());
    }
}
