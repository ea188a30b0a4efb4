package gluelab.labs.lab07;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Applies one full snapshot of the supplier's product feed to the product table, soft-deleting the products the feed
 * no longer lists. As in lab 06, the table is a Data Catalog table whose versions are folders: the job reads the
 * current version through the catalog and writes the new one to its own folder; the caller switches the table to it
 * after the run SUCCEEDED.
 *
 * <p>Arguments: {@code --snapshot_path} (the feed's CSV), {@code --snapshot_date} ({@code yyyy-MM-dd}),
 * {@code --database} and {@code --table} (the product table), {@code --versions_path} and {@code --key_column}.
 */
public final class SoftDeleteProducts {

    private SoftDeleteProducts() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"JOB_NAME", "JOB_RUN_ID",
                "snapshot_path", "snapshot_date", "database", "table", "versions_path", "key_column"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);
        LocalDate asOf = LocalDate.parse(args.get("snapshot_date"));

        Dataset<Row> snapshot = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("snapshot_path"))),
                null, "csv", JsonOptions.of("withHeader", true)).getDynamicFrame()
                .applyMapping(new String[][] {
                        {"sku", "string", "sku", "string"},
                        {"name", "string", "name", "string"},
                        {"category", "string", "category", "string"},
                        {"unit_price", "double", "unit_price", "decimal(10,2)"},
                        {"unit", "string", "unit", "string"}}).toDF();
        if (snapshot.isEmpty()) {
            // An empty feed is far more likely a broken export than a supplier that sells nothing: refuse it.
            throw new IllegalArgumentException("The snapshot " + args.get("snapshot_path")
                    + " has no rows; applying it would mark every product deleted");
        }
        Dataset<Row> table = glueContext.getCatalogSource(args.get("database"), args.get("table"), "products_source")
                .getDynamicFrame().toDF();

        SoftDeleteMerge.Result result = SoftDeleteMerge.apply(table, snapshot, args.get("key_column"), asOf);
        System.out.println("Snapshot of " + asOf + ": " + snapshot.count() + " products listed, " + result.deleted()
                + " newly deleted, " + result.reactivated() + " reactivated");
        String version = args.get("versions_path") + "run=" + args.get("JOB_RUN_ID") + "/";
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", version), "products_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(result.table().coalesce(1), glueContext, "products"));
        System.out.println("New version: " + version);
        Job.commit();
    }
}
