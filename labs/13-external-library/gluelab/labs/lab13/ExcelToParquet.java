package gluelab.labs.lab13;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.io.InputStream;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Loads one sheet of an Excel workbook into refined as Parquet. Spark cannot read Excel, so the driver opens the
 * workbook itself with Apache POI, a library AWS Glue does not ship: the job gets its jars from {@code --extra-jars}.
 * Arguments: {@code --input_path s3://…/file.xlsx}, {@code --sheet_name Prices}, {@code --output_path s3://…/}.
 */
public final class ExcelToParquet {

    public static void main(String[] sysArgs) throws Exception {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "sheet_name", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        SparkSession spark = glueContext.getSparkSession();
        Job.init(args.get("JOB_NAME"), glueContext, args);

        // A workbook is one zip file, not lines that Spark could split between executors: the driver reads it
        // whole, through Hadoop's file system for s3:// (the same one Spark's readers use).
        Path input = new Path(args.get("input_path"));
        FileSystem files = input.getFileSystem(spark.sparkContext().hadoopConfiguration());
        SheetTable table;
        try (InputStream in = files.open(input); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(args.get("sheet_name"));
            if (sheet == null) {
                throw new IllegalArgumentException(input.getName() + " has no sheet \"" + args.get("sheet_name") + "\"");
            }
            table = SheetTable.of(sheet);
        }
        System.out.println("Read " + table.rows().size() + " rows from sheet " + args.get("sheet_name") + " of "
                + input.getName() + ": " + table.schema().simpleString());

        // A sheet is small: one Parquet file rather than one per core.
        Dataset<Row> prices = spark.createDataFrame(table.rows(), table.schema()).coalesce(1);
        // This month's list replaces last month's: Glue's sink only adds files, so the path is emptied first.
        glueContext.purgeS3Path(args.get("output_path"), JsonOptions.of("retentionPeriod", 0), "purge_prices");
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "prices_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(prices, glueContext, "prices"));
        Job.commit();
    }
}
