package gluelab.labs.lab04;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Lab 04, the incremental version: each run is told which newly arrived file to load ({@code --input_key}, a key
 * in {@code --raw_bucket}), reads that one object and adds its rows to {@code --output_path}. Run once per file,
 * the table grows by exactly each file's rows.
 */
public class AppendOneFile {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "raw_bucket", "input_key", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        appendFile(glueContext, inputPath(args), args.get("output_path"));

        Job.commit();
    }

    /** The one object this run loads: {@code s3://<raw_bucket>/<input_key>}, never the whole prefix. */
    static String inputPath(Map<String, String> args) {
        // BEGIN SOLUTION
        // Build s3://<raw_bucket>/<input_key> from the run's arguments
        return "s3://" + args.get("raw_bucket") + "/" + args.get("input_key");
        // END SOLUTION
    }

    /**
     * Reads the CSV file at {@code input} (with its header line) and adds its payments to the Parquet table at
     * {@code outputPath}, typed with {@link Payments#SCHEMA}.
     */
    static void appendFile(GlueContext glueContext, String input, String outputPath) {
        // BEGIN SOLUTION
        // Read the one file as CSV with a header, map it to Payments.SCHEMA, and add it to outputPath as Parquet
        DynamicFrame payments = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "payments_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        System.out.println("Read " + payments.count() + " rows from " + input);
        // Glue's sink only adds files: that is exactly the append this table needs.
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", outputPath), "payments_sink", "parquet")
                .writeDynamicFrame(payments.applyMapping(Payments.SCHEMA));
        // END SOLUTION
    }
}
