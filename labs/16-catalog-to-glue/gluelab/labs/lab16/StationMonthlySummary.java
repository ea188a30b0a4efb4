package gluelab.labs.lab16;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import java.util.Map;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;

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

        // Casts make the summary independent of the types the crawler inferred (a CSV crawl may say bigint, double
        // or string): dates and money are computed exactly.
        Dataset<Row> summary = rentals.toDF()
                .withColumn("month", date_format(to_date(col("rental_date").cast("string")), "yyyy-MM"))
                .groupBy("station", "month")
                .agg(count("*").cast(DataTypes.IntegerType).as("rides"),
                        sum(col("minutes").cast(DataTypes.LongType)).as("minutes"),
                        sum(col("fare").cast(DataTypes.createDecimalType(10, 2))).cast(DataTypes.createDecimalType(12, 2)).as("revenue"));

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
}
