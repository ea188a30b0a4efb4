package gluelab.labs.lab24;

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
 * Ingests one uploaded CSV file, the object the run's {@code --input_key} names in {@code --source_bucket}, into
 * the job's Parquet folder ({@code --output_path}), each row tagged with the key it came from. The sales job and the
 * orders job both run this class, each with its own output folder: which job ran is what routing decides.
 */
public final class IngestUpload {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "JOB_RUN_ID", "source_bucket", "input_key", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        String input = "s3://" + args.get("source_bucket") + "/" + args.get("input_key");
        DynamicFrame upload = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(input)),
                "upload_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
        Dataset<Row> tagged = upload.toDF().withColumn("source_key", functions.lit(args.get("input_key")));
        // Two uploads of one feed run at the same time: Spark stages a write in _temporary/ under its path, and the
        // first run to commit would remove the other's files, so each run writes a folder of its own.
        String runFolder = args.get("output_path") + "ingest_run=" + args.get("JOB_RUN_ID") + "/";
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", runFolder), "ingest_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(tagged, glueContext, "tagged"));
        Job.commit();
    }
}
