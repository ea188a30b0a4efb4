package gluelab.labs.lab30;

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
 * Stage 2, stage → refined: one row per delivery. A handheld scanner that loses its connection sends a scan again,
 * so the same {@code delivery_id} can arrive twice; refined keeps it once.
 */
public final class Refine {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "JOB_RUN_ID", "input_path", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DynamicFrame stage = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("input_path"))),
                "stage_source", "parquet").getDynamicFrame();
        Dataset<Row> refined = stage.toDF().dropDuplicates(new String[] {"delivery_id"}).coalesce(1);
        glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output_path")), "refined_sink", "parquet")
                .writeDynamicFrame(DynamicFrame.fromDF(refined, glueContext, "refined"));
        StageManifest.write(glueContext.getSparkSession(), args.get("output_path"), args.get("JOB_NAME"),
                args.get("JOB_RUN_ID"), args.get("input_path"), refined.count());
        Job.commit();
    }
}
