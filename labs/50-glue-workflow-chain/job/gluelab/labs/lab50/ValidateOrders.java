package gluelab.labs.lab50;

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
 * Job B, validate: reads what A landed in this workflow run and types it. An order whose amount does not read as a
 * number fails the run, naming the order, so nothing after B sees a file it could misread.
 */
public final class ValidateOrders {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "WORKFLOW_NAME", "WORKFLOW_RUN_ID", "stage_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);
        WorkflowRun run = new WorkflowRun(args);

        String input = run.folder(args.get("stage_path"), "landed");
        Dataset<Row> landed = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "landed_source", "parquet").getDynamicFrame().toDF();
        List<String> unreadable = landed.filter("try_cast(amount AS DECIMAL(12,2)) IS NULL").collectAsList().stream()
                .map(row -> row.getAs("order_id") + " (amount \"" + row.getAs("amount") + "\")").toList();
        if (!unreadable.isEmpty()) {
            throw new IllegalStateException(unreadable.size() + " orders of " + run.property("input_path")
                    + " have an amount that is not a number: " + String.join(", ", unreadable));
        }
        Dataset<Row> typed = landed.select(
                functions.col("order_id").cast("long").as("order_id"),
                functions.col("order_date").cast("date").as("order_date"),
                functions.col("customer"),
                functions.col("city"),
                functions.col("amount").cast("decimal(12,2)").as("amount"),
                functions.col("currency"));
        String output = run.folder(args.get("stage_path"), "validated");
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", output), "validated_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(typed, glueContext, "typed"));
        run.put("validated_rows", Long.toString(typed.count()));
        Job.commit();
    }
}
