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
 * Job B, the second stage: reads what job A left in stage1 and writes the revenue per currency to refined, in a
 * folder named after the run of A it follows ({@code upstream_run=<A's JobRunId>}), so every result says where it
 * came from.
 */
public final class RevenueByCurrency {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path", "upstream_run_id"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame stage1 = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))), "stage1_source", "parquet").getDynamicFrame();
        Dataset<Row> revenue = stage1.toDF()
                .groupBy("currency")
                .agg(functions.count("order_id").as("orders"), functions.sum("amount").cast("decimal(14,2)").as("revenue"))
                .withColumn("upstream_run", functions.lit(args.get("upstream_run_id")));
        glueContext.getSinkWithFormat("s3",
                JsonOptions.of("path", args.get("output_path"), "partitionKeys", List.of("upstream_run")),
                "revenue_sink", "parquet").writeDynamicFrame(DynamicFrame.fromDF(revenue, glueContext, "revenue"));
        Job.commit();
    }
}
