package gluelab.labs.lab34;

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
 * Job A, the first stage: reads the day's orders export, drops cancelled orders, prices each line
 * ({@code quantity × unit_price}, exact decimals) and writes the result to stage1 as Parquet. It knows nothing about
 * job B: Glue announces the end of the run ("Glue Job State Change"), and a rule decides what follows.
 */
public final class OrdersToStage1 {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame orders = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))), "orders_source", "csv",
                JsonOptions.of("withHeader", true)).getDynamicFrame();
        // Glue reads a path with no files as an empty frame, without an error: a missing export must fail the run,
        // or stage1 would say that nothing was sold.
        if (orders.toDF().isEmpty()) {
            throw new IllegalStateException("No orders in " + args.get("input_path") + ": has the export arrived?");
        }
        Dataset<Row> priced = orders.toDF()
                .filter(functions.col("status").notEqual("cancelled"))
                .select(functions.col("order_id").cast("long").as("order_id"),
                        functions.col("order_date").cast("date").as("order_date"),
                        functions.col("currency"),
                        functions.col("status"),
                        functions.col("quantity").cast("decimal(12,2)")
                                .multiply(functions.col("unit_price").cast("decimal(12,2)"))
                                .cast("decimal(12,2)").as("amount"));
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "stage1_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(priced, glueContext, "priced"));
        Job.commit();
    }
}
