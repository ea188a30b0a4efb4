package gluelab.labs.lab08;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.split;

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
 * Loads the stores' daily sales files into the sales table, where every row remembers its file: a file that is sent
 * again (corrected) replaces exactly its own rows. As in lab 06, the table is a Data Catalog table whose versions are
 * folders: the job reads the current version through the catalog and writes the new one to its own folder.
 *
 * <p>Arguments: {@code --input_path} (one sales file, or a prefix of several), {@code --database} and
 * {@code --table} (the sales table) and {@code --versions_path}.
 */
public final class LoadStoreSales {

    private LoadStoreSales() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "JOB_RUN_ID", "input_path", "database", "table", "versions_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        // attachFilename: Glue adds to each record the object it was read from, s3://bucket/key.
        DynamicFrame raw = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("input_path"))),
                "sales_source", "csv", JsonOptions.of("withHeader", true, "attachFilename", "source_object")).getDynamicFrame();
        Dataset<Row> incoming = raw.applyMapping(new String[][] {
                {"receipt_id", "string", "receipt_id", "string"},
                {"line", "long", "line", "int"},
                {"sale_date", "string", "sale_date", "date"},
                {"product", "string", "product", "string"},
                {"quantity", "long", "quantity", "int"},
                {"amount", "double", "amount", "decimal(10,2)"},
                {"cashier", "string", "cashier", "string"},
                {"source_object", "string", "source_object", "string"}}).toDF()
                // The file's name is the unit of change: the last part of the object's key.
                .withColumn(FileReplace.SOURCE_FILE_NAME, element_at(split(col("source_object"), "/"), -1))
                .drop("source_object");
        Dataset<Row> table = glueContext.getCatalogSource(args.get("database"), args.get("table"), "sales_table_source")
                .getDynamicFrame().toDF();

        Dataset<Row> replaced = FileReplace.apply(table, incoming);
        for (Row file : incoming.groupBy(FileReplace.SOURCE_FILE_NAME).count().collectAsList()) {
            System.out.println("Loaded " + file.getString(0) + ": " + file.getLong(1) + " rows replace its earlier rows, if any");
        }
        String version = args.get("versions_path") + "run=" + args.get("JOB_RUN_ID") + "/";
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", version), "sales_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(replaced.coalesce(1), glueContext, "sales"));
        System.out.println("New version: " + version);
        Job.commit();
    }
}
