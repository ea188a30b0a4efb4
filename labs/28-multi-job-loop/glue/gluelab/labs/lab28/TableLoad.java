package gluelab.labs.lab28;

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
 * Loads one table of the web shop's nightly export: reads its CSV from raw and appends it to refined as Parquet,
 * each row stamped with the batch ({@code --batch}, the key of the export's ready marker). The three load jobs are
 * this class with different arguments.
 */
public final class TableLoad {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path", "batch"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame table = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))), "table_source", "csv",
                JsonOptions.of("withHeader", true)).getDynamicFrame();
        Dataset<Row> stamped = table.toDF().withColumn("batch", functions.lit(args.get("batch")));
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "table_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(stamped, glueContext, "stamped"));
        Job.commit();
    }
}
