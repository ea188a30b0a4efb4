package gluelab.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.spi.BookmarkOption;
import gluelab.glue.spi.LocalRunEnvironment;
import gluelab.glue.spi.RunEnvironments;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;

/** A job run with no worker around it (a plain local run): the runtime's defaults apply. */
class LocalRunTest {

    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[1]").appName("local-run-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void withoutARunEnvironmentBookmarksAreNotPersistedAndCommitPrintsTheMetrics(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("in.csv"), "id,name\n1,a\n2,b\n");
        String[] sysArgs = {"--JOB_NAME", "local-job", "--job-bookmark-option", "job-bookmark-enable"};
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"JOB_NAME"});
            GlueContext glueContext = new GlueContext(spark.sparkContext());
            Job.init(args.get("JOB_NAME"), glueContext, GlueArgParser.parse(sysArgs));
            DynamicFrame frame = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(work.toUri().toString())),
                    "source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
            glueContext.getSinkWithFormat("s3", JsonOptions.of("path", work.resolve("out").toString()), "sink", "parquet")
                    .writeDynamicFrame(frame.applyMapping(new String[][] {{"id", "int", "customer_id", "long"}}));
            Job.commit();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("{\"glue_lab_metric\":\"run\",\"filesRead\":1,\"rowsRead\":2,\"rowsWritten\":2}", lines.get(lines.size() - 1));
        assertTrue(capturedErr.toString(StandardCharsets.UTF_8).contains("the job bookmark is not persisted"));
        assertEquals("customer_id BIGINT", spark.read().parquet(work.resolve("out").toString()).schema().toDDL());
    }

    @Test
    void aSortedReadCountsEachInputRowOnceThoughTheSortSamplesItsInputFirst(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("in.csv"), "id\n3\n1\n2\n");
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String partitions = spark.conf().get("spark.sql.shuffle.partitions");
        RunEnvironments.bind(new LocalRunEnvironment("sorted", BookmarkOption.DISABLE));
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            spark.conf().set("spark.sql.shuffle.partitions", "2"); // a range partitioning of one partition needs no sample
            GlueContext glueContext = new GlueContext(spark.sparkContext());
            DynamicFrame frame = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(work.toUri().toString())),
                    "source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
            glueContext.getSinkWithFormat("s3", JsonOptions.of("path", work.resolve("out").toString()), "sink", "parquet")
                    .writeDynamicFrame(DynamicFrame.fromDF(frame.toDF().orderBy("id"), glueContext, "sorted"));
            GlueRun.current().finish(System.out);
        } finally {
            spark.conf().set("spark.sql.shuffle.partitions", partitions);
            RunEnvironments.unbind();
            System.setOut(out);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("{\"glue_lab_metric\":\"run\",\"filesRead\":1,\"rowsRead\":3,\"rowsWritten\":3}", lines.get(lines.size() - 1));
    }
}
