package gluelab.labs.lab40;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Checks one day's order file, {@code s3://<input_bucket>/<input_key>}: every order needs a numeric id and an amount
 * that reads as a number. A file with an unreadable row fails the run, so the status table has a FAILED run to show.
 */
public final class ValidateOrders {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_bucket", "input_key"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String input = "s3://" + args.get("input_bucket") + "/" + args.get("input_key");
        DynamicFrame orders = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "orders_file", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        long unreadable = orders.resolveChoice(new String[][] {{"order_id", "cast:string"}, {"amount", "cast:string"}})
                .toDF().filter("try_cast(order_id AS BIGINT) IS NULL OR try_cast(amount AS DECIMAL(10,2)) IS NULL").count();
        if (unreadable > 0) {
            throw new IllegalStateException(input + " has " + unreadable + " rows whose id or amount is not a number");
        }
        System.out.println("Validated " + orders.count() + " orders in " + input);

        Job.commit();
    }
}
