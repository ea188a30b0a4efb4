package gluelab.labs.lab03;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Lab 03: slowly changing dimension type 1 by full overwrite. Each run reads one complete snapshot of the
 * customers ({@code --input_path}) and makes the refined table ({@code --output_path}) exactly that snapshot:
 * updated rows carry their new values, new rows appear, rows missing from the snapshot are gone.
 */
public class FullOverwrite {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame snapshot = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))),
                "snapshot_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        System.out.println("Snapshot " + args.get("input_path") + ": " + snapshot.count() + " customers");

        // BEGIN SOLUTION
        // Replace everything under output_path with the snapshot: a Parquet sink with "mode": "overwrite"
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path"), "mode", "overwrite"),
                "customers_sink", "parquet").writeDynamicFrame(snapshot);
        // END SOLUTION
        System.out.println("Replaced " + args.get("output_path"));

        Job.commit();
    }
}
