package gluelab.labs.lab04;

import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Lab 04, the naive version, kept to show what goes wrong: every run reads <em>everything</em> under
 * {@code --input_path} (the whole landing prefix) and adds it to {@code --output_path}. Glue's sink only adds files,
 * so the second run adds the first day's rows again, the third run a third time.
 */
public class AppendWholePrefix {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame payments = glueContext.getSourceWithFormat("s3",
                JsonOptions.of("paths", List.of(args.get("input_path"))),
                "payments_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        System.out.println("Read " + payments.count() + " rows from everything under " + args.get("input_path"));

        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "payments_sink", "parquet")
                .writeDynamicFrame(payments.applyMapping(Payments.SCHEMA));

        Job.commit();
    }
}
