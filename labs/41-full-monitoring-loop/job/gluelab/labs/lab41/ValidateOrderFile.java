package gluelab.labs.lab41;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Validates the one order file a run is started for, {@code s3://<input_bucket>/<input_key>}: every row needs an
 * {@code amount} that reads as a decimal number. A file with an amount such as {@code "49,90"} (a decimal comma) fails
 * the run, with the number of bad rows in the run's error message; a good file's run succeeds and says how many rows
 * it checked.
 */
public final class ValidateOrderFile {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_bucket", "input_key"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String input = "s3://" + args.get("input_bucket") + "/" + args.get("input_key");
        DynamicFrame orders = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "order_file", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        // Glue types a column whose values disagree as a choice; as text, every amount can be tried as a decimal.
        long unreadable = orders.resolveChoice(new String[][] {{"amount", "cast:string"}}).toDF()
                .filter("amount IS NULL OR try_cast(amount AS DECIMAL(10,2)) IS NULL").count();
        if (unreadable > 0) {
            throw new IllegalStateException(unreadable + " of " + orders.count() + " rows of " + input
                    + " have no decimal amount");
        }
        System.out.println("Validated " + orders.count() + " rows of " + input);

        Job.commit();
    }
}
