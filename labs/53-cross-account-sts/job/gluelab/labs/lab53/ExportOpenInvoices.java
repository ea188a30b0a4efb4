package gluelab.labs.lab53;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The finance team's job, in the finance account: reads the invoices at {@code --input_path} and writes them as JSON
 * lines to {@code --output_path}, each stamped with who asked for the run ({@code --requested_by}, the caller's
 * session). It reads and writes only the finance account's own bucket, as its own role.
 */
public final class ExportOpenInvoices {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path", "requested_by"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        Dataset<Row> invoices = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))), "invoices_source", "csv",
                JsonOptions.of("withHeader", true)).getDynamicFrame().toDF()
                .withColumn("requested_by", functions.lit(args.get("requested_by")));
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "invoices_sink", "json")
                .writeDynamicFrame(DynamicFrame.fromDF(invoices, glueContext, "invoices"));
        System.out.println("Exported " + invoices.count() + " invoices for " + args.get("requested_by"));
        Job.commit();
    }
}
