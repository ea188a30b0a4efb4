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
        snapshot.printSchema();

        replaceTable(glueContext, snapshot, args.get("output_path"));
        System.out.println("Replaced " + args.get("output_path"));

        Job.commit();
    }

    /**
     * Makes the table under {@code outputPath} exactly {@code snapshot}, typed: customer_id an int, credit_limit a
     * decimal(10,2), updated_on a date, every other column a string. Glue's sink only adds files, so the path is
     * emptied first.
     */
    static void replaceTable(GlueContext glueContext, DynamicFrame snapshot, String outputPath) {
        // BEGIN SOLUTION
        // Pin the types with applyMapping, empty outputPath with purgeS3Path (retentionPeriod 0), then write Parquet
        DynamicFrame typed = snapshot.applyMapping(new String[][] {
                {"customer_id", "long", "customer_id", "int"},
                {"name", "string", "name", "string"},
                {"email", "string", "email", "string"},
                {"city", "string", "city", "string"},
                {"country", "string", "country", "string"},
                {"loyalty_tier", "string", "loyalty_tier", "string"},
                {"credit_limit", "double", "credit_limit", "decimal(10,2)"},
                {"updated_on", "string", "updated_on", "date"}});
        // Every object under the path, however new: the default retention period (168 hours) would keep last night's.
        glueContext.purgeS3Path(outputPath, JsonOptions.of("retentionPeriod", 0), "purge_customers");
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", outputPath), "customers_sink", "parquet")
                .writeDynamicFrame(typed);
        // END SOLUTION
    }
}
