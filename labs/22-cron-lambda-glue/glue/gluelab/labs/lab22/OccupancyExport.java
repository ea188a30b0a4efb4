package gluelab.labs.lab22;

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
 * Exports the garages' latest occupancy for the parking app: reads the sensor export from raw, adds each level's
 * occupancy in percent, and appends it to refined as Parquet, stamped with the fire time that started the run
 * ({@code --scheduled_time}).
 */
public final class OccupancyExport {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path", "scheduled_time"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        Dataset<Row> levels = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))), "occupancy_source", "csv",
                JsonOptions.of("withHeader", true)).getDynamicFrame().toDF();
        Dataset<Row> export = levels
                .withColumn("occupancy_pct", functions.round(functions.col("occupied").multiply(100.0)
                        .divide(functions.col("spaces")), 1))
                .withColumn("scheduled_time", functions.lit(args.get("scheduled_time")));
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "occupancy_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(export, glueContext, "export"));
        Job.commit();
    }
}
