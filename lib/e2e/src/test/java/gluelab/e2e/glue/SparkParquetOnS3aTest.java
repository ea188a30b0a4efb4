package gluelab.e2e.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.e2e.LabCloudWithWorker;
import gluelab.lab.DataTable;
import gluelab.lab.data.DataFormat;
import gluelab.lab.data.S3TableReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * Spark's own Parquet writer and reader in a job run, through Hadoop's S3A connector into Lab Cloud's S3:
 * {@code s3a://} and Glue's {@code s3://}, Spark's commit protocol (task output under {@code _temporary}, then
 * renamed into place, which S3A does with CopyObject and DeleteObject), overwrite, and dynamic partition
 * overwrite (staged under {@code .spark-staging-*}, then moved partition by partition).
 */
class SparkParquetOnS3aTest {

    private static final String BUCKET = "s3a-data";
    private static final String JOB = "s3a-writer";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static RunningLabCloud cloud = LabCloudWithWorker.shared();
    static GlueJobRuns glue;

    @BeforeAll
    static void createTheWriterJob() {
        glue = new GlueJobRuns(cloud);
        glue.createBuckets("s3a-jobs", BUCKET);
        String jar = glue.uploadJobJar("s3a-jobs", LabJobs.jar());
        glue.createJob(JOB, jar, "labtest.SparkParquetWriter", Map.of());
    }

    @AfterAll
    static void closeClients() {
        glue.close();
    }

    @Test
    void sparkWritesParquetThroughS3aCommitsByCopyAndDeleteAndReadsItBack() {
        long since = timelineEnd();
        JobRun run = glue.succeed(JOB, Map.of("--output", "s3a://s3a-data/plain/", "--mode", "errorifexists",
                "--rows", "1:2026-01,2:2026-01,3:2026-02"));

        assertThat(glue.output(run.id())).containsSubsequence(
                "row 1 2026-01 " + run.id(), "row 2 2026-01 " + run.id(), "row 3 2026-02 " + run.id(), "count 3");
        List<String> keys = glue.keys(BUCKET, "plain/");
        assertThat(keys).as("only the committed part files, no _temporary").isNotEmpty()
                .allMatch(key -> key.matches("plain/part-\\d{5}-[0-9a-f-]+-c000\\.snappy\\.parquet"));
        assertThat(s3Calls(since)).as("the commit renames task output: a copy, then a delete")
                .contains("CopyObject 200").containsAnyOf("DeleteObject 204", "DeleteObjects 200");
        DataTable written = new S3TableReader(glue.s3).read("s3://s3a-data/plain/", DataFormat.PARQUET);
        assertThat(written.values("id")).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void overwriteThroughGluesS3SchemeReplacesEveryEarlierObject() {
        JobRun first = glue.succeed(JOB, Map.of("--output", "s3://s3a-data/overwritten/", "--mode", "overwrite",
                "--rows", "1:2026-01,2:2026-01,3:2026-02"));
        List<String> firstKeys = glue.keys(BUCKET, "overwritten/");

        JobRun second = glue.succeed(JOB, Map.of("--output", "s3://s3a-data/overwritten/", "--mode", "overwrite",
                "--rows", "4:2026-03,5:2026-03"));

        assertThat(glue.output(second.id())).containsSubsequence("row 4 2026-03 " + second.id(),
                "row 5 2026-03 " + second.id(), "count 2");
        List<String> secondKeys = glue.keys(BUCKET, "overwritten/");
        assertThat(secondKeys).isNotEmpty().doesNotContainAnyElementsOf(firstKeys)
                .allMatch(key -> key.endsWith(".parquet") && !key.contains("_temporary"));
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void dynamicPartitionOverwriteReplacesOnlyThePartitionsItWritesAndLeavesNoStaging() {
        JobRun january = glue.succeed(JOB, Map.of("--output", "s3://s3a-data/partitioned/", "--mode", "overwrite",
                "--partition_overwrite", "dynamic", "--rows", "1:2026-01,2:2026-01,3:2026-02"));
        Map<String, String> januaryObjects = glue.objects(BUCKET, "partitioned/month=2026-01/");
        List<String> februaryKeys = glue.keys(BUCKET, "partitioned/month=2026-02/");
        assertThat(januaryObjects).isNotEmpty();
        assertThat(februaryKeys).isNotEmpty();

        JobRun corrections = glue.succeed(JOB, Map.of("--output", "s3://s3a-data/partitioned/", "--mode", "overwrite",
                "--partition_overwrite", "dynamic", "--rows", "3:2026-02,4:2026-02"));

        assertThat(glue.objects(BUCKET, "partitioned/month=2026-01/")).as("January, object for object")
                .isEqualTo(januaryObjects);
        assertThat(glue.keys(BUCKET, "partitioned/month=2026-02/")).isNotEmpty().doesNotContainAnyElementsOf(februaryKeys);
        assertThat(glue.keys(BUCKET, "partitioned/")).as("no staging or temporary objects")
                .allMatch(key -> key.matches("partitioned/month=2026-0[12]/part-[^/]+\\.parquet"));
        assertThat(glue.output(corrections.id())).containsSubsequence(
                "row 1 2026-01 " + january.id(), "row 2 2026-01 " + january.id(),
                "row 3 2026-02 " + corrections.id(), "row 4 2026-02 " + corrections.id(), "count 4");
    }

    /** The sequence number of the last S3 event on the timeline so far. */
    private static long timelineEnd() {
        long next = 0;
        for (JsonNode page = events(next); !page.path("events").isEmpty(); page = events(next)) {
            next = page.path("next").asLong();
        }
        return next;
    }

    /** The S3 API calls on Lab Cloud's timeline after {@code since}, as "Operation status". */
    private static List<String> s3Calls(long since) {
        List<String> calls = new ArrayList<>();
        long next = since;
        while (true) {
            JsonNode page = events(next);
            page.path("events").forEach(e -> {
                if ("api".equals(e.path("kind").asText())) {
                    calls.add(e.path("name").asText() + " " + e.path("status").asInt());
                }
            });
            if (page.path("events").isEmpty()) {
                return calls;
            }
            next = page.path("next").asLong();
        }
    }

    private static JsonNode events(long since) {
        try {
            return JSON.readTree(cloud.http(cloud.request("/_lab/events?service=s3&limit=10000&since=" + since).GET())
                    .body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
