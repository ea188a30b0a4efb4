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
import org.apache.spark.sql.SaveMode;

/**
 * Applies one full snapshot of the supplier's product feed to the product table in refined, soft-deleting the
 * products the feed no longer lists.
 *
 * <p>Arguments: {@code --snapshot_path} (the feed's CSV), {@code --snapshot_date} ({@code yyyy-MM-dd}),
 * {@code --target_path} (the table's Parquet prefix) and {@code --key_column}.
 */
public final class SoftDeleteProducts {

    private SoftDeleteProducts() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "snapshot_path", "snapshot_date", "target_path", "key_column"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);
        LocalDate asOf = LocalDate.parse(args.get("snapshot_date"));

        Dataset<Row> snapshot = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("snapshot_path"))),
                null, "csv", JsonOptions.of("withHeader", true)).getDynamicFrame()
                .applyMapping(new String[][] {
                        {"sku", "string", "sku", "string"},
                        {"name", "string", "name", "string"},
                        {"category", "string", "category", "string"},
                        {"unit_price", "string", "unit_price", "decimal(10,2)"},
                        {"unit", "string", "unit", "string"}}).toDF();
        if (snapshot.isEmpty()) {
            // An empty feed is far more likely a broken export than a supplier that sells nothing: refuse it.
            throw new IllegalArgumentException("The snapshot " + args.get("snapshot_path")
                    + " has no rows; applying it would mark every product deleted");
        }
        Dataset<Row> table = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("target_path"))),
                null, "parquet").getDynamicFrame().toDF();

        SoftDeleteMerge.Result result = SoftDeleteMerge.apply(table, snapshot, args.get("key_column"), asOf);
        // Spark reads lazily: materialise the merge before the overwrite deletes the files it reads from.
        Dataset<Row> merged = result.table().localCheckpoint(true);
        System.out.println("Snapshot of " + asOf + ": " + snapshot.count() + " products listed, " + result.deleted()
                + " newly deleted, " + result.reactivated() + " reactivated");
        // Glue's sink only adds files: replacing the table is Spark's writer in overwrite mode.
        merged.coalesce(1).write().mode(SaveMode.Overwrite).parquet(args.get("target_path"));
        Job.commit();
    }
}
