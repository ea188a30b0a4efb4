package gluelab.labs.lab25;

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
import org.apache.spark.sql.functions;

/**
 * A domain's ingest job: the uploaded CSV ({@code --input_key} in {@code --source_bucket}) to the domain's Parquet
 * folder ({@code --output_path}), each row tagged with the domain ({@code --domain}) and the key it came from.
 * Every domain's job runs this class with its own default arguments.
 */
public final class DomainIngest {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "domain", "source_bucket", "input_key", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String input = "s3://" + args.get("source_bucket") + "/" + args.get("input_key");
        DynamicFrame upload = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "upload_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        Dataset<Row> tagged = upload.toDF()
                .withColumn("domain", functions.lit(args.get("domain")))
                .withColumn("source_key", functions.lit(args.get("input_key")));
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "ingest_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(tagged, glueContext, "tagged"));
        Job.commit();
    }
}
