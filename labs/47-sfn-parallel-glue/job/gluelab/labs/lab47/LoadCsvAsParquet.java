package gluelab.labs.lab47;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Loads one CSV file, {@code input_path}, as Parquet into the day's folder of a table,
 * {@code <output_path>day=<run_day>/}. Three Glue jobs run this one class, each with its own file and table in its
 * default arguments; whoever starts a run says which day it is for ({@code --run_day}).
 */
public final class LoadCsvAsParquet {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path", "run_day"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame rows = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("input_path"))),
                "csv_file", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        String target = args.get("output_path") + "day=" + args.get("run_day") + "/";
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", target), "parquet_table", "parquet")
                .writeDynamicFrame(rows);
        System.out.println(args.get("JOB_NAME") + " loaded " + rows.count() + " rows of " + args.get("input_path")
                + " into " + target);

        Job.commit();
    }
}
