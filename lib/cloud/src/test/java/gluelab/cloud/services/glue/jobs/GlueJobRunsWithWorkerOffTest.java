package gluelab.cloud.services.glue.jobs;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.awaitEnd;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.awaitRuns;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.services.glue.worker.DisabledExecutor;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetJobRunsResponse;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.WorkerType;

/** Runs in a Lab Cloud started with {@code --glue-worker off}: they exist, are recorded, and fail saying why. */
class GlueJobRunsWithWorkerOffTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory().withGlueRoles();
    static GlueClient glue;

    @BeforeAll
    static void client() {
        glue = cloud.client(GlueClient.builder());
    }

    @AfterAll
    static void closeClient() {
        glue.close();
    }

    @Test
    void aRunFailsAtOnceSayingTheWorkerIsOff() {
        glue.createJob(sparkJob("off-1", "com.example.Job").build());

        String runId = glue.startJobRun(r -> r.jobName("off-1")).jobRunId();
        JobRun run = awaitEnd(glue, "off-1", runId);

        assertThat(runId).matches("jr_[0-9a-f]{64}");
        assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(run.errorMessage()).isEqualTo(DisabledExecutor.MESSAGE);
        assertThat(run.attempt()).isZero();
        assertThat(run.jobName()).isEqualTo("off-1");
        assertThat(run.startedOn()).isNotNull();
        assertThat(run.completedOn()).isAfterOrEqualTo(run.startedOn());
        assertThat(run.lastModifiedOn()).isEqualTo(run.completedOn());
        assertThat(run.executionTime()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(run.timeout()).isEqualTo(2880);
        assertThat(run.maxCapacity()).isEqualTo(10.0);
        assertThat(run.glueVersion()).isEqualTo("5.0");
        assertThat(run.logGroupName()).isEqualTo("/aws-glue/jobs");
        assertThat(run.jobModeAsString()).isEqualTo("SCRIPT");
        assertThat(run.hasArguments()).isFalse();
        assertThat(run.triggerName()).isNull();
    }

    @Test
    void theHealthEndpointSaysTheWorkerIsOff() {
        assertThat(GlueLabSupport.get(cloud, "/_lab/health").path("glueWorker").asText()).isEqualTo("off");
    }

    @Test
    void aRunRecordsItsOwnArgumentsAndItsOverrides() {
        glue.createJob(sparkJob("off-args", "com.example.Job").defaultArguments(Map.of("--class", "X", "--mode", "full"))
                .build());

        String runId = glue.startJobRun(r -> r.jobName("off-args").arguments(Map.of("--input_key", "raw/a.csv"))
                .timeout(15).workerType(WorkerType.G_1_X).numberOfWorkers(3)).jobRunId();
        JobRun run = awaitEnd(glue, "off-args", runId);

        assertThat(run.arguments()).containsExactly(Map.entry("--input_key", "raw/a.csv"));
        assertThat(run.timeout()).isEqualTo(15);
        assertThat(run.workerType()).isEqualTo(WorkerType.G_1_X);
        assertThat(run.numberOfWorkers()).isEqualTo(3);
        assertThat(run.maxCapacity()).isEqualTo(3.0);
    }

    @Test
    void aRunWhoseRoleGlueMayNotAssumeFailsSayingWhy() {
        glue.createJob(sparkJob("off-untrusted", "com.example.Job").role("arn:aws:iam::000000000000:role/never-created").build());

        JobRun run = awaitEnd(glue, "off-untrusted", glue.startJobRun(r -> r.jobName("off-untrusted")).jobRunId());
        assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(run.errorMessage()).startsWith("Glue could not assume the job's role "
                + "arn:aws:iam::000000000000:role/never-created: User: glue.amazonaws.com is not authorized to perform: "
                + "sts:AssumeRole on resource: arn:aws:iam::000000000000:role/never-created");
    }

    @Test
    void aJobWithoutAClassFailsItsRunsWithAReadableMessage() {
        glue.createJob(r -> r.name("off-noclass").role(GlueLabSupport.ROLE)
                .command(c -> c.name("glueetl").scriptLocation("s3://lab-jobs/job.jar")));

        JobRun run = awaitEnd(glue, "off-noclass", glue.startJobRun(r -> r.jobName("off-noclass")).jobRunId());

        assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(run.errorMessage()).contains("names no main class").contains("--class");
    }

    @Test
    void aPythonScriptJobFailsItsRunsSayingLabCloudRunsJvmJobs() {
        glue.createJob(r -> r.name("off-python").role(GlueLabSupport.ROLE)
                .command(c -> c.name("glueetl").scriptLocation("s3://lab-jobs/job.py")));

        JobRun run = awaitEnd(glue, "off-python", glue.startJobRun(r -> r.jobName("off-python")).jobRunId());

        assertThat(run.errorMessage()).contains("s3://lab-jobs/job.py is a Python script; Lab Cloud runs JVM jobs");
    }

    @Test
    void aClassWithoutAJarFailsItsRunsWithAReadableMessage() {
        glue.createJob(r -> r.name("off-nojar").role(GlueLabSupport.ROLE)
                .command(c -> c.name("glueetl").scriptLocation("s3://lab-jobs/Job.scala"))
                .defaultArguments(Map.of("--class", "com.example.Job")));

        JobRun run = awaitEnd(glue, "off-nojar", glue.startJobRun(r -> r.jobName("off-nojar")).jobRunId());

        assertThat(run.errorMessage()).isEqualTo("No jar holds the job's class com.example.Job: give the jar's s3:// "
                + "path as the ScriptLocation or in --extra-jars.");
    }

    @Test
    void anExtraJarOutsideS3FailsTheRun() {
        glue.createJob(sparkJob("off-localjar", "com.example.Job")
                .defaultArguments(Map.of("--class", "com.example.Job", "--extra-jars", "/tmp/lib.jar")).build());

        JobRun run = awaitEnd(glue, "off-localjar", glue.startJobRun(r -> r.jobName("off-localjar")).jobRunId());

        assertThat(run.errorMessage()).contains("--extra-jars names /tmp/lib.jar; Glue loads jars from s3:// paths only");
    }

    @Test
    void aFailedRunPublishesAGlueJobStateChangeEventInAwsFormat() {
        glue.createJob(sparkJob("off-event", "com.example.Job").build());

        String runId = glue.startJobRun(r -> r.jobName("off-event")).jobRunId();
        awaitEnd(glue, "off-event", runId);

        List<JsonNode> events = GlueLabSupport.glueEvents(cloud).stream()
                .filter(e -> runId.equals(e.path("detail").path("jobRunId").asText())).toList();
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("name").asText()).isEqualTo("Glue Job State Change");
        assertThat(event.path("resource").asText()).isEqualTo("off-event");
        assertThat(event.path("account").asText()).isEqualTo("000000000000");
        assertThat(event.path("region").asText()).isEqualTo("us-east-1");
        JsonNode detail = event.path("detail");
        assertThat(detail.path("jobName").asText()).isEqualTo("off-event");
        assertThat(detail.path("severity").asText()).isEqualTo("ERROR");
        assertThat(detail.path("state").asText()).isEqualTo("FAILED");
        assertThat(detail.path("message").asText()).isEqualTo(DisabledExecutor.MESSAGE);
    }

    @Test
    void maxRetriesStartsNewAttemptsThatNameThePreviousRun() {
        glue.createJob(sparkJob("off-retry", "com.example.Job").maxRetries(2).build());

        String first = glue.startJobRun(r -> r.jobName("off-retry")).jobRunId();
        List<JobRun> runs = awaitRuns(glue, "off-retry", 3);

        assertThat(runs).extracting(JobRun::attempt).containsExactly(2, 1, 0);
        assertThat(runs).extracting(JobRun::id).containsExactly(first + "_attempt_2", first + "_attempt_1", first);
        assertThat(runs.get(0).previousRunId()).isEqualTo(first + "_attempt_1");
        assertThat(runs.get(1).previousRunId()).isEqualTo(first);
        assertThat(runs).allMatch(r -> r.jobRunState() == JobRunState.FAILED);
    }

    @Test
    void getJobRunsListsTheNewestFirstAndPages() {
        glue.createJob(sparkJob("off-many", "com.example.Job").maxRetries(0).build());
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(glue.startJobRun(r -> r.jobName("off-many")).jobRunId());
            awaitEnd(glue, "off-many", started.get(i));
        }
        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetJobRunsResponse page = glue.getJobRuns(r -> r.jobName("off-many").maxResults(2).nextToken(next));
            page.jobRuns().forEach(run -> listed.add(run.id()));
            token = page.nextToken();
        } while (token != null);

        assertThat(listed).containsExactly(started.get(4), started.get(3), started.get(2), started.get(1), started.get(0));
    }

    @Test
    void startJobRunRetriesAnEarlierRunWithItsArguments() {
        glue.createJob(sparkJob("off-rerun", "com.example.Job").build());
        String first = glue.startJobRun(r -> r.jobName("off-rerun").arguments(Map.of("--day", "2026-03-01"))).jobRunId();
        awaitEnd(glue, "off-rerun", first);

        JobRun again = awaitEnd(glue, "off-rerun", glue.startJobRun(r -> r.jobName("off-rerun").jobRunId(first)).jobRunId());

        assertThat(again.previousRunId()).isEqualTo(first);
        assertThat(again.arguments()).containsEntry("--day", "2026-03-01");
    }

    @Test
    void runsOfAMissingJobOrAMissingRunAreEntityNotFound() {
        glue.createJob(sparkJob("off-exists", "com.example.Job").build());

        assertThatThrownBy(() -> glue.startJobRun(r -> r.jobName("off-missing")))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("Job with name: off-missing not found.");
        assertThatThrownBy(() -> glue.getJobRun(r -> r.jobName("off-exists").runId("jr_nope")))
                .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.getJobRuns(r -> r.jobName("off-missing")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void batchStopJobRunReportsRunsThatCannotBeStopped() {
        glue.createJob(sparkJob("off-stop", "com.example.Job").build());
        String ended = glue.startJobRun(r -> r.jobName("off-stop")).jobRunId();
        awaitEnd(glue, "off-stop", ended);

        var answer = glue.batchStopJobRun(r -> r.jobName("off-stop").jobRunIds(ended, "jr_unknown"));

        assertThat(answer.successfulSubmissions()).isEmpty();
        assertThat(answer.errors()).extracting(e -> e.jobRunId() + " " + e.errorDetail().errorCode())
                .containsExactly(ended + " InvalidInputException", "jr_unknown EntityNotFoundException");
    }

    @Test
    void deleteJobDeletesItsRuns() {
        glue.createJob(sparkJob("off-gone", "com.example.Job").build());
        String runId = glue.startJobRun(r -> r.jobName("off-gone")).jobRunId();
        awaitEnd(glue, "off-gone", runId);

        glue.deleteJob(r -> r.jobName("off-gone"));
        glue.createJob(sparkJob("off-gone", "com.example.Job").build());

        assertThat(glue.getJobRuns(r -> r.jobName("off-gone")).jobRuns()).isEmpty();
    }

    @Test
    void aTimeoutAdvanceLeavesEndedRunsAlone() {
        glue.createJob(sparkJob("off-clock", "com.example.Job").timeout(1).build());
        String runId = glue.startJobRun(r -> r.jobName("off-clock")).jobRunId();
        awaitEnd(glue, "off-clock", runId);

        GlueLabSupport.advanceClock(cloud, Duration.ofMinutes(2));

        assertThat(glue.getJobRun(r -> r.jobName("off-clock").runId(runId)).jobRun().jobRunState())
                .isEqualTo(JobRunState.FAILED);
    }
}
