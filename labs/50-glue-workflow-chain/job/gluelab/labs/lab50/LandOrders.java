package gluelab.labs.lab50;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Job A, land: copies the day's order file named by the run property {@code input_path} into the stage bucket as
 * Parquet, every value as delivered (text), in a folder of its own workflow run. Nothing is judged here: a file
 * that arrived is landed, so that it can be looked at whatever happens next.
 */
public final class LandOrders {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "WORKFLOW_NAME", "WORKFLOW_RUN_ID", "stage_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);
        WorkflowRun run = new WorkflowRun(args);

        String input = run.property("input_path");
        DynamicFrame orders = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "orders_file", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        // Glue types each value on its own: an amount written "49,90" makes amount a choice of double and string.
        // Landing keeps the values as delivered, so both columns a later stage judges are text here.
        DynamicFrame landed = orders.resolveChoice(new String[][] {{"order_id", "cast:string"}, {"amount", "cast:string"}});
        String output = run.folder(args.get("stage_path"), "landed");
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", output), "landed_sink", "parquet").writeDynamicFrame(landed);
        run.put("landed_rows", Long.toString(landed.count()));
        Job.commit();
    }
}
