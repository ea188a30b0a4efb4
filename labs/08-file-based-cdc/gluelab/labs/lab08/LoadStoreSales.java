package gluelab.labs.lab08;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.input_file_name;
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
import org.apache.spark.sql.SaveMode;

/**
 * Loads the stores' daily sales files into refined, where every row remembers its file: a file that is sent
 * again (corrected) replaces exactly its own rows.
 *
 * <p>Arguments: {@code --input_path} (one sales file, or a prefix of several) and {@code --target_path} (the
 * sales table's Parquet prefix).
 */
public final class LoadStoreSales {

    private LoadStoreSales() {
    }

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "target_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        Dataset<Row> raw = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("input_path"))),
                null, "csv", JsonOptions.of("withHeader", true)).getDynamicFrame().toDF()
                // The object's name, read where the row is read (input_file_name is empty after a shuffle).
                .withColumn(FileReplace.SOURCE_FILE_NAME, element_at(split(input_file_name(), "/"), -1));
        Dataset<Row> incoming = DynamicFrame.apply(raw, glueContext).applyMapping(new String[][] {
                {"receipt_id", "string", "receipt_id", "string"},
                {"line", "string", "line", "int"},
                {"sale_date", "string", "sale_date", "date"},
                {"product", "string", "product", "string"},
                {"quantity", "string", "quantity", "int"},
                {"amount", "string", "amount", "decimal(10,2)"},
                {"cashier", "string", "cashier", "string"},
                {FileReplace.SOURCE_FILE_NAME, "string", FileReplace.SOURCE_FILE_NAME, "string"}}).toDF();
        Dataset<Row> table = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("target_path"))),
                null, "parquet").getDynamicFrame().toDF();

        // Spark reads lazily: materialise the result before the overwrite deletes the files it reads from.
        Dataset<Row> replaced = FileReplace.apply(table, incoming).localCheckpoint(true);
        for (Row file : incoming.groupBy(FileReplace.SOURCE_FILE_NAME).count().collectAsList()) {
            System.out.println("Loaded " + file.getString(0) + ": " + file.getLong(1) + " rows replace its earlier rows, if any");
        }
        // Glue's sink only adds files: replacing the table is Spark's writer in overwrite mode.
        replaced.coalesce(1).write().mode(SaveMode.Overwrite).parquet(args.get("target_path"));
        Job.commit();
    }
}
