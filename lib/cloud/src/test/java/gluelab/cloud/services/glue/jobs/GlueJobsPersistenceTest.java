package gluelab.cloud.services.glue.jobs;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.awaitEnd;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.awaitState;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/** Jobs, runs, bookmarks and triggers survive a restart; runs that were in flight end FAILED, saying why. */
class GlueJobsPersistenceTest {

    @TempDir
    Path stateDir;

    @BeforeEach
    void scriptedWorker() {
        ScriptedGlueWorker.useAsTheGlueWorker();
    }

    @AfterEach
    void clearWorker() {
        ScriptedGlueWorker.stopUsingAsTheGlueWorker();
    }

    @Test
    void everythingSurvivesARestartAndRunsInFlightEndFailed() throws Exception {
        String inFlight;
        String committedBy;
        try (LabCloud cloud = start()) {
            try (IamClient iam = IamClient.builder().endpointOverride(cloud.endpoint()).region(Region.AWS_GLOBAL)
                    .credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
                // IAM is enforced for the runs' role sessions: the job role must exist, as on AWS.
                TestRoles.createGlueRole(iam, TestRoles.JOB_ROLE_NAME);
            }
            try (GlueClient glue = GlueLabSupport.client(cloud)) {
                glue.createJob(sparkJob("durable", "test.CountsBookmark")
                        .defaultArguments(Map.of("--class", "test.CountsBookmark",
                                "--job-bookmark-option", "job-bookmark-enable"))
                        .build());
                glue.createJob(sparkJob("sleeper", "test.Sleeps").build());
                glue.createTrigger(r -> r.name("durable-schedule").type(TriggerType.SCHEDULED)
                        .schedule("cron(0/10 * * * ? *)").startOnCreation(true).actions(a -> a.jobName("sleeper")
                                .arguments(Map.of("--from", "trigger"))));
                committedBy = awaitEnd(glue, "durable", glue.startJobRun(r -> r.jobName("durable")).jobRunId()).id();
                inFlight = glue.startJobRun(r -> r.jobName("sleeper")).jobRunId();
                awaitState(glue, "sleeper", inFlight, Set.of(JobRunState.RUNNING));
            }
        }

        try (LabCloud cloud = start(); GlueClient glue = GlueLabSupport.client(cloud)) {
            JobRun lost = glue.getJobRun(r -> r.jobName("sleeper").runId(inFlight)).jobRun();
            assertThat(lost.jobRunState()).isEqualTo(JobRunState.FAILED);
            assertThat(lost.errorMessage()).isEqualTo("Lab Cloud stopped while this run was RUNNING; the run was lost "
                    + "and not retried.");
            assertThat(glue.getJob(r -> r.jobName("durable")).job().defaultArguments())
                    .containsEntry("--job-bookmark-option", "job-bookmark-enable");
            assertThat(glue.getJobRuns(r -> r.jobName("durable")).jobRuns()).extracting(JobRun::id)
                    .containsExactly(committedBy);
            assertThat(glue.getJobBookmark(r -> r.jobName("durable")).jobBookmarkEntry().jobBookmark()).isEqualTo("1");
            assertThat(glue.getTrigger(r -> r.name("durable-schedule")).trigger().state())
                    .isEqualTo(TriggerState.ACTIVATED);

            advance(cloud, 600);

            JobRun scheduled = GlueLabSupport.awaitStarted(glue, "sleeper", 2).get(0);
            assertThat(scheduled.triggerName()).as("the schedule was registered again").isEqualTo("durable-schedule");
            assertThat(scheduled.arguments()).containsEntry("--from", "trigger");
            awaitState(glue, "sleeper", scheduled.id(), Set.of(JobRunState.RUNNING));
            glue.batchStopJobRun(r -> r.jobName("sleeper").jobRunIds(scheduled.id()));
            assertThat(awaitEnd(glue, "sleeper", scheduled.id()).jobRunState()).isEqualTo(JobRunState.STOPPED);
            assertThat(awaitEnd(glue, "durable", glue.startJobRun(r -> r.jobName("durable")).jobRunId()).jobRunState())
                    .isEqualTo(JobRunState.SUCCEEDED);
            assertThat(glue.getJobBookmark(r -> r.jobName("durable")).jobBookmarkEntry().jobBookmark())
                    .as("the bookmark the worker got after the restart was the committed one").isEqualTo("2");
        }
    }

    private LabCloud start() {
        return GlueLabSupport.startPersistent(stateDir, LabCloudConfig.GlueWorkerMode.LAZY);
    }

    /** Advances the lab clock, which fires the schedule's timers; a scheduled run then holds the clock. */
    private static void advance(LabCloud cloud, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cloud.endpoint() + "/_lab/clock/advance"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":" + seconds + ",\"settleSeconds\":0.2}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
