package gluelab.labs.lab57;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import gluelab.glue.util.RunClients;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Curates one uploaded batch of orders, {@code s3://<input_bucket>/<input_key>}: reads the CSV, pins its types with
 * {@code applyMapping}, writes it as Parquet to the batch's own partition {@code <output_path>batch=<file name>/}
 * (replacing what an earlier run of the same file wrote there), and records the batch in the DynamoDB table
 * {@code --batch_table}: {@code {file, rows, runId, status: CURATED, curatedPath}}. It judges nothing: the crawler
 * and Data Quality do that after it.
 */
public final class CurateBatch {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "JOB_RUN_ID", "input_bucket", "input_key", "output_path", "batch_table"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String file = "s3://" + args.get("input_bucket") + "/" + args.get("input_key");
        DynamicFrame uploaded = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(file)),
                "uploaded_batch", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        Dataset<Row> orders = uploaded.applyMapping(new String[][] {
                {"id", "long", "id", "long"},
                {"ordered_at", "string", "ordered_at", "string"},
                {"customer", "string", "customer", "string"},
                {"product", "string", "product", "string"},
                {"quantity", "long", "quantity", "int"},
                {"amount", "double", "amount", "double"},
                {"currency", "string", "currency", "string"}}).toDF();

        String name = args.get("input_key").substring(args.get("input_key").lastIndexOf('/') + 1);
        String partition = args.get("output_path") + "batch=" + name.replaceFirst("\\.csv$", "") + "/";
        orders.coalesce(1).write().mode(SaveMode.Overwrite).parquet(partition);
        long rows = orders.count();
        System.out.println("Curated " + rows + " orders from " + file + " to " + partition);

        try (DynamoDbClient dynamoDb = RunClients.of(DynamoDbClient.builder())) {
            recordBatch(dynamoDb, args.get("batch_table"), file, rows, args.get("JOB_RUN_ID"), partition);
        }
        Job.commit();
    }

    /**
     * Puts the batch's item into {@code table}: {@code file} (the uploaded object's S3 URI, the table's key),
     * {@code rows} (a number), {@code runId} (this run), {@code status} CURATED and {@code curatedPath}. A later
     * upload of the same file replaces the item, as it replaces the partition.
     */
    static void recordBatch(DynamoDbClient dynamoDb, String table, String file, long rows, String runId, String curatedPath) {
        // BEGIN SOLUTION
        // PutItem {file, rows (N), runId, status: CURATED, curatedPath} into table
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of(
                "file", AttributeValue.fromS(file),
                "rows", AttributeValue.fromN(Long.toString(rows)),
                "runId", AttributeValue.fromS(runId),
                "status", AttributeValue.fromS("CURATED"),
                "curatedPath", AttributeValue.fromS(curatedPath))));
        // END SOLUTION
    }
}
