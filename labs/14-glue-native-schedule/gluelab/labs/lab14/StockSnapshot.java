package gluelab.labs.lab14;

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
 * Takes a snapshot of the warehouses' stock levels: reads the latest export from raw and appends it to refined
 * as Parquet, in a folder of its own per run ({@code snapshot_run=<JobRunId>}), so every scheduled run leaves
 * a trace that can be counted.
 */
public final class StockSnapshot {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "JOB_RUN_ID", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame stock = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))), "stock_source", "csv",
                JsonOptions.of("withHeader", true)).getDynamicFrame();
        // The run id says which scheduled run took the snapshot; the worker's wall clock would not match the
        // schedule's time on Lab Cloud's lab clock, the run id always does.
        Dataset<Row> snapshot = stock.toDF().withColumn("snapshot_run", functions.lit(args.get("JOB_RUN_ID")));
        glueContext.getSinkWithFormat("s3",
                JsonOptions.of("path", args.get("output_path"), "partitionKeys", List.of("snapshot_run")),
                "snapshot_sink", "parquet").writeDynamicFrame(DynamicFrame.fromDF(snapshot, glueContext, "snapshot"));
        Job.commit();
    }
}
