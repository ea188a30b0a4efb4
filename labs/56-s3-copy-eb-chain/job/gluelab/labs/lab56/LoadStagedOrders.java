package gluelab.labs.lab56;

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
 * Loads the one staged file a run is started for, {@code s3://<input_bucket>/<input_key>}, into the curated bucket
 * as JSON lines, each row stamped with the file it came from ({@code source_file}). Whoever starts the run says which
 * file, in its arguments.
 */
public final class LoadStagedOrders {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_bucket", "input_key", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String input = "s3://" + args.get("input_bucket") + "/" + args.get("input_key");
        Dataset<Row> orders = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "staged_file", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame().toDF()
                .withColumn("source_file", functions.lit(input));
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "curated_orders", "json")
                .writeDynamicFrame(DynamicFrame.fromDF(orders, glueContext, "orders"));
        System.out.println("Loaded " + orders.count() + " orders from " + input);
        Job.commit();
    }
}
