package gluelab.e2e.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.e2e.LabCloudWithWorker;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException;
import software.amazon.awssdk.services.glue.model.JobBookmarkEntry;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;

/**
 * Glue jobs end to end on the real worker (a warm Spark): jobs compiled from source, packaged as a jar,
 * uploaded to S3 and run through the real Glue SDK client, as the notebooks do; their output checked in
 * S3 and their driver output in CloudWatch Logs.
 */
class GlueJobsEndToEndTest {

    private static final String RAW = "e2e-raw";
    private static final String REFINED = "e2e-refined";

    @RegisterExtension
    static RunningLabCloud cloud = LabCloudWithWorker.shared();
    static GlueJobRuns glue;
    static String jobJar;

    @BeforeAll
    static void uploadTheJobJar() {
        glue = new GlueJobRuns(cloud);
        glue.createBuckets("e2e-jobs", RAW, REFINED);
        jobJar = glue.uploadJobJar("e2e-jobs", LabJobs.jar());
    }

    @AfterAll
    static void closeClients() {
        glue.close();
    }

    @Test
    void aCsvToParquetJobSucceedsWritesParquetAndLogsToItsDriverStream() {
        glue.put(RAW, "customers/customers.csv", """
                id,name,amount,signup_date
                1,Ada,12.50,2026-01-03
                2,Grace,7.25,2026-01-04
                3,Linus,3.00,2026-02-01
                """);
        glue.createJob("e2e-csv", jobJar, "labtest.CsvToParquet", Map.of("--input", "s3://e2e-raw/customers/",
                "--output", "s3://e2e-refined/customers/"));

        JobRun run = glue.succeed("e2e-csv", Map.of());

        assertThat(glue.keys(REFINED, "customers/")).isNotEmpty().allMatch(key -> key.endsWith(".parquet"));
        assertThat(glue.logs.describeLogStreams(r -> r.logGroupName(GlueJobRuns.OUTPUT_GROUP)
                .logStreamNamePrefix(run.id())).logStreams()).extracting(LogStream::logStreamName).containsExactly(run.id());
        assertThat(glue.output(run.id())).contains("read 3 rows");
        assertThat(glue.metrics(run.id(), "source")).singleElement().satisfies(source -> {
            assertThat(source.path("transformation_ctx").asText()).isEqualTo("source");
            assertThat(source.path("files").get(0).asText()).isEqualTo("s3://e2e-raw/customers/customers.csv");
            assertThat(source.path("rows").asInt()).isEqualTo(3);
        });
        assertThat(glue.metrics(run.id(), "sink")).singleElement().satisfies(sink -> {
            assertThat(sink.path("path").asText()).isEqualTo("s3://e2e-refined/customers");
            assertThat(sink.path("rows").asInt()).isEqualTo(3);
        });
        assertThat(glue.runMetric(run.id()).toString())
                .isEqualTo("{\"glue_lab_metric\":\"run\",\"filesRead\":1,\"rowsRead\":3,\"rowsWritten\":3}");
    }

    @Test
    void whatItsTasksPrintAndLogGoesToTheRunsOwnStreams() {
        TaskOutputRuns.runAndCheckTheRunsStreams(glue, jobJar, "e2e-task-output");
    }

    @Test
    void bookmarksProcessEachFileOnceAFailedRunCommitsNothingAndAResetStartsOver() {
        glue.createJob("e2e-bookmarks", jobJar, "labtest.CsvToParquet", Map.of("--input", "s3://e2e-raw/orders/",
                "--output", "s3://e2e-refined/orders/", "--job-bookmark-option", "job-bookmark-enable"));

        glue.put(RAW, "orders/1.csv", "id,amount\n1,10\n2,20\n");
        assertThat(glue.filesRead(glue.runToEnd("e2e-bookmarks", Map.of()))).isEqualTo(1);
        glue.put(RAW, "orders/2.csv", "id,amount\n3,30\n");
        assertThat(glue.filesRead(glue.runToEnd("e2e-bookmarks", Map.of()))).isEqualTo(1);
        JobRun third = glue.runToEnd("e2e-bookmarks", Map.of());
        assertThat(glue.filesRead(third)).isZero();
        JobBookmarkEntry committed = glue.glue.getJobBookmark(r -> r.jobName("e2e-bookmarks")).jobBookmarkEntry();
        assertThat(committed.runId()).isEqualTo(third.id());
        assertThat(committed.jobBookmark()).contains("s3://e2e-raw/orders/1.csv", "s3://e2e-raw/orders/2.csv");

        glue.put(RAW, "orders/3.csv", "id,amount\n4,40\n");
        JobRun failed = glue.runToEnd("e2e-bookmarks", Map.of("--fail", "true"));
        assertThat(failed.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("IllegalStateException: failing on purpose after reading the input");
        assertThat(glue.glue.getJobBookmark(r -> r.jobName("e2e-bookmarks")).jobBookmarkEntry()).isEqualTo(committed);
        assertThat(glue.filesRead(glue.runToEnd("e2e-bookmarks", Map.of()))).as("the failed run's file is still new")
                .isEqualTo(1);

        glue.glue.resetJobBookmark(r -> r.jobName("e2e-bookmarks"));
        assertThat(glue.filesRead(glue.runToEnd("e2e-bookmarks", Map.of()))).isEqualTo(3);
    }

    @Test
    void maxConcurrentRunsRefusesASecondRunWhileTheFirstRuns() {
        glue.createJob("e2e-single", jobJar, "labtest.Sleeps", Map.of());
        String first = glue.start("e2e-single", Map.of());
        glue.awaitState("e2e-single", first, Set.of(JobRunState.RUNNING));

        assertThatThrownBy(() -> glue.start("e2e-single", Map.of()))
                .isInstanceOf(ConcurrentRunsExceededException.class)
                .hasMessageContaining("Concurrent runs exceeded for e2e-single");

        glue.glue.batchStopJobRun(r -> r.jobName("e2e-single").jobRunIds(first));
        assertThat(glue.awaitEnd("e2e-single", first).jobRunState()).isEqualTo(JobRunState.STOPPED);
    }

    @Test
    void aRunPastItsTimeoutEndsTimeoutWhenTheLabClockIsAdvancedAndTheWorkerMovesOn() {
        glue.createJob("e2e-timeout", jobJar, "labtest.Sleeps", Map.of());
        String runId = glue.glue.startJobRun(r -> r.jobName("e2e-timeout").timeout(1)).jobRunId();
        glue.awaitState("e2e-timeout", runId, Set.of(JobRunState.RUNNING));

        cloud.http(cloud.request("/_lab/clock/advance")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":90,\"settleSeconds\":5}")));

        JobRun run = glue.glue.getJobRun(r -> r.jobName("e2e-timeout").runId(runId)).jobRun();
        assertThat(run.jobRunState()).isEqualTo(JobRunState.TIMEOUT);
        assertThat(run.errorMessage()).isEqualTo("Job run timed out");
        glue.succeed("e2e-timeout", Map.of("--sleep_seconds", "0"));
    }

    @Test
    void crashingJobsFailOnlyTheirOwnRuns() {
        glue.createJob("e2e-bystander", jobJar, "labtest.Sleeps", Map.of());
        glue.createJob("e2e-throws", jobJar, "labtest.Throws", Map.of());
        glue.createJob("e2e-exits", jobJar, "labtest.Exits", Map.of());
        glue.createJob("e2e-oom", jobJar, "labtest.RunsOutOfMemory", Map.of());
        glue.createJob("e2e-survivor", jobJar, "labtest.CsvToParquet", Map.of("--input", "s3://e2e-raw/survivor/",
                "--output", "s3://e2e-refined/survivor/"));
        glue.put(RAW, "survivor/rows.csv", "id\n1\n2\n");
        String bystander = glue.start("e2e-bystander", Map.of());
        glue.awaitState("e2e-bystander", bystander, Set.of(JobRunState.RUNNING));

        JobRun threw = glue.runToEnd("e2e-throws", Map.of());
        JobRun exited = glue.runToEnd("e2e-exits", Map.of());
        JobRun outOfMemory = glue.runToEnd("e2e-oom", Map.of());

        assertThat(threw.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(threw.errorMessage()).isEqualTo("IllegalArgumentException: bad input on purpose");
        assertThat(exited.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(exited.errorMessage()).isEqualTo("Job called System.exit(3)");
        assertThat(outOfMemory.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(outOfMemory.errorMessage()).startsWith("OutOfMemoryError");
        assertThat(glue.glue.getJobRun(r -> r.jobName("e2e-bystander").runId(bystander)).jobRun().jobRunState())
                .as("the other job's run is untouched").isEqualTo(JobRunState.RUNNING);
        JobRun survivor = glue.succeed("e2e-survivor", Map.of());
        assertThat(glue.runMetric(survivor.id()).path("rowsWritten").asInt()).as("a run after the crashes").isEqualTo(2);

        glue.glue.batchStopJobRun(r -> r.jobName("e2e-bystander").jobRunIds(bystander));
        assertThat(glue.awaitEnd("e2e-bystander", bystander).jobRunState()).isEqualTo(JobRunState.STOPPED);
        assertThat(cloud.http(cloud.request("/_lab/health").GET()).body()).contains("\"glueWorker\":\"ready\"");
    }

    @Test
    void aMalformedCsvFailsItsRunWithAReadableMessageAndLeavesTheOutputAsItWas() {
        glue.createJob("e2e-strict", jobJar, "labtest.StrictCsvToParquet", Map.of("--input", "s3://e2e-raw/strict/",
                "--output", "s3://e2e-refined/strict/"));
        glue.put(RAW, "strict/customers.csv", "id,name,amount\n1,Ada,12.50\n2,Grace,7.25\n");
        glue.succeed("e2e-strict", Map.of());
        Map<String, String> before = glue.objects(REFINED, "strict/");
        assertThat(before).isNotEmpty();

        glue.put(RAW, "strict/customers.csv", "id,name,amount\n1,Ada,12.50\n2,Grace,seven\n3,Linus,3.00\n");
        JobRun failed = glue.runToEnd("e2e-strict", Map.of());

        assertThat(failed.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(failed.errorMessage())
                .startsWith("SparkException: [MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are "
                        + "detected in record parsing: [2,Grace,null].")
                .contains("Parse Mode: FAILFAST.")
                .endsWith("Caused by: NumberFormatException: Character s is neither a decimal digit number, decimal "
                        + "point, nor \"e\" notation exponential mark.");
        assertThat(glue.objects(REFINED, "strict/")).as("the earlier output, object for object").isEqualTo(before);
    }
}
