package gluelab.labs.lab02;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Lab 02, nested JSON: orders with a customer object and an array of order lines become flat tables, one Parquet
 * folder each under {@code --output_path}: {@code orders/} (one row per order) and {@code orders_lines/} (one row
 * per line, keyed to its order). {@code --staging_path} is where Glue's Relationalize stages its work.
 */
public class NestedOrdersToTables {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path", "staging_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame orders = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))), "nested_orders_source", "json", JsonOptions.empty())
                .getDynamicFrame();
        System.out.println("Read:");
        orders.printSchema();

        writeTables(glueContext, orders, args.get("output_path"), args.get("staging_path"));
        Job.commit();
    }

    /** Relationalizes the orders (root frame named {@code orders}) and writes each frame to outputPath + its name + "/". */
    static void writeTables(GlueContext glueContext, DynamicFrame orders, String outputPath, String stagingPath) {
        // BEGIN SOLUTION
        // relationalize("orders", stagingPath), then a Parquet sink per frame, at outputPath + frame.getName() + "/"
        for (DynamicFrame table : orders.relationalize("orders", stagingPath)) {
            glueContext.getSinkWithFormat("s3", JsonOptions.of("path", outputPath + table.getName() + "/"),
                    table.getName() + "_sink", "parquet").writeDynamicFrame(table);
            System.out.println("Wrote " + table.getName() + ":");
            table.printSchema();
        }
        // END SOLUTION
    }
}
