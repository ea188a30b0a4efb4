package gluelab.labs.lab26;

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
 * Ingests one landed file: reads the CSV at {@code s3://<input_bucket>/<input_key>} (the key comes from the Lambda
 * that started the run) and appends it to {@code output_path} as Parquet, in a folder per source file
 * ({@code source_file=<name>}), so each upload's rows can be told apart.
 */
public final class IngestOrders {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_bucket", "input_key", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String input = "s3://" + args.get("input_bucket") + "/" + args.get("input_key");
        DynamicFrame orders = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "orders_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        String fileName = input.substring(input.lastIndexOf('/') + 1);
        Dataset<Row> tagged = orders.toDF().withColumn("source_file", functions.lit(fileName));
        glueContext.getSinkWithFormat("s3",
                JsonOptions.of("path", args.get("output_path"), "partitionKeys", List.of("source_file")),
                "orders_sink", "parquet").writeDynamicFrame(DynamicFrame.fromDF(tagged, glueContext, "orders"));
        System.out.println("Ingested " + orders.count() + " rows from " + input);
        Job.commit();
    }
}
