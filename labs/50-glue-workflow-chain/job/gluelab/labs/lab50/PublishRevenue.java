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
 * Job C, publish: the day's orders and revenue per currency, from what B validated in this workflow run, appended to
 * the refined bucket that the shop's dashboard reads.
 */
public final class PublishRevenue {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "WORKFLOW_NAME", "WORKFLOW_RUN_ID", "stage_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);
        WorkflowRun run = new WorkflowRun(args);

        String input = run.folder(args.get("stage_path"), "validated");
        Dataset<Row> validated = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "validated_source", "parquet").getDynamicFrame().toDF();
        Dataset<Row> revenue = validated.groupBy("order_date", "currency")
                .agg(functions.count("order_id").as("orders"), functions.sum("amount").cast("decimal(12,2)").as("revenue"))
                .withColumn("workflow_run", functions.lit(run.id()))
                .coalesce(1);
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "revenue_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(revenue, glueContext, "revenue"));
        run.put("published_rows", Long.toString(revenue.count()));
        Job.commit();
    }
}
