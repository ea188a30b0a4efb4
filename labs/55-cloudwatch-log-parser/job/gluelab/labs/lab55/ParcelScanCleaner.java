package gluelab.labs.lab55;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.JsonOptions;
import gluelab.glue.util.Job;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Cleans a depot's parcel scans: keeps the scans that have a parcel id and a numeric weight, writes them to refined
 * as Parquet, and reports as it goes, the way operations read a run afterwards: on standard output (CloudWatch Logs
 * {@code /aws-glue/jobs/output}) how many rows it read and wrote, on standard error ({@code /aws-glue/jobs/error})
 * a {@code WARN} line with how many scans it rejected and why.
 */
public final class ParcelScanCleaner {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        // Spark's CSV reader: every column a string, an empty value null.
        Dataset<Row> scans = glueContext.getSparkSession().read().option("header", "true").csv(args.get("input_path"));
        long read = scans.count();
        System.out.println("ParcelScanCleaner: rows read: " + read);

        Column weight = functions.col("weight_kg").cast("double");
        Dataset<Row> valid = scans.where(functions.col("parcel_id").isNotNull().and(weight.isNotNull()))
                .withColumn("weight_kg", weight);
        long written = valid.count();
        long rejected = read - written;
        if (rejected > 0) {
            System.err.println("WARN ParcelScanCleaner: rejected rows: " + rejected
                    + " (no parcel_id or no numeric weight_kg)");
        }
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "scans_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(valid, glueContext, "valid_scans"));
        System.out.println("ParcelScanCleaner: rows written: " + written);
        Job.commit();
    }
}
