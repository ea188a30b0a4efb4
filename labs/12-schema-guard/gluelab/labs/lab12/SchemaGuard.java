package gluelab.labs.lab12;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Loads an incoming CSV file into refined as Parquet, but only if it keeps its contract: the columns, their types
 * and which may be empty. A file that drifts fails the run before anything is written, naming every problem.
 * Arguments: {@code --input_path s3://…/file.csv}, {@code --contract_path s3://…/contract.json},
 * {@code --output_path s3://…/}.
 */
public final class SchemaGuard {

    public static void main(String[] sysArgs) throws Exception {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "contract_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        SparkSession spark = glueContext.getSparkSession();
        Job.init(args.get("JOB_NAME"), glueContext, args);

        Contract contract = Contract.read(args.get("contract_path"), spark.sparkContext().hadoopConfiguration());
        // Every value as text (no schema inference): the guard must see what the file holds, not what Spark guesses.
        // A quote inside a quoted field is doubled ("Café ""Le Zinc"""), as in RFC 4180; Spark needs to be told.
        Dataset<Row> incoming = spark.read().option("header", true).option("escape", "\"").csv(args.get("input_path"));

        List<String> problems = ContractCheck.problems(contract, incoming);
        if (!problems.isEmpty()) {
            throw new SchemaDriftException(new Path(args.get("input_path")).getName(), contract, problems);
        }

        // The file keeps the contract: every column converts, so it is written typed, in the contract's order.
        Column[] typed = contract.columns().stream()
                .map(c -> functions.col("`" + c.name() + "`").cast(c.type()).as(c.name())).toArray(Column[]::new);
        // The day's export replaces yesterday's: Glue's sink only adds files, so the path is emptied first.
        glueContext.purgeS3Path(args.get("output_path"), JsonOptions.of("retentionPeriod", 0), "purge_payments");
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "refined_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(incoming.select(typed), glueContext, "typed"));
        System.out.println("Loaded " + contract.dataset() + ": " + contract.columns().stream()
                .map(c -> c.name() + " " + c.type()).toList());
        Job.commit();
    }
}
