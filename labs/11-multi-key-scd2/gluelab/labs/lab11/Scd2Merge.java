package gluelab.labs.lab11;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.to_date;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;

/**
 * Applies a snapshot to a type-2 slowly changing dimension, whatever the shape of its business key.
 * Arguments: {@code --input_path} (the snapshot, CSV with a header), {@code --database} and {@code --table} (the
 * dimension, a Data Catalog table of Parquet whose versions are folders, as in lab 06), {@code --versions_path},
 * {@code --business_keys} (comma-separated column names, e.g. {@code store_id,sku}) and {@code --effective_date}
 * (yyyy-MM-dd, the day the snapshot describes). Every other column is tracked: a key whose tracked values changed
 * gets its current version closed ({@code is_current=false}, {@code end_date}) and a new current version
 * ({@code start_date}); a new key gets its first version; anything else is left alone. The new version of the
 * dimension goes to its own folder; the caller switches the table to it.
 */
public final class Scd2Merge {

    static final String ROW_HASH = "row_hash";
    static final String START_DATE = "start_date";
    static final String END_DATE = "end_date";
    static final String IS_CURRENT = "is_current";
    /** Lab 06's recipe: values joined with ASCII's unit separator, which text data does not contain… */
    static final String SEPARATOR = "\u001f";
    /** …and null written as a character no value is, so that null, "" and "null" all hash differently. */
    static final String NULL_MARKER = "\u0000";

    private Scd2Merge() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"JOB_NAME", "JOB_RUN_ID",
                "input_path", "database", "table", "versions_path", "business_keys", "effective_date"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);
        List<String> keys = Arrays.stream(args.get("business_keys").split(",")).map(String::trim)
                .filter(k -> !k.isEmpty()).toList();
        Column effectiveDate = to_date(lit(args.get("effective_date")));

        Dataset<Row> snapshot = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))), "snapshot_source", "csv",
                JsonOptions.of("withHeader", true)).getDynamicFrame().toDF();
        List<String> missing = keys.stream().filter(k -> !Arrays.asList(snapshot.columns()).contains(k)).toList();
        if (keys.isEmpty() || !missing.isEmpty()) {
            throw new IllegalArgumentException("--business_keys names columns the snapshot does not have: " + missing
                    + "; its columns are " + Arrays.toString(snapshot.columns()));
        }
        List<String> tracked = Arrays.stream(snapshot.columns()).filter(c -> !keys.contains(c)).toList();

        // The current version, wherever the catalog says it is; no columns at all before the first load.
        Dataset<Row> existing = glueContext.getCatalogSource(args.get("database"), args.get("table"), "dimension_source")
                .getDynamicFrame().toDF();
        Dataset<Row> dimension = existing.columns().length == 0
                ? opened(withRowHash(snapshot, tracked), effectiveDate)
                : merge(existing, withRowHash(typedLike(existing, snapshot), tracked), keys, effectiveDate);

        String version = args.get("versions_path") + "run=" + args.get("JOB_RUN_ID") + "/";
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", version), "dimension_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(dimension.coalesce(1), glueContext, "dimension"));
        System.out.println("New version: " + version);
        Job.commit();
    }

    /**
     * The SCD-2 merge of an incoming snapshot (with row hashes) into the existing dimension: the rows of history
     * stay, the current rows of unchanged or absent keys stay, the current rows of changed keys are closed, and the
     * changed keys' new rows and the new keys' rows are opened.
     */
    static Dataset<Row> merge(Dataset<Row> existing, Dataset<Row> incoming, List<String> keys, Column effectiveDate) {
        // BEGIN SOLUTION
        // Join on sameBusinessKey: close the changed current rows, keep the rest, open the changed and the new keys
        Dataset<Row> history = existing.filter(not(col(IS_CURRENT)));
        Dataset<Row> current = existing.filter(col(IS_CURRENT)).alias("dim");
        Dataset<Row> snapshot = incoming.alias("src");

        Column sameKey = sameBusinessKey(keys, "dim", "src");
        Column changed = sameKey.and(col("dim." + ROW_HASH).notEqual(col("src." + ROW_HASH)));

        Dataset<Row> closed = current.join(snapshot, changed, "left_semi")
                .withColumn(IS_CURRENT, lit(false))
                .withColumn(END_DATE, effectiveDate);
        Dataset<Row> untouched = current.join(snapshot, changed, "left_anti");   // unchanged, or absent from the snapshot
        Dataset<Row> newVersions = snapshot.join(current, changed, "left_semi");
        Dataset<Row> newKeys = snapshot.join(current, sameKey, "left_anti");

        return history.unionByName(untouched).unionByName(closed)
                .unionByName(opened(newVersions.unionByName(newKeys), effectiveDate));
        // END SOLUTION
    }

    /**
     * The join condition "same business key" between the rows of {@code left} and {@code right} (two dataset
     * aliases): every key column equal. Null-safe ({@code <=>}), so a key part that is null still matches itself.
     */
    static Column sameBusinessKey(List<String> keys, String left, String right) {
        // BEGIN SOLUTION
        // Build the key match from the list of key columns
        Column match = null;
        for (String key : keys) {
            Column sameValue = col(left + "." + key).eqNullSafe(col(right + "." + key));
            match = match == null ? sameValue : match.and(sameValue);
        }
        return match;
        // END SOLUTION
    }

    /** SHA-256 over the tracked columns' values, in order, with lab 06's recipe: a change to any of them changes the hash. */
    static Dataset<Row> withRowHash(Dataset<Row> rows, List<String> tracked) {
        Column[] values = tracked.stream()
                .map(c -> coalesce(col(c).cast(DataTypes.StringType), lit(NULL_MARKER)))
                .toArray(Column[]::new);
        return rows.withColumn(ROW_HASH, sha2(concat_ws(SEPARATOR, values), 256));
    }

    /** New current versions, valid from the effective date. */
    static Dataset<Row> opened(Dataset<Row> rows, Column effectiveDate) {
        return rows.withColumn(START_DATE, effectiveDate)
                .withColumn(END_DATE, lit(null).cast(DataTypes.DateType))
                .withColumn(IS_CURRENT, lit(true));
    }

    /**
     * The snapshot with its columns cast to the dimension's types: types are inferred from each CSV file, and a
     * column that is empty in one file would otherwise come back as a string and no longer compare or union.
     */
    static Dataset<Row> typedLike(Dataset<Row> dimension, Dataset<Row> snapshot) {
        List<Column> columns = new ArrayList<>();
        List<String> known = Arrays.asList(dimension.columns());
        for (String name : snapshot.columns()) {
            columns.add(known.contains(name) ? col(name).cast(typeOf(dimension, name)).as(name) : col(name));
        }
        return snapshot.select(columns.toArray(Column[]::new));
    }

    private static org.apache.spark.sql.types.DataType typeOf(Dataset<Row> frame, String column) {
        for (StructField field : frame.schema().fields()) {
            if (field.name().equals(column)) {
                return field.dataType();
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }
}
