package gluelab.labs.lab31;

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
 * Loads one validated settlement file: reads the CSV at {@code s3://<input_bucket>/<input_key>} (named by the
 * Lambda that checked its control file) and appends it to {@code output_path} as Parquet, in a folder per source
 * file ({@code source_file=<name>}).
 */
public final class LoadPayments {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_bucket", "input_key", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String input = "s3://" + args.get("input_bucket") + "/" + args.get("input_key");
        DynamicFrame payments = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "payments_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        String fileName = input.substring(input.lastIndexOf('/') + 1);
        Dataset<Row> tagged = payments.toDF().withColumn("source_file", functions.lit(fileName));
        glueContext.getSinkWithFormat("s3",
                JsonOptions.of("path", args.get("output_path"), "partitionKeys", List.of("source_file")),
                "payments_sink", "parquet").writeDynamicFrame(DynamicFrame.fromDF(tagged, glueContext, "payments"));
        System.out.println("Loaded " + payments.count() + " rows from " + input);
        Job.commit();
    }
}
