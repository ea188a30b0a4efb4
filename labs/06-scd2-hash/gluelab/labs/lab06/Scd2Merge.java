package gluelab.labs.lab06;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Slowly changing dimension, type 2: applies a full snapshot (one row per key, with its {@code row_hash}) to the
 * dimension's rows (every version, with {@code start_date}, {@code end_date} and {@code is_current}).
 * <ul>
 *   <li>a key the dimension has no current row for is inserted as its first version;</li>
 *   <li>a key whose current hash differs is expired ({@code is_current=false}, {@code end_date} = the snapshot's
 *       date) and its new version inserted, starting that same day: [start_date, end_date) ranges meet;</li>
 *   <li>a key whose hash is the same is left alone, as is every older version, and every key the snapshot lacks
 *       (deletes are pipeline 07's business).</li>
 * </ul>
 */
public final class Scd2Merge {

    public static final String ROW_HASH = "row_hash";
    public static final String START_DATE = "start_date";
    public static final String END_DATE = "end_date";
    public static final String IS_CURRENT = "is_current";

    /**
     * The dimension after the merge, and what changed.
     *
     * @param dimension every version of every key, with the snapshot applied
     * @param newKeys   keys seen for the first time
     * @param changed   keys that got a new version
     * @param unchanged keys whose current version was already right
     */
    public record Result(Dataset<Row> dimension, long newKeys, long changed, long unchanged) {
        public boolean changesAnything() {
            return newKeys + changed > 0;
        }
    }

    private Scd2Merge() {
    }

    /**
     * @param dimension the rows in refined (no columns at all before the first load)
     * @param snapshot  the new snapshot's rows, with {@link #ROW_HASH}
     * @param key       the business key column
     * @param asOf      the snapshot's date: new versions start on it, replaced ones end on it
     */
    public static Result apply(Dataset<Row> dimension, Dataset<Row> snapshot, String key, LocalDate asOf) {
        // BEGIN SOLUTION
        // Compare hashes with the current rows; expire the changed ones and insert new versions and new keys
        Dataset<Row> versions = snapshot
                .withColumn(START_DATE, lit(java.sql.Date.valueOf(asOf)))
                .withColumn(END_DATE, lit(null).cast("date"))
                .withColumn(IS_CURRENT, lit(true));
        if (dimension.columns().length == 0) {
            return new Result(versions, versions.count(), 0, 0);
        }
        Dataset<Row> current = dimension.filter(col(IS_CURRENT));
        Dataset<Row> history = dimension.filter(col(IS_CURRENT).equalTo(false));

        // One comparison per key: no current version, another hash, or the same hash.
        Dataset<Row> compared = snapshot.join(current.select(col(key), col(ROW_HASH).as("current_hash")), key, "left")
                .withColumn("change", when(col("current_hash").isNull(), "new")
                        .when(col("current_hash").notEqual(col(ROW_HASH)), "changed")
                        .otherwise("unchanged"))
                .select(col(key), col("change"))
                .cache(); // used three times below
        Dataset<Row> changedKeys = compared.filter(col("change").equalTo("changed")).select(col(key));
        Dataset<Row> newOrChangedKeys = compared.filter(col("change").notEqual("unchanged")).select(col(key));

        Dataset<Row> expired = current.join(changedKeys, key, "left_semi")
                .withColumn(END_DATE, lit(java.sql.Date.valueOf(asOf)))
                .withColumn(IS_CURRENT, lit(false));
        Dataset<Row> stillCurrent = current.join(changedKeys, key, "left_anti");
        Dataset<Row> inserted = versions.join(newOrChangedKeys, key, "left_semi");

        Dataset<Row> merged = history.unionByName(expired).unionByName(stillCurrent).unionByName(inserted);
        Map<String, Long> counts = new HashMap<>();
        compared.groupBy("change").count().collectAsList().forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return new Result(merged, counts.getOrDefault("new", 0L), counts.getOrDefault("changed", 0L),
                counts.getOrDefault("unchanged", 0L));
        // END SOLUTION
    }
}
