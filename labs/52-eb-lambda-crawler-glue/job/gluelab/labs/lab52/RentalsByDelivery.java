package gluelab.labs.lab52;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;

/**
 * The bike-share's rides and revenue per delivery and month, from the catalog table {@code --database}.{@code
 * --table}: a partitioned table whose partition {@code delivery} is one file the operator delivered. The job reads
 * the partitions the catalog knows, so a delivery counts only once a crawl has added its partition. The report is
 * recomputed in full on each run (Spark's writer replaces it; Glue's sink would only add).
 */
public final class RentalsByDelivery {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "database", "table", "output_path", "crawl_completed"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame rentals = glueContext.getCatalogSource(args.get("database"), args.get("table"), "rentals_source")
                .getDynamicFrame();
        Dataset<Row> typed = rentals.applyMapping(new String[][] {
                {"delivery", "string", "delivery", "string"},
                {"rental_date", "string", "rental_date", "date"},
                {"minutes", "long", "minutes", "long"},
                {"fare", "double", "fare", "decimal(10,2)"}}).toDF();
        Dataset<Row> report = typed.withColumn("month", functions.date_format(functions.col("rental_date"), "yyyy-MM"))
                .groupBy("delivery", "month")
                .agg(functions.count("*").cast("int").as("rides"), functions.sum("minutes").as("minutes"),
                        functions.sum("fare").as("revenue"))
                .withColumn("crawl_completed", functions.lit(args.get("crawl_completed")))
                .coalesce(1);
        report.write().mode(SaveMode.Overwrite).parquet(args.get("output_path"));
        System.out.println("Reported " + report.count() + " delivery months after the crawl of " + args.get("crawl_completed"));
        Job.commit();
    }
}
