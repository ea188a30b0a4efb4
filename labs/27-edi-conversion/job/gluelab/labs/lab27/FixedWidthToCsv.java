package gluelab.labs.lab27;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Converts one fixed-width EDI file to CSV: each line of {@code s3://<input_bucket>/<input_key>} is cut into the
 * fields of the layout at {@code layout_path}, trimmed and typed. Good lines go to {@code <output_path>converted/},
 * malformed ones, with their line numbers and why, to {@code <output_path>rejects/}.
 */
public final class FixedWidthToCsv {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_bucket", "input_key", "layout_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        SparkSession spark = glueContext.getSparkSession();
        Job.init(args.get("JOB_NAME"), glueContext, args);

        // The layout lives beside the job's code, so a new version of the layout needs no new jar.
        Layout layout = Layout.parse(spark.read().option("wholetext", true).text(args.get("layout_path")).first().getString(0));

        // Glue has no fixed-width reader: Spark's text reader gives one row per line, and zipWithIndex numbers the
        // lines in the file's order (the splits of a file are read in order), from 0.
        String input = "s3://" + args.get("input_bucket") + "/" + args.get("input_key");
        JavaRDD<Row> parsed = spark.read().text(input).javaRDD().zipWithIndex()
                .map(numbered -> layout.parse(numbered._2() + 1, numbered._1().getString(0)));
        Dataset<Row> lines = spark.createDataFrame(parsed, layout.schema()).cache();

        Dataset<Row> converted = lines.where("reason IS NULL")
                .select(layout.fieldNames().stream().map(functions::col).toArray(Column[]::new));
        Dataset<Row> rejects = lines.where("reason IS NOT NULL").select("line_number", "reason", "line");
        System.out.println("Read " + lines.count() + " lines of " + input + ": " + converted.count() + " converted, "
                + rejects.count() + " rejected");
        converted.printSchema();

        String output = args.get("output_path");
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", output + "converted/"), "converted_sink", "csv")
                .writeDynamicFrame(DynamicFrame.fromDF(converted.coalesce(1), glueContext, "converted"));
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", output + "rejects/"), "rejects_sink", "csv")
                .writeDynamicFrame(DynamicFrame.fromDF(rejects.coalesce(1), glueContext, "rejects"));
        Job.commit();
    }
}
