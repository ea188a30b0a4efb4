package gluelab.labs.lab21;

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
 * Refines the one raw file a run is started for ({@code s3://<input_bucket>/<input_key>}, a bakery till export):
 * pins the types, adds each line's {@code amount} and the key it came from ({@code source_key}), and writes Parquet
 * to {@code <output_path>source_file=<file name>/}. That folder belongs to this file alone and is emptied first,
 * so a file delivered twice (a re-sent export, an event EventBridge delivered twice) replaces its own rows
 * instead of adding them again.
 */
public final class RefineUpload {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_bucket", "input_key", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String key = args.get("input_key");
        String input = "s3://" + args.get("input_bucket") + "/" + key;
        DynamicFrame raw = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "raw_sales", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        System.out.println("Read:");
        raw.printSchema();

        DynamicFrame refined = refine(raw, key, glueContext);
        String fileName = key.substring(key.lastIndexOf('/') + 1).replaceFirst("\\.csv$", "");
        String target = args.get("output_path") + "source_file=" + fileName + "/";
        glueContext.purgeS3Path(target, JsonOptions.of("retentionPeriod", 0), "purge_file_output");
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", target), "refined_sales", "parquet")
                .writeDynamicFrame(refined);
        System.out.println("Wrote " + target);

        Job.commit();
    }

    /**
     * The refined sales lines: receipt_id, shop, product and payment strings, sold_on a date, quantity an int,
     * unit_price a decimal(10,2); then amount = quantity × unit_price as a decimal(10,2), and source_key = key.
     */
    static DynamicFrame refine(DynamicFrame raw, String key, GlueContext glueContext) {
        // BEGIN SOLUTION
        // applyMapping to the refined types, then add amount (quantity × unit_price, decimal(10,2)) and source_key
        DynamicFrame typed = raw.applyMapping(new String[][] {
                {"receipt_id", "string", "receipt_id", "string"},
                {"sold_on", "string", "sold_on", "date"},
                {"shop", "string", "shop", "string"},
                {"product", "string", "product", "string"},
                {"quantity", "long", "quantity", "int"},
                {"unit_price", "double", "unit_price", "decimal(10,2)"},
                {"payment", "string", "payment", "string"}});
        Dataset<Row> lines = typed.toDF()
                .withColumn("amount", functions.col("quantity").multiply(functions.col("unit_price")).cast("decimal(10,2)"))
                .withColumn("source_key", functions.lit(key));
        return DynamicFrame.fromDF(lines, glueContext, "refined_sales");
        // END SOLUTION
    }
}
