package gluelab.labs.lab23;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Ingests every file waiting under {@code input_path} at once, whichever upload started the run
 * ({@code --triggered_by}, for the record): one run can serve many uploads that arrive together. It first waits
 * {@code --collect_seconds} for the rest of a burst to land, so files sent together are read by this run; a run on
 * AWS spends longer than that just starting.
 */
public final class IngestWaitingFiles {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "triggered_by", "collect_seconds"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);
        int collectSeconds = Integer.parseInt(args.get("collect_seconds"));
        System.out.println("Waiting " + collectSeconds + " s for the rest of the burst");
        try {
            Thread.sleep(collectSeconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        DynamicFrame receipts = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("input_path"))),
                "waiting_files", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        System.out.println("Started for " + args.get("triggered_by") + "; read " + receipts.count() + " rows from "
                + args.get("input_path"));

        Job.commit();
    }
}
