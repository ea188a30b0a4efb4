package gluelab.labs.lab18;

import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Keeps a bookshop's orders in an Iceberg table of the Glue Data Catalog, written with Spark SQL. The catalog
 * ({@code glue_catalog}) comes from the job's {@code --conf}, as AWS documents it; nothing here names an endpoint.
 * <ul>
 *   <li>{@code --action create}: creates {@code --iceberg_table} from the CSV at {@code --orders_path} (snapshot 1);</li>
 *   <li>{@code --action merge}: MERGEs the CSV at {@code --changes_path} into it (snapshot 2), and writes the table's
 *       snapshot history to {@code --report_path}snapshots/;</li>
 *   <li>{@code --action read}: writes the table as of {@code --snapshot_id} to {@code --report_path}as_of/ and the
 *       current table to {@code --report_path}current/, as Parquet for the notebook to read.</li>
 * </ul>
 */
public final class IcebergOrders {

    /** The orders' columns, as the CSV export has them. */
    static final String SCHEMA = "order_id INT, customer STRING, city STRING, status STRING, amount DECIMAL(10,2), order_date DATE";

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"JOB_NAME", "action", "iceberg_table"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        SparkSession spark = glueContext.getSparkSession();
        Job.init(args.get("JOB_NAME"), glueContext, args);
        String table = args.get("iceberg_table");
        Map<String, String> all = GlueArgParser.parse(sysArgs);

        switch (args.get("action")) {
            case "create" -> {
                readCsv(spark, all.get("orders_path")).createOrReplaceTempView("orders");
                spark.sql("CREATE OR REPLACE TABLE " + table + " USING iceberg AS SELECT * FROM orders");
            }
            case "merge" -> {
                readCsv(spark, all.get("changes_path")).createOrReplaceTempView("changes");
                mergeChanges(spark, table);
                snapshotHistory(spark, table).coalesce(1).write().mode("overwrite").parquet(all.get("report_path") + "snapshots/");
            }
            case "read" -> {
                asOf(spark, table, Long.parseLong(all.get("snapshot_id")))
                        .coalesce(1).write().mode("overwrite").parquet(all.get("report_path") + "as_of/");
                spark.table(table).coalesce(1).write().mode("overwrite").parquet(all.get("report_path") + "current/");
            }
            default -> throw new IllegalArgumentException("--action is create, merge or read, not " + args.get("action"));
        }
        System.out.println(args.get("action") + ": " + table + " has " + spark.table(table).count() + " orders");
        Job.commit();
    }

    /** The CSV export, typed. A quote inside a quoted field is doubled, as in RFC 4180: Spark needs to be told. */
    static Dataset<Row> readCsv(SparkSession spark, String path) {
        return spark.read().schema(SCHEMA).option("header", true).option("escape", "\"").option("mode", "FAILFAST").csv(path);
    }

    /**
     * Applies the change set (the view {@code changes}, one row per changed or new order) to the table: an order
     * that exists takes the changed values, a new one is inserted. One MERGE is one atomic commit, one snapshot.
     */
    static void mergeChanges(SparkSession spark, String table) {
        // BEGIN SOLUTION
        // One MERGE INTO of the view changes into the table, matching on order_id
        spark.sql("MERGE INTO " + table + " t USING changes c ON t.order_id = c.order_id "
                + "WHEN MATCHED THEN UPDATE SET * "
                + "WHEN NOT MATCHED THEN INSERT *");
        // END SOLUTION
    }

    /**
     * The table's snapshots, oldest first, from Iceberg's {@code <table>.snapshots} metadata table: snapshot_id,
     * parent_id, committed_at, operation, and from its summary the added, deleted and total records (as ints).
     */
    static Dataset<Row> snapshotHistory(SparkSession spark, String table) {
        // BEGIN SOLUTION
        // Query the snapshots metadata table, with the record counts taken from its summary map
        return spark.sql("SELECT snapshot_id, parent_id, committed_at, operation, "
                + "CAST(summary['added-records'] AS INT) AS added_records, "
                + "CAST(summary['deleted-records'] AS INT) AS deleted_records, "
                + "CAST(summary['total-records'] AS INT) AS total_records "
                + "FROM " + table + ".snapshots ORDER BY committed_at");
        // END SOLUTION
    }

    /** The table as it was when snapshot {@code snapshotId} was current: time travel. */
    static Dataset<Row> asOf(SparkSession spark, String table, long snapshotId) {
        // BEGIN SOLUTION
        // Read the table VERSION AS OF the snapshot
        return spark.sql("SELECT * FROM " + table + " VERSION AS OF " + snapshotId);
        // END SOLUTION
    }
}
