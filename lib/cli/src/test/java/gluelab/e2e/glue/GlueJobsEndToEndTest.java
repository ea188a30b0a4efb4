package gluelab.e2e.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException;
import software.amazon.awssdk.services.glue.model.JobBookmarkEntry;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Glue jobs end to end on the real worker (a warm Spark): jobs compiled from source, packaged as a jar,
 * uploaded to S3 and run through the real Glue SDK client, as the notebooks do; their output checked in
 * S3 and their driver output in CloudWatch Logs.
 */
class GlueJobsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB_JAR = "s3://lab-jobs/jars/lab-jobs.jar";
    private static final String ROLE = "arn:aws:iam::000000000000:role/GlueLabJobRole";
    private static final Set<JobRunState> ENDED = Set.of(JobRunState.SUCCEEDED, JobRunState.FAILED,
            JobRunState.TIMEOUT, JobRunState.STOPPED);

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults()
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER));
    static GlueClient glue;
    static S3Client s3;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void uploadTheJobJar() {
        assumeTrue(JobJars.workerIsBuilt(), "the Glue worker and runtime are not built");
        assumeTrue(cloud.cloud().registry().byName("s3").isPresent() && cloud.cloud().registry().byName("logs").isPresent(),
                "this Lab Cloud has no S3 or CloudWatch Logs yet");
        glue = cloud.client(GlueClient.builder());
        s3 = cloud.client(S3Client.builder());
        logs = cloud.client(CloudWatchLogsClient.builder());
        for (String bucket : List.of("lab-jobs", "lab-raw", "lab-refined")) {
            s3.createBucket(r -> r.bucket(bucket));
        }
        s3.putObject(r -> r.bucket("lab-jobs").key("jars/lab-jobs.jar"), RequestBody.fromBytes(JobJars.jar(LabJobs.all())));
    }

    @AfterAll
    static void closeClients() {
        for (AutoCloseable client : new AutoCloseable[] {glue, s3, logs}) {
            try {
                if (client != null) {
                    client.close();
                }
            } catch (Exception ignored) {
                // Closing anyway.
            }
        }
    }

    @Test
    void aCsvToParquetJobSucceedsWritesParquetAndLogsToItsDriverStream() {
        put("lab-raw", "customers/customers.csv", """
                id,name,amount,signup_date
                1,Ada,12.50,2026-01-03
                2,Grace,7.25,2026-01-04
                3,Linus,3.00,2026-02-01
                """);
        createJob("e2e-csv", "labtest.CsvToParquet", Map.of("--input", "s3://lab-raw/customers/",
                "--output", "s3://lab-refined/customers/"));

        JobRun run = awaitEnd("e2e-csv", glue.startJobRun(r -> r.jobName("e2e-csv")).jobRunId());

        assertThat(run.jobRunState()).as(run.errorMessage()).isEqualTo(JobRunState.SUCCEEDED);
        assertThat(s3.listObjectsV2(r -> r.bucket("lab-refined").prefix("customers/")).contents())
                .extracting(S3Object::key).anyMatch(key -> key.endsWith(".parquet"));
        assertThat(logs.describeLogStreams(r -> r.logGroupName("/aws-glue/jobs/output").logStreamNamePrefix(run.id()))
                .logStreams()).extracting(LogStream::logStreamName).containsExactly(run.id());
        assertThat(runMetric(run.id()).path("rowsRead").asInt()).isEqualTo(3);
    }

    @Test
    void bookmarksProcessEachFileOnceAFailedRunCommitsNothingAndAResetStartsOver() {
        createJob("e2e-bookmarks", "labtest.CsvToParquet", Map.of("--input", "s3://lab-raw/orders/",
                "--output", "s3://lab-refined/orders/", "--job-bookmark-option", "job-bookmark-enable"));

        put("lab-raw", "orders/1.csv", "id,amount\n1,10\n2,20\n");
        assertThat(filesRead(runToEnd("e2e-bookmarks", Map.of()))).isEqualTo(1);
        put("lab-raw", "orders/2.csv", "id,amount\n3,30\n");
        assertThat(filesRead(runToEnd("e2e-bookmarks", Map.of()))).isEqualTo(1);
        JobRun third = runToEnd("e2e-bookmarks", Map.of());
        assertThat(filesRead(third)).isZero();
        JobBookmarkEntry committed = glue.getJobBookmark(r -> r.jobName("e2e-bookmarks")).jobBookmarkEntry();
        assertThat(committed.runId()).isEqualTo(third.id());
        assertThat(committed.jobBookmark()).isNotBlank();

        put("lab-raw", "orders/3.csv", "id,amount\n4,40\n");
        JobRun failed = runToEnd("e2e-bookmarks", Map.of("--fail", "true"));
        assertThat(failed.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(failed.errorMessage()).contains("failing on purpose");
        assertThat(glue.getJobBookmark(r -> r.jobName("e2e-bookmarks")).jobBookmarkEntry()).isEqualTo(committed);
        assertThat(filesRead(runToEnd("e2e-bookmarks", Map.of()))).as("the failed run's file is still new").isEqualTo(1);

        glue.resetJobBookmark(r -> r.jobName("e2e-bookmarks"));
        assertThat(filesRead(runToEnd("e2e-bookmarks", Map.of()))).isEqualTo(3);
    }

    @Test
    void maxConcurrentRunsRefusesASecondRunWhileTheFirstRuns() {
        createJob("e2e-single", "labtest.Sleeps", Map.of());
        String first = glue.startJobRun(r -> r.jobName("e2e-single")).jobRunId();
        awaitState("e2e-single", first, Set.of(JobRunState.RUNNING));

        assertThatThrownBy(() -> glue.startJobRun(r -> r.jobName("e2e-single")))
                .isInstanceOf(ConcurrentRunsExceededException.class)
                .hasMessageContaining("Concurrent runs exceeded for e2e-single");

        glue.batchStopJobRun(r -> r.jobName("e2e-single").jobRunIds(first));
        assertThat(awaitEnd("e2e-single", first).jobRunState()).isEqualTo(JobRunState.STOPPED);
    }

    @Test
    void aRunPastItsTimeoutEndsTimeoutWhenTheLabClockIsAdvancedAndTheWorkerMovesOn() {
        createJob("e2e-timeout", "labtest.Sleeps", Map.of());
        String runId = glue.startJobRun(r -> r.jobName("e2e-timeout").timeout(1)).jobRunId();
        awaitState("e2e-timeout", runId, Set.of(JobRunState.RUNNING));

        cloud.http(cloud.request("/_lab/clock/advance")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":90,\"settleSeconds\":5}")));

        JobRun run = glue.getJobRun(r -> r.jobName("e2e-timeout").runId(runId)).jobRun();
        assertThat(run.jobRunState()).isEqualTo(JobRunState.TIMEOUT);
        String next = glue.startJobRun(r -> r.jobName("e2e-timeout").arguments(Map.of("--sleep_seconds", "0"))).jobRunId();
        assertThat(awaitEnd("e2e-timeout", next).jobRunState()).isEqualTo(JobRunState.SUCCEEDED);
    }

    @Test
    void crashingJobsFailOnlyTheirOwnRuns() {
        createJob("e2e-bystander", "labtest.Sleeps", Map.of());
        createJob("e2e-throws", "labtest.Throws", Map.of());
        createJob("e2e-exits", "labtest.Exits", Map.of());
        createJob("e2e-oom", "labtest.RunsOutOfMemory", Map.of());
        String bystander = glue.startJobRun(r -> r.jobName("e2e-bystander")).jobRunId();
        awaitState("e2e-bystander", bystander, Set.of(JobRunState.RUNNING));

        JobRun threw = runToEnd("e2e-throws", Map.of());
        JobRun exited = runToEnd("e2e-exits", Map.of());
        JobRun outOfMemory = runToEnd("e2e-oom", Map.of());

        assertThat(threw.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(threw.errorMessage()).contains("IllegalArgumentException").contains("bad input on purpose");
        assertThat(exited.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(exited.errorMessage()).contains("System.exit(3)");
        assertThat(outOfMemory.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(outOfMemory.errorMessage()).contains("OutOfMemoryError");
        assertThat(glue.getJobRun(r -> r.jobName("e2e-bystander").runId(bystander)).jobRun().jobRunState())
                .as("the other job's run is untouched").isEqualTo(JobRunState.RUNNING);

        glue.batchStopJobRun(r -> r.jobName("e2e-bystander").jobRunIds(bystander));
        assertThat(awaitEnd("e2e-bystander", bystander).jobRunState()).isEqualTo(JobRunState.STOPPED);
        assertThat(cloud.http(cloud.request("/_lab/health").GET()).body()).contains("\"glueWorker\":\"ready\"");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static void createJob(String name, String className, Map<String, String> arguments) {
        Map<String, String> defaults = new HashMap<>(arguments);
        defaults.put("--class", className);
        glue.createJob(r -> r.name(name).role(ROLE).glueVersion("5.0")
                .command(c -> c.name("glueetl").scriptLocation(JOB_JAR))
                .defaultArguments(defaults));
    }

    private static void put(String bucket, String key, String text) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(text));
    }

    private static JobRun runToEnd(String jobName, Map<String, String> arguments) {
        return awaitEnd(jobName, glue.startJobRun(r -> r.jobName(jobName).arguments(arguments)).jobRunId());
    }

    private static JobRun awaitEnd(String jobName, String runId) {
        return awaitState(jobName, runId, ENDED);
    }

    private static JobRun awaitState(String jobName, String runId, Set<JobRunState> wanted) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            JobRun run = glue.getJobRun(r -> r.jobName(jobName).runId(runId)).jobRun();
            if (wanted.contains(run.jobRunState())) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Run " + runId + " of " + jobName + " is still " + run.jobRunState());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The runtime's run metric line in the run's driver output, found as a notebook finds it. */
    private static JsonNode runMetric(String runId) {
        List<FilteredLogEvent> events = logs.filterLogEvents(r -> r.logGroupName("/aws-glue/jobs/output")
                .logStreamNames(runId).filterPattern("{ $.glue_lab_metric = \"run\" }")).events();
        assertThat(events).as("the run metric of " + runId).hasSize(1);
        try {
            return JSON.readTree(events.get(0).message());
        } catch (Exception e) {
            throw new AssertionError("Not a metric line: " + events.get(0).message(), e);
        }
    }

    private static int filesRead(JobRun run) {
        assertThat(run.jobRunState()).as(run.errorMessage()).isEqualTo(JobRunState.SUCCEEDED);
        return runMetric(run.id()).path("filesRead").asInt();
    }
}
