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
 * Lab 02: orders arrive as CSV, JSON lines or pipe-delimited text; whatever the format, they leave as Parquet
 * with one schema. The same class runs as three Glue jobs that differ only in their arguments:
 * {@code --input_path}, {@code --input_format} (csv or json), {@code --format_options} (Glue's format options as
 * JSON, e.g. {@code {"withHeader": true, "separator": "|"}}) and {@code --output_path}.
 */
public class OrdersToParquet {

    /**
     * The schema every format must arrive at: {source field, source type, target field, target type}. The source
     * types are what Glue's readers find in these files: whole numbers are long, numbers with a fraction double,
     * anything else (the date included) string. ApplyMapping casts what it finds to the target type.
     */
    static final String[][] ORDER_SCHEMA = {
            {"order_id", "long", "order_id", "int"},
            {"customer_id", "long", "customer_id", "int"},
            {"order_date", "string", "order_date", "date"},
            {"product", "string", "product", "string"},
            {"quantity", "long", "quantity", "int"},
            {"unit_price", "double", "unit_price", "decimal(10,2)"},
            {"currency", "string", "currency", "string"},
            {"status", "string", "status", "string"},
            {"coupon_code", "string", "coupon_code", "string"},
    };

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "input_format", "format_options", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame orders = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))), "orders_source",
                args.get("input_format"), new JsonOptions(args.get("format_options"))).getDynamicFrame();
        System.out.println("Read:");
        orders.printSchema();

        DynamicFrame typed = toOrderSchema(orders);
        System.out.println("Written:");
        typed.printSchema();
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")),
                "orders_sink", "parquet").writeDynamicFrame(typed);

        Job.commit();
    }

    /** The orders with exactly the columns of {@link #ORDER_SCHEMA}: same names, same order, same types. */
    static DynamicFrame toOrderSchema(DynamicFrame orders) {
        // BEGIN SOLUTION
        // Settle unit_price's choice (a number in most records, text in some) as a double, then map to ORDER_SCHEMA
        return orders.resolveChoice(new String[][] {{"unit_price", "cast:double"}}).applyMapping(ORDER_SCHEMA);
        // END SOLUTION
    }
}
