package gluelab.labs.lab06;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Applies one full customer snapshot from the CRM to the SCD-2 customer dimension, a Data Catalog table of Parquet.
 * The job never rewrites the files it reads: it reads the dimension's current version through the catalog and
 * writes the merged dimension as a new version, under {@code --versions_path} in a folder named after the run. The
 * caller points the table at it once the run has SUCCEEDED; a run that fails half-way leaves the table as it was.
 *
 * <p>Arguments: {@code --snapshot_path} (the snapshot CSV), {@code --effective_date} (the day it describes,
 * {@code yyyy-MM-dd}), {@code --database} and {@code --table} (the dimension), {@code --versions_path} (where its
 * versions go), {@code --key_column} and {@code --tracked_columns} (comma-separated, in hash order).
 */
public final class Scd2Customers {

    /** The line that tells the caller where the new version is, for it to switch the table to. */
    static final String NEW_VERSION = "New version: ";

    private Scd2Customers() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"JOB_NAME", "JOB_RUN_ID",
                "snapshot_path", "effective_date", "database", "table", "versions_path", "key_column", "tracked_columns"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);
        LocalDate asOf = LocalDate.parse(args.get("effective_date"));
        String key = args.get("key_column");
        List<String> tracked = Arrays.stream(args.get("tracked_columns").split(",")).map(String::trim).toList();

        Dataset<Row> snapshot = readSnapshot(glueContext, args.get("snapshot_path"))
                .withColumn(Scd2Merge.ROW_HASH, RowHash.of(tracked));
        // The current version, wherever the catalog says it is.
        Dataset<Row> dimension = glueContext.getCatalogSource(args.get("database"), args.get("table"), "dimension_source")
                .getDynamicFrame().toDF();
        refuseOutOfOrder(dimension, asOf);
        refuseDuplicateKeys(snapshot, key);

        Scd2Merge.Result result = Scd2Merge.apply(dimension, snapshot, key, asOf);
        System.out.println("Snapshot of " + asOf + ": new keys " + result.newKeys() + ", changed " + result.changed()
                + ", unchanged " + result.unchanged());
        if (result.changesAnything()) {
            // A folder no one reads yet: Glue's sink, which only adds files, writes the whole new version there.
            String version = args.get("versions_path") + "run=" + args.get("JOB_RUN_ID") + "/";
            glueContext.getSinkWithFormat("s3", JsonOptions.of("path", version), "dimension_sink", "parquet")
                    .writeDynamicFrame(DynamicFrame.fromDF(result.dimension().coalesce(1), glueContext, "dimension"));
            System.out.println(NEW_VERSION + version);
        } else {
            System.out.println("Nothing changed: no new version");
        }
        Job.commit();
    }

    /**
     * The snapshot CSV with its columns typed. A limit written {@code 1500} next to others written {@code 2500.00}
     * makes Glue read {@code credit_limit} as a choice of long and double: settled as a double, then a decimal, the
     * two spellings become one value, and hash alike.
     */
    static Dataset<Row> readSnapshot(GlueContext glueContext, String path) {
        DynamicFrame raw = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(path)), null, "csv",
                JsonOptions.of("withHeader", true)).getDynamicFrame();
        return raw.resolveChoice(new String[][] {{"credit_limit", "cast:double"}}).applyMapping(new String[][] {
                {"customer_id", "long", "customer_id", "int"},
                {"name", "string", "name", "string"},
                {"email", "string", "email", "string"},
                {"city", "string", "city", "string"},
                {"country", "string", "country", "string"},
                {"segment", "string", "segment", "string"},
                {"credit_limit", "double", "credit_limit", "decimal(12,2)"}}).toDF();
    }

    /** A snapshot has one row per key; two would both become "the" current version. */
    static void refuseDuplicateKeys(Dataset<Row> snapshot, String key) {
        List<Row> repeated = snapshot.groupBy(key).count().filter("count > 1").limit(5).collectAsList();
        if (!repeated.isEmpty()) {
            throw new IllegalArgumentException("The snapshot has several rows for " + key + " "
                    + repeated.stream().map(r -> String.valueOf(r.get(0))).toList() + ": one row per key expected");
        }
    }

    /** Applying an older snapshot after a newer one would end versions before they start. */
    static void refuseOutOfOrder(Dataset<Row> dimension, LocalDate asOf) {
        if (dimension.columns().length == 0) {
            return;
        }
        Row latest = dimension.agg(org.apache.spark.sql.functions.max(Scd2Merge.START_DATE)).first();
        if (!latest.isNullAt(0) && latest.getDate(0).toLocalDate().isAfter(asOf)) {
            throw new IllegalArgumentException("The dimension already has versions starting " + latest.getDate(0)
                    + ", after this snapshot's date " + asOf + ": apply snapshots in date order");
        }
    }
}
