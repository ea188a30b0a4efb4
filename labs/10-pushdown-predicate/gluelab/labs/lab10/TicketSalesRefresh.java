package gluelab.labs.lab10;

import static org.apache.spark.sql.functions.col;

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
import gluelab.glue.util.JsonOptions;

/**
 * Refreshes the refined ticket sales from the Data Catalog table {@code --database}.{@code --table} (partitioned
 * by year and month), rewriting under {@code --output_path} only the partitions it read. Optional arguments
 * {@code --push_down_predicate} (Spark SQL over the partition columns) and {@code --catalog_partition_predicate}
 * (a GetPartitions expression) choose the partitions; without them every partition is read.
 */
public final class TicketSalesRefresh {

    private TicketSalesRefresh() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "database", "table", "output_path"});
        // Optional arguments: Glue's parser requires every name it is given, so these are looked up directly.
        Map<String, String> given = GlueArgParser.parse(sysArgs);
        String pushDownPredicate = given.getOrDefault("push_down_predicate", "");
        String catalogPartitionPredicate = given.getOrDefault("catalog_partition_predicate", "");

        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame sales = readSelectedPartitions(glueContext, args.get("database"), args.get("table"),
                pushDownPredicate, catalogPartitionPredicate);
        Dataset<Row> refined = sales.toDF()
                .withColumn("revenue", col("seats").multiply(col("price_per_seat")).cast(DataTypes.createDecimalType(10, 2)));

        // Only the partitions read are rewritten: the others keep their files (see notebook 09).
        refined.write()
                .mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .partitionBy("year", "month")
                .parquet(args.get("output_path"));
        Job.commit();
    }

    static DynamicFrame readSelectedPartitions(GlueContext glueContext, String database, String table,
                                               String pushDownPredicate, String catalogPartitionPredicate) {
        // BEGIN SOLUTION
        // Read the catalog table with both predicates
        // catalogPartitionPredicate goes to GetPartitions as its Expression: the catalog filters (server side).
        JsonOptions additionalOptions = catalogPartitionPredicate.isBlank() ? JsonOptions.empty()
                : JsonOptions.of("catalogPartitionPredicate", catalogPartitionPredicate);
        // push_down_predicate is evaluated here, in the job, on the values of the partitions the catalog returned;
        // only the partitions it keeps are listed in S3 and read. Glue's parameter order: database, table,
        // redshiftTmpDir, transformationContext, pushDownPredicate, additionalOptions, catalogId.
        return glueContext.getCatalogSource(database, table, "", "ticket_sales_source", pushDownPredicate,
                additionalOptions, null).getDynamicFrame();
        // END SOLUTION
    }
}
