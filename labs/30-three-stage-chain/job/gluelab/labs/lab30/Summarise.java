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
 * Stage 3, refined → reports: the day per depot, as the operations manager reads it: deliveries, parcels, kilograms
 * and failed deliveries.
 */
public final class Summarise {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "JOB_RUN_ID", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame refined = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("input_path"))),
                "refined_source", "parquet").getDynamicFrame();
        Dataset<Row> perDepot = refined.toDF().groupBy("depot").agg(
                functions.count("delivery_id").as("deliveries"),
                functions.sum("parcels").as("parcels"),
                functions.sum("weight_kg").cast("decimal(10,2)").as("weight_kg"),
                functions.sum(functions.when(functions.col("status").equalTo("failed"), 1).otherwise(0)).as("failed"))
                .coalesce(1);
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "report_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(perDepot, glueContext, "per_depot"));
        StageManifest.write(glueContext.getSparkSession(), args.get("output_path"), args.get("JOB_NAME"),
                args.get("JOB_RUN_ID"), args.get("input_path"), perDepot.count());
        Job.commit();
    }
}
