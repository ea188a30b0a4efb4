package gluelab.labs.lab16;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.sum;

import java.util.Map;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;

/**
 * Summarises bike-share rentals per station and month: rides, minutes ridden and revenue. It reads the Data
 * Catalog table {@code --database}.{@code --table} and knows nothing about where its files are or what format
 * they have: the catalog says so. Output: Parquet under {@code --output_path}.
 */
public final class StationMonthlySummary {

    private StationMonthlySummary() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "database", "table", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame rentals = readRentals(glueContext, args.get("database"), args.get("table"));
        System.out.println("Read through the catalog:");
        rentals.printSchema();
        Dataset<Row> summary = summarise(rentals);

        // The summary is recomputed in full on every run: Spark's writer replaces it (Glue's sink would only add).
        summary.write().mode(SaveMode.Overwrite).parquet(args.get("output_path"));
        Job.commit();
    }

    /** The rentals, found by catalog name: no S3 path, no format, no schema in the job or its arguments. */
    static DynamicFrame readRentals(GlueContext glueContext, String database, String table) {
        // BEGIN SOLUTION
        // Read the table through the Data Catalog (from_catalog)
        return glueContext.getCatalogSource(database, table, "rentals_source").getDynamicFrame();
        // END SOLUTION
    }

    /**
     * Per station and month ({@code yyyy-MM}): {@code rides} (int), {@code minutes} (bigint) and {@code revenue}
     * (decimal(12,2), the exact sum of the fares). The types come from one applyMapping at the start, so the
     * aggregation needs no casts.
     */
    static Dataset<Row> summarise(DynamicFrame rentals) {
        // BEGIN SOLUTION
        // Pin the columns the summary needs with applyMapping, then group by station and month
        Dataset<Row> typed = rentals.applyMapping(new String[][] {
                {"station", "string", "station", "string"},
                {"rental_date", "string", "rental_date", "date"},
                {"minutes", "long", "minutes", "long"},
                {"fare", "double", "fare", "decimal(10,2)"}}).toDF();
        return typed.withColumn("month", date_format(col("rental_date"), "yyyy-MM"))
                .groupBy("station", "month")
                .agg(count("*").cast("int").as("rides"), sum("minutes").as("minutes"), sum("fare").as("revenue"));
        // END SOLUTION
    }
}
