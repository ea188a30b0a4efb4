package gluelab.labs.lab20;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Ingests the one file a run is started for: reads the CSV at {@code s3://<input_bucket>/<input_key>} and says
 * how many rows it holds. It knows nothing about events: whoever starts it (here a Lambda function) says which
 * file, in the run's arguments.
 */
public final class IngestUploadedFile {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_bucket", "input_key"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String input = "s3://" + args.get("input_bucket") + "/" + args.get("input_key");
        DynamicFrame rows = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "uploaded_file", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        System.out.println("Read " + rows.count() + " rows from " + input);

        Job.commit();
    }
}
