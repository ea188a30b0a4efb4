package gluelab.labs.lab19;

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
 * Imports the latest exchange rates: reads the rates file from raw and appends it to refined as Parquet, each row
 * stamped with the fire time of the schedule that started the run ({@code --scheduled_time}), so that every import
 * can be told apart and counted.
 */
public final class FxRatesImport {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path", "scheduled_time"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame rates = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))), "rates_source", "csv",
                JsonOptions.of("withHeader", true)).getDynamicFrame();
        // The schedule's fire time, not the worker's clock: a retried or late delivery still says which import it is.
        Dataset<Row> stamped = rates.toDF().withColumn("scheduled_time", functions.lit(args.get("scheduled_time")));
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "rates_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(stamped, glueContext, "stamped"));
        System.out.println("Imported " + stamped.count() + " rates for the fire time " + args.get("scheduled_time"));
        Job.commit();
    }
}
