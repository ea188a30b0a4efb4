package gluelab.labs.lab07;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Soft deletes: applies a full snapshot to a table that keeps every key it has ever seen, one row per key.
 * <ul>
 *   <li>a key in the snapshot gets the snapshot's values and is active ({@code is_active=true},
 *       {@code deleted_at} null), whether it is new, unchanged, changed or back after a deletion;</li>
 *   <li>a key missing from the snapshot keeps its last values and is marked deleted: {@code is_active=false},
 *       {@code deleted_at} = the first snapshot it was missing from (a key already deleted keeps its date);</li>
 *   <li>no row is ever removed.</li>
 * </ul>
 */
public final class SoftDeleteMerge {

    public static final String IS_ACTIVE = "is_active";
    public static final String DELETED_AT = "deleted_at";

    /**
     * The table after the merge, and what happened.
     *
     * @param table       every key ever seen, with the snapshot applied
     * @param deleted     keys marked deleted by this snapshot
     * @param reactivated keys that were deleted and are back in this snapshot
     */
    public record Result(Dataset<Row> table, long deleted, long reactivated) {
    }

    private SoftDeleteMerge() {
    }

    /**
     * @param table    the table in refined (no columns at all before the first load)
     * @param snapshot the snapshot's rows, one per key
     * @param key      the key column
     * @param asOf     the snapshot's date
     */
    public static Result apply(Dataset<Row> table, Dataset<Row> snapshot, String key, LocalDate asOf) {
        // BEGIN SOLUTION
        // Keys in the snapshot are active with its values; missing keys are marked deleted, never removed
        Dataset<Row> present = snapshot
                .withColumn(IS_ACTIVE, lit(true))
                .withColumn(DELETED_AT, lit(null).cast("date"));
        if (table.columns().length == 0) {
            return new Result(present, 0, 0);
        }
        long reactivated = table.filter(col(IS_ACTIVE).equalTo(false)).join(snapshot, key, "left_semi").count();
        Dataset<Row> missing = table.join(snapshot, key, "left_anti");
        long deleted = missing.filter(col(IS_ACTIVE)).count();
        Dataset<Row> markedDeleted = missing
                .withColumn(DELETED_AT, when(col(IS_ACTIVE), lit(java.sql.Date.valueOf(asOf))).otherwise(col(DELETED_AT)))
                .withColumn(IS_ACTIVE, lit(false));
        return new Result(present.unionByName(markedDeleted), deleted, reactivated);
        // END SOLUTION
    }
}
