package gluelab.labs.lab09;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.year;

import java.util.List;
import java.util.Map;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;

/**
 * Writes sales order lines to Parquet partitioned by {@code year=/month=} of their order date, replacing only
 * the months present in this run's input (dynamic partition overwrite). Arguments: {@code --input_path} (a CSV
 * object or a prefix of them) and {@code --output_path}.
 */
public final class MonthlySalesWriter {

    private MonthlySalesWriter() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame raw = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path")), "recurse", true),
                "sales_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        Dataset<Row> sales = raw.applyMapping(new String[][] {
                {"order_id", "string", "order_id", "string"},
                {"order_date", "string", "order_date", "date"},
                {"customer_name", "string", "customer_name", "string"},
                {"city", "string", "city", "string"},
                {"product", "string", "product", "string"},
                {"quantity", "int", "quantity", "int"},
                {"unit_price", "double", "unit_price", "decimal(10,2)"},
                {"note", "string", "note", "string"}}).toDF()
                // The partition columns come from the data: a row lands in the folder of its own order month.
                .withColumn("year", year(col("order_date")))
                .withColumn("month", month(col("order_date")));

        writeReplacingOnlyTheMonthsPresent(sales, args.get("output_path"));
        Job.commit();
    }

    /**
     * Glue's own S3 sink (glueContext.getSinkWithFormat, write_dynamic_frame in Python) always appends, so a
     * rerun that must replace partitions uses Spark's writer, as Glue jobs on AWS do.
     */
    static void writeReplacingOnlyTheMonthsPresent(Dataset<Row> sales, String outputPath) {
        // BEGIN SOLUTION
        // Overwrite with partitionOverwriteMode=dynamic, partitioned by year and month
        sales.write()
                .mode(SaveMode.Overwrite)
                // dynamic: only the year=/month= folders this frame has rows for are replaced; static (Spark's
                // default) would first delete everything under outputPath, January included.
                .option("partitionOverwriteMode", "dynamic")
                .partitionBy("year", "month")
                .parquet(outputPath);
        // END SOLUTION
    }
}
