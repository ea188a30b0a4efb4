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
 * Lab 01: the customers CSV in the raw bucket becomes Parquet in the refined bucket.
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

        // CSV has no types: every value is text. With a header line, Glue names the columns after it and
        // infers each column's type from its values (whole numbers, decimals, dates, else string).
        DynamicFrame customers = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))),
                "customers_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        System.out.println("Read " + customers.count() + " rows from " + args.get("input_path"));
        System.out.println("Inferred schema: " + customers.schema().simpleString());

        // BEGIN SOLUTION
        // Write the customers to output_path as Parquet
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")),
                "customers_sink", "parquet").writeDynamicFrame(customers);
        // END SOLUTION
        System.out.println("Wrote Parquet to " + args.get("output_path"));

        Job.commit();
    }
}
