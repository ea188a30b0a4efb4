package gluelab.labs.lab45;

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
import org.apache.spark.sql.SaveMode;

/**
 * Loads one day's order file, {@code s3://<input_bucket>/<input_key>}, into Parquet at {@code output_path}. Every row
 * needs an {@code amount} that reads as a decimal number: a file with an amount such as {@code "49,90"} (a decimal
 * comma) fails the run before anything is written, with the number of bad rows in the run's error message.
 */
public final class LoadOrderFile {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_bucket", "input_key", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String input = "s3://" + args.get("input_bucket") + "/" + args.get("input_key");
        DynamicFrame orders = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "order_file", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        // Glue types a column whose values disagree as a choice; as text, every amount can be tried as a decimal.
        Dataset<Row> rows = orders.resolveChoice(new String[][] {{"amount", "cast:string"}}).toDF();
        long unreadable = rows.filter("amount IS NULL OR try_cast(amount AS DECIMAL(10,2)) IS NULL").count();
        if (unreadable > 0) {
            throw new IllegalStateException(unreadable + " of " + rows.count() + " rows of " + input
                    + " have no decimal amount");
        }
        Dataset<Row> typed = rows.selectExpr("cast(order_id AS long) AS order_id", "order_date", "customer", "city",
                "cast(amount AS DECIMAL(10,2)) AS amount", "currency");
        // Spark's writer, openly: a rerun of the same day replaces that day's folder.
        typed.write().mode(SaveMode.Overwrite).parquet(args.get("output_path"));
        System.out.println("Loaded " + typed.count() + " rows of " + input + " into " + args.get("output_path"));

        Job.commit();
    }
}
