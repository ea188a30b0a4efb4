package gluelab.labs.lab05;

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

/**
 * Appends the shop's new order files to refined Parquet, each file once: the source has a
 * {@code transformation_ctx}, so with {@code --job-bookmark-option job-bookmark-enable} Glue hands it only
 * the objects the job bookmark has not seen, and {@code Job.commit()} moves the bookmark past them.
 *
 * <p>Arguments: {@code --input_path s3://raw/orders/} (the prefix new files arrive under) and
 * {@code --output_path s3://refined/orders/}.
 */
public final class IngestNewOrders {

    /** The bookmark keeps one entry per transformation_ctx: rename it and the job forgets what it read. */
    static final String SOURCE_CONTEXT = "orders_source";

    private IngestNewOrders() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame raw = readNewOrders(glueContext, args.get("input_path"));
        raw.printSchema();
        rejectUnreadableRows(raw);
        DynamicFrame orders = raw.applyMapping(new String[][] {
                {"order_id", "long", "order_id", "long"},
                {"order_date", "string", "order_date", "date"},
                {"customer", "string", "customer", "string"},
                {"city", "string", "city", "string"},
                {"amount", "double", "amount", "decimal(10,2)"},
                {"currency", "string", "currency", "string"},
                {"note", "string", "note", "string"}});

        // Glue's sink adds the new orders to the table: each run appends what its bookmark let it read.
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "orders_sink", "parquet")
                .writeDynamicFrame(orders);
        // Only a run that gets here moves the bookmark: a run that fails before commit reads the same files again.
        Job.commit();
    }

    /**
     * The order files under {@code inputPath} that no earlier committed run has read. Many small daily files are
     * read in groups of about a megabyte ({@code groupFiles}), one task per group rather than one per file.
     */
    static DynamicFrame readNewOrders(GlueContext glueContext, String inputPath) {
        // BEGIN SOLUTION
        // Read the CSV files under inputPath through a source with a transformation_ctx
        return glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(inputPath), "groupFiles", "inPartition", "groupSize", "1048576"),
                SOURCE_CONTEXT, "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        // END SOLUTION
    }

    /**
     * Fails the run, before anything is written, when a row of the new files cannot be read as an order: no order
     * id, or an id or amount that is not a number (say {@code "49,90"} with a decimal comma). Glue reads such a
     * column as a choice of a number and a string; cast to text, every value can be looked at.
     */
    static void rejectUnreadableRows(DynamicFrame raw) {
        if (raw.toDF().columns().length == 0) {
            return; // nothing new under the bookmark
        }
        Dataset<Row> bad = raw.resolveChoice(new String[][] {{"order_id", "cast:string"}, {"amount", "cast:string"}}).toDF()
                .filter("order_id IS NULL OR try_cast(order_id AS BIGINT) IS NULL"
                        + " OR (amount IS NOT NULL AND try_cast(amount AS DECIMAL(10,2)) IS NULL)");
        List<Row> firstBad = bad.select("order_id", "amount").limit(5).collectAsList();
        if (!firstBad.isEmpty()) {
            StringBuilder which = new StringBuilder();
            for (Row row : firstBad) {
                which.append(which.isEmpty() ? "" : ", ").append("order ").append(row.get(0))
                        .append(" with amount \"").append(row.get(1)).append('"');
            }
            throw new IllegalStateException("The new files have rows that are not valid orders (" + which
                    + (firstBad.size() == 5 ? ", …" : "") + "): nothing was written; fix the file and upload it again");
        }
    }
}
