package gluelab.labs.lab15;

import java.util.List;
import java.util.Map;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;

/**
 * The rentals of {@code --input_path}, as {@link RentalsToParquet} types them, added to {@code --output_path} in
 * {@code year=/month=/} folders by Glue's own sink, which also keeps the Data Catalog table {@code --database}.
 * {@code --table} up to date: it creates the table on the first run and adds every new month as a partition. No
 * crawler is needed.
 */
public final class RentalsToCatalog {

    private RentalsToCatalog() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path", "database", "table"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        Dataset<Row> rentals = RentalsToParquet.typedRentals(glueContext, args.get("input_path"));
        writeAndCatalog(glueContext, DynamicFrame.fromDF(rentals, glueContext, "rentals"), args.get("output_path"),
                args.get("database"), args.get("table"));
        Job.commit();
    }

    /**
     * Adds the rentals to {@code outputPath}, partitioned by year and month, and registers them in
     * {@code database.table}: the table's columns stay as they are (updateBehavior LOG), new months become partitions.
     */
    static void writeAndCatalog(GlueContext glueContext, DynamicFrame rentals, String outputPath, String database, String table) {
        // BEGIN SOLUTION
        // getSink with path, partitionKeys year and month, enableUpdateCatalog and updateBehavior LOG; glueparquet; setCatalogInfo
        glueContext.getSink("s3", JsonOptions.of("path", outputPath, "partitionKeys", List.of("year", "month"),
                        "enableUpdateCatalog", true, "updateBehavior", "LOG"), "rentals_sink")
                .setFormat("glueparquet", JsonOptions.empty())
                .setCatalogInfo(database, table)
                .writeDynamicFrame(rentals);
        // END SOLUTION
    }
}
