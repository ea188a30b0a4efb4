package gluelab.labs.lab30;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Stage 1, raw → stage: reads the uploaded CSV export as it came and writes it typed and tidied as Parquet: depot
 * codes trimmed and upper-case, statuses trimmed and lower-case, a timestamp, whole parcels and exact weights.
 */
public final class Standardise {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "JOB_RUN_ID", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame raw = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("input_path"))),
                "raw_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        Dataset<Row> standard = raw.toDF().select(
                functions.col("delivery_id").cast("string").as("delivery_id"),
                functions.col("scanned_at").cast("timestamp").as("scanned_at"),
                functions.upper(functions.trim(functions.col("depot"))).as("depot"),
                functions.trim(functions.col("courier")).as("courier"),
                functions.col("parcels").cast("int").as("parcels"),
                functions.col("weight_kg").cast("decimal(8,2)").as("weight_kg"),
                functions.lower(functions.trim(functions.col("status"))).as("status"),
                functions.col("note").cast("string").as("note"));
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "stage_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(standard, glueContext, "standard"));
        StageManifest.write(glueContext.getSparkSession(), args.get("output_path"), args.get("JOB_NAME"),
                args.get("JOB_RUN_ID"), args.get("input_path"), standard.count());
        Job.commit();
    }
}
