package gluelab.labs.lab15;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

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
 * Converts bike-share rentals from CSV ({@code --input_path}, an object or a prefix) to typed Parquet under
 * {@code --output_path}, in Hive-style {@code year=YYYY/month=MM/} folders of each rental's date. Only the months
 * present in the input are rewritten, so a new month's file adds its folder and leaves the others alone.
 * This is the data a crawler then describes in the Data Catalog.
 */
public final class RentalsToParquet {

    private RentalsToParquet() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        Dataset<Row> rentals = typedRentals(glueContext, args.get("input_path"));
        rentals.write()
                .mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .partitionBy("year", "month")
                .parquet(args.get("output_path"));
        Job.commit();
    }

    /**
     * The rentals of the CSV at {@code inputPath} (an object or a prefix), typed, with {@code year} and {@code month}
     * (two digits) of each rental's date for the partition folders.
     */
    static Dataset<Row> typedRentals(GlueContext glueContext, String inputPath) {
        DynamicFrame raw = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(inputPath), "recurse", true),
                "rentals_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        // The Parquet schema the crawler will find: one explicit type per column. A mapping whose source field a
        // file lacks is skipped: bike_type, which the app exports since March, is written when it is there.
        return raw.applyMapping(new String[][] {
                {"rental_id", "long", "rental_id", "int"},
                {"rental_date", "string", "rental_date", "date"},
                {"station", "string", "station", "string"},
                {"rider", "string", "rider", "string"},
                {"minutes", "long", "minutes", "int"},
                {"distance_km", "double", "distance_km", "double"},
                {"fare", "double", "fare", "decimal(8,2)"},
                {"member", "string", "member", "boolean"},
                {"note", "string", "note", "string"},
                {"bike_type", "string", "bike_type", "string"}}).toDF()
                // Partition values as text with two-digit months, as they appear in the folder names: year=2026/month=01.
                .withColumn("year", date_format(col("rental_date"), "yyyy"))
                .withColumn("month", date_format(col("rental_date"), "MM"));
    }
}
