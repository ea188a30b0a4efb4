package gluelab.labs.lab01;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Lab 01: the customers CSV in the raw bucket becomes typed Parquet in the refined bucket.
 * <p>
 * Arguments: {@code --input_path s3://<raw>/customers/customers.csv} (a file or a prefix) and
 * {@code --output_path s3://<refined>/customers/}. Glue adds {@code --JOB_NAME} itself.
 */
public class CsvToParquet {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        // CSV has no types: every value is text. Glue's reader names the columns after the header line and gives
        // each value the type it looks like on its own: whole numbers long, numbers with a fraction double,
        // everything else string (dates included).
        DynamicFrame customers = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))),
                "customers_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        System.out.println("Read " + customers.count() + " rows from " + args.get("input_path") + ", as Glue typed them:");
        customers.printSchema();

        DynamicFrame typed = pinSchema(customers);
        System.out.println("Writing:");
        typed.printSchema();

        // BEGIN SOLUTION
        // Write the typed customers to output_path as Parquet
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")),
                "customers_sink", "parquet").writeDynamicFrame(typed);
        // END SOLUTION
        System.out.println("Wrote Parquet to " + args.get("output_path"));

        Job.commit();
    }

    /**
     * The customers with the types the refined table promises, whatever the file's values looked like:
     * {source field, source type, target field, target type} per column, in the table's order.
     */
    static DynamicFrame pinSchema(DynamicFrame customers) {
        // BEGIN SOLUTION
        // Map every column to its type with applyMapping: id int, signup_date date, amount decimal(10,2), the rest string
        return customers.applyMapping(new String[][] {
                {"id", "long", "id", "int"},
                {"name", "string", "name", "string"},
                {"email", "string", "email", "string"},
                {"city", "string", "city", "string"},
                {"country", "string", "country", "string"},
                {"signup_date", "string", "signup_date", "date"},
                {"amount", "double", "amount", "decimal(10,2)"}});
        // END SOLUTION
    }
}
