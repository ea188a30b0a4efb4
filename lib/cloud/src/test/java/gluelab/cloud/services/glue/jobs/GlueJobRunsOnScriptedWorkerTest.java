package gluelab.cloud.services.glue.jobs;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.awaitEnd;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.awaitRuns;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.awaitState;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.JobBookmarkEntry;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.Logical;
import software.amazon.awssdk.services.glue.model.TriggerType;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Lab Cloud's side of the worker protocol, end to end against a real worker process: a scripted
 * stand-in ({@link ScriptedGlueWorker}) that speaks the protocol without Spark. The real worker's
 * own suites live in lib/cli (e2e) and lib/glue-worker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlueJobRunsOnScriptedWorkerTest {

    static {
        ScriptedGlueWorker.useAsTheGlueWorker();
    }

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults()
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.LAZY)).withGlueRoles();
    static GlueClient glue;

    @BeforeAll
    static void client() {
        glue = cloud.client(GlueClient.builder());
    }

    @AfterAll
    static void cleanUp() {
        glue.close();
        ScriptedGlueWorker.stopUsingAsTheGlueWorker();
    }

    @Test
    @Order(1)
    void aLazyWorkerStartsWithTheFirstRunAndIsReadyAfterIt() {
        assertThat(health()).isEqualTo("lazy");
        glue.createJob(sparkJob("first", "test.Succeeds").build());

        JobRun run = awaitEnd(glue, "first", glue.startJobRun(r -> r.jobName("first")).jobRunId());

        assertThat(run.jobRunState()).isEqualTo(JobRunState.SUCCEEDED);
        assertThat(health()).isEqualTo("ready");
    }

    @Test
    void aSucceedingRunEndsSucceededAndPublishesItsStateChange() {
        glue.createJob(sparkJob("ok", "test.Succeeds").build());

        String runId = glue.startJobRun(r -> r.jobName("ok")).jobRunId();
        JobRun run = awaitEnd(glue, "ok", runId);

        assertThat(run.jobRunState()).isEqualTo(JobRunState.SUCCEEDED);
        assertThat(run.errorMessage()).isNull();
        assertThat(run.completedOn()).isAfterOrEqualTo(run.startedOn());
        JsonNode detail = stateChange(runId);
        assertThat(detail.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(detail.path("severity").asText()).isEqualTo("INFO");
        assertThat(detail.path("message").asText()).isEqualTo("Job run succeeded");
    }

    @Test
    void aFailingRunCarriesTheJobsErrorMessage() {
        glue.createJob(sparkJob("bad", "test.Fails").build());

        JobRun run = awaitEnd(glue, "bad", glue.startJobRun(r -> r.jobName("bad")).jobRunId());

        assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(run.errorMessage()).isEqualTo("java.lang.IllegalStateException: boom");
    }

    @Test
    void maxConcurrentRunsRefusesAnotherRunWhileOneIsInFlight() {
        glue.createJob(sparkJob("single", "test.Sleeps").build());
        String first = glue.startJobRun(r -> r.jobName("single")).jobRunId();
        awaitState(glue, "single", first, Set.of(JobRunState.RUNNING));

        assertThatThrownBy(() -> glue.startJobRun(r -> r.jobName("single")))
                .isInstanceOfSatisfying(ConcurrentRunsExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Concurrent runs exceeded for single");
                });

        glue.batchStopJobRun(r -> r.jobName("single").jobRunIds(first));
        awaitEnd(glue, "single", first);
        String second = glue.startJobRun(r -> r.jobName("single")).jobRunId();
        glue.batchStopJobRun(r -> r.jobName("single").jobRunIds(second));
        assertThat(awaitEnd(glue, "single", second).jobRunState()).isEqualTo(JobRunState.STOPPED);
    }

    @Test
    void twoConcurrentRunsAreAllowedWhenTheJobSaysSo() {
        glue.createJob(sparkJob("pair", "test.Sleeps").executionProperty(p -> p.maxConcurrentRuns(2)).build());
        String a = glue.startJobRun(r -> r.jobName("pair")).jobRunId();
        String b = glue.startJobRun(r -> r.jobName("pair")).jobRunId();

        assertThatThrownBy(() -> glue.startJobRun(r -> r.jobName("pair"))).isInstanceOf(ConcurrentRunsExceededException.class);

        var stopped = glue.batchStopJobRun(r -> r.jobName("pair").jobRunIds(a, b));
        assertThat(stopped.successfulSubmissions()).hasSize(2);
        assertThat(awaitEnd(glue, "pair", a).jobRunState()).isEqualTo(JobRunState.STOPPED);
        assertThat(awaitEnd(glue, "pair", b).jobRunState()).isEqualTo(JobRunState.STOPPED);
    }

    @Test
    void batchStopJobRunEndsARunStoppedAndSaysSo() {
        glue.createJob(sparkJob("stoppable", "test.Sleeps").build());
        String runId = glue.startJobRun(r -> r.jobName("stoppable")).jobRunId();
        awaitState(glue, "stoppable", runId, Set.of(JobRunState.RUNNING));

        var answer = glue.batchStopJobRun(r -> r.jobName("stoppable").jobRunIds(runId));
        JobRun run = awaitEnd(glue, "stoppable", runId);

        assertThat(answer.successfulSubmissions()).extracting(s -> s.jobRunId()).containsExactly(runId);
        assertThat(answer.errors()).isEmpty();
        assertThat(run.jobRunState()).isEqualTo(JobRunState.STOPPED);
        assertThat(stateChange(runId).path("message").asText()).isEqualTo("Job run stopped");
    }

    @Test
    void aRunPastItsTimeoutEndsTimeoutWhenTheLabClockIsAdvanced() {
        glue.createJob(sparkJob("slow", "test.Sleeps").timeout(2).build());
        String runId = glue.startJobRun(r -> r.jobName("slow")).jobRunId();
        awaitState(glue, "slow", runId, Set.of(JobRunState.RUNNING));

        JsonNode advance = GlueLabSupport.advanceClock(cloud, Duration.ofMinutes(3));

        JobRun run = glue.getJobRun(r -> r.jobName("slow").runId(runId)).jobRun();
        assertThat(run.jobRunState()).isEqualTo(JobRunState.TIMEOUT);
        assertThat(run.errorMessage()).isEqualTo("Job run timed out");
        assertThat(Duration.between(run.startedOn(), run.completedOn())).isEqualTo(Duration.ofMinutes(2));
        assertThat(run.executionTime()).isEqualTo(120);
        List<String> fired = new ArrayList<>();
        advance.path("fired").forEach(f -> fired.add(f.path("name").asText() + " " + f.path("resource").asText()));
        assertThat(fired).contains("JobRunTimeout " + runId);
        JsonNode detail = stateChange(runId);
        assertThat(detail.path("severity").asText()).isEqualTo("WARN");
        assertThat(detail.path("message").asText()).isEqualTo("Job run timed out");
        GlueLabSupport.sleep(300);
        assertThat(glue.getJobRun(r -> r.jobName("slow").runId(runId)).jobRun().jobRunState())
                .as("the worker's late report that it stopped changes nothing").isEqualTo(JobRunState.TIMEOUT);
    }

    @Test
    void theRunCommandCarriesGluesArgumentsTheJarsTheBookmarkAndCredentialsForTheJobsRole() throws Exception {
        glue.createJob(sparkJob("echo", "test.EchoesCommand")
                .defaultArguments(Map.of("--class", "test.EchoesCommand", "--extra-jars",
                        "s3://lab-libs/poi.jar,s3://lab-libs/commons.jar", "--user-jars-first", "true",
                        "--mode", "default", "--pinned", "job"))
                .nonOverridableArguments(Map.of("--pinned", "job"))
                .build());

        String runId = glue.startJobRun(r -> r.jobName("echo")
                .arguments(Map.of("--mode", "override", "--pinned", "run", "--input_key", "raw/a.csv"))).jobRunId();
        JsonNode command = Json.MAPPER.readTree(awaitEnd(glue, "echo", runId).errorMessage());

        assertThat(command.path("op").asText()).isEqualTo("run");
        assertThat(command.path("runId").asText()).isEqualTo(runId);
        assertThat(command.path("jobName").asText()).isEqualTo("echo");
        assertThat(command.path("attempt").asInt()).isZero();
        assertThat(command.path("className").asText()).isEqualTo("test.EchoesCommand");
        assertThat(texts(command.path("jars"))).containsExactly("s3://lab-jobs/echo.jar", "s3://lab-libs/poi.jar",
                "s3://lab-libs/commons.jar");
        assertThat(command.path("userJarsFirst").asBoolean()).isTrue();
        List<String> args = texts(command.path("args"));
        assertThat(args.subList(0, 10)).containsExactly(
                "--JOB_ID", JobArguments.jobId(new gluelab.cloud.provider.Scope("000000000000", "us-east-1"), "echo"),
                "--JOB_RUN_ID", runId,
                "--JOB_NAME", "echo",
                "--job-bookmark-option", "job-bookmark-disable",
                "--TempDir", "s3://aws-glue-assets-000000000000-us-east-1/temporary/");
        assertThat(pairs(args.subList(10, args.size()))).containsExactly(
                Map.entry("--class", "test.EchoesCommand"),
                Map.entry("--extra-jars", "s3://lab-libs/poi.jar,s3://lab-libs/commons.jar"),
                Map.entry("--input_key", "raw/a.csv"),
                Map.entry("--mode", "override"),
                Map.entry("--pinned", "job"),
                Map.entry("--user-jars-first", "true"));
        assertThat(command.path("bookmark").path("option").asText()).isEqualTo("job-bookmark-disable");
        assertThat(command.path("bookmark").path("state").isNull()).isTrue();
        JsonNode aws = command.path("aws");
        assertThat(aws.path("endpoint").asText()).isEqualTo(cloud.endpoint().toString());
        assertThat(aws.path("region").asText()).isEqualTo("us-east-1");
        assertThat(aws.path("accessKeyId").asText()).startsWith("ASIA");
        AwsSessionCredentials session = AwsSessionCredentials.create(aws.path("accessKeyId").asText(),
                aws.path("secretAccessKey").asText(), aws.path("sessionToken").asText());
        try (StsClient sts = cloud.client(StsClient.builder(), StaticCredentialsProvider.create(session))) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::000000000000:assumed-role/GlueLabJobRole/GlueJobRunnerSession");
        }
    }

    @Test
    void bookmarksAreCommittedOnlyBySucceededRunsAndResetMakesTheNextRunStartOver() {
        glue.createJob(sparkJob("marks", "test.CountsBookmark")
                .defaultArguments(Map.of("--class", "test.CountsBookmark", "--job-bookmark-option", "job-bookmark-enable"))
                .build());
        assertThatThrownBy(() -> glue.getJobBookmark(r -> r.jobName("marks")))
                .isInstanceOfSatisfying(EntityNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Continuation for job marks not found"));

        String run1 = awaitEnd(glue, "marks", glue.startJobRun(r -> r.jobName("marks")).jobRunId()).id();
        String run2 = awaitEnd(glue, "marks", glue.startJobRun(r -> r.jobName("marks")).jobRunId()).id();
        JobRun failed = awaitEnd(glue, "marks", glue.startJobRun(r -> r.jobName("marks")
                .arguments(Map.of("--fail", "true"))).jobRunId());

        assertThat(failed.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("failed after reading bookmark 2");
        JobBookmarkEntry entry = glue.getJobBookmark(r -> r.jobName("marks")).jobBookmarkEntry();
        assertThat(entry.jobName()).isEqualTo("marks");
        assertThat(entry.jobBookmark()).isEqualTo("2");
        assertThat(entry.runId()).isEqualTo(run2);
        assertThat(entry.previousRunId()).isEqualTo(run1);
        assertThat(entry.run()).isEqualTo(2);
        assertThat(entry.version()).isEqualTo(2);
        assertThat(glue.getJobBookmark(r -> r.jobName("marks").runId(run1)).jobBookmarkEntry().jobBookmark()).isEqualTo("1");

        JobBookmarkEntry reset = glue.resetJobBookmark(r -> r.jobName("marks")).jobBookmarkEntry();
        assertThat(reset.jobBookmark()).isNull();
        assertThat(reset.version()).isEqualTo(3);
        awaitEnd(glue, "marks", glue.startJobRun(r -> r.jobName("marks")).jobRunId());
        assertThat(glue.getJobBookmark(r -> r.jobName("marks")).jobBookmarkEntry().jobBookmark()).isEqualTo("1");

        glue.resetJobBookmark(r -> r.jobName("marks").runId(run2));
        assertThat(glue.getJobBookmark(r -> r.jobName("marks")).jobBookmarkEntry().jobBookmark())
                .as("rewound to what run 2 committed").isEqualTo("2");
    }

    @Test
    void aJobWithBookmarksDisabledCommitsNone() {
        glue.createJob(sparkJob("nomarks", "test.CountsBookmark").build());

        awaitEnd(glue, "nomarks", glue.startJobRun(r -> r.jobName("nomarks")).jobRunId());

        assertThatThrownBy(() -> glue.getJobBookmark(r -> r.jobName("nomarks"))).isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void aWorkerThatDiesFailsTheRunsItHeldAndTheNextRunStartsANewWorker() {
        glue.createJob(sparkJob("crash", "test.ExitsWorker").build());
        glue.createJob(sparkJob("after-crash", "test.Succeeds").build());

        JobRun crashed = awaitEnd(glue, "crash", glue.startJobRun(r -> r.jobName("crash")).jobRunId());

        assertThat(crashed.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(crashed.errorMessage()).startsWith("The Glue worker process exited (code 3) while this run was in flight")
                .contains("its last words: java.lang.RuntimeException: the worker is going down");
        JobRun next = awaitEnd(glue, "after-crash", glue.startJobRun(r -> r.jobName("after-crash")).jobRunId());
        assertThat(next.jobRunState()).isEqualTo(JobRunState.SUCCEEDED);
        assertThat(health()).isEqualTo("ready");
    }

    @Test
    void anOnDemandTriggerStartsItsJobsWithTheTriggerNameAndTheActionsArguments() {
        glue.createJob(sparkJob("on-demand-job", "test.Succeeds").build());
        glue.createTrigger(r -> r.name("on-demand").type(TriggerType.ON_DEMAND)
                .actions(a -> a.jobName("on-demand-job").arguments(Map.of("--source", "trigger")).timeout(30)));

        glue.startTrigger(r -> r.name("on-demand"));
        JobRun run = awaitRuns(glue, "on-demand-job", 1).get(0);

        assertThat(run.triggerName()).isEqualTo("on-demand");
        assertThat(run.arguments()).containsEntry("--source", "trigger");
        assertThat(run.timeout()).isEqualTo(30);
        assertThat(run.jobRunState()).isEqualTo(JobRunState.SUCCEEDED);
        assertThat(glue.getTrigger(r -> r.name("on-demand")).trigger().stateAsString()).isEqualTo("CREATED");
    }

    @Test
    void aConditionalTriggerStartsTheNextJobOnlyWhenTheWatchedJobSucceeds() {
        glue.createJob(sparkJob("stage-a", "test.Succeeds").build());
        glue.createJob(sparkJob("stage-a-bad", "test.Fails").build());
        glue.createJob(sparkJob("stage-b", "test.Succeeds").build());
        glue.createTrigger(r -> r.name("a-then-b").type(TriggerType.CONDITIONAL).startOnCreation(true)
                .predicate(p -> p.conditions(c -> c.jobName("stage-a").state("SUCCEEDED"),
                        c -> c.jobName("stage-a-bad").state("SUCCEEDED")).logical(Logical.ANY))
                .actions(a -> a.jobName("stage-b")));

        awaitEnd(glue, "stage-a-bad", glue.startJobRun(r -> r.jobName("stage-a-bad")).jobRunId());
        GlueLabSupport.sleep(300);
        assertThat(glue.getJobRuns(r -> r.jobName("stage-b")).jobRuns()).as("a failed run starts nothing").isEmpty();

        JobRun a = awaitEnd(glue, "stage-a", glue.startJobRun(r -> r.jobName("stage-a")).jobRunId());
        JobRun b = awaitRuns(glue, "stage-b", 1).get(0);

        assertThat(b.triggerName()).isEqualTo("a-then-b");
        assertThat(b.startedOn()).isAfterOrEqualTo(a.completedOn());
    }

    @Test
    void anAndPredicateWaitsForEveryWatchedJob() {
        glue.createJob(sparkJob("left", "test.Succeeds").build());
        glue.createJob(sparkJob("right", "test.Succeeds").build());
        glue.createJob(sparkJob("join", "test.Succeeds").build());
        glue.createTrigger(r -> r.name("both").type(TriggerType.CONDITIONAL).startOnCreation(true)
                .predicate(p -> p.logical(Logical.AND).conditions(c -> c.jobName("left").state("SUCCEEDED"),
                        c -> c.jobName("right").state("SUCCEEDED")))
                .actions(a -> a.jobName("join")));

        awaitEnd(glue, "left", glue.startJobRun(r -> r.jobName("left")).jobRunId());
        GlueLabSupport.sleep(300);
        assertThat(glue.getJobRuns(r -> r.jobName("join")).jobRuns()).isEmpty();
        awaitEnd(glue, "right", glue.startJobRun(r -> r.jobName("right")).jobRunId());

        assertThat(awaitRuns(glue, "join", 1)).hasSize(1);
        GlueLabSupport.sleep(300);
        assertThat(glue.getJobRuns(r -> r.jobName("join")).jobRuns()).as("it fired once").hasSize(1);
    }

    @Test
    void aResetWithAPrefixRemovesThoseJobsAndStopsTheirRuns() {
        glue.createJob(sparkJob("reset-me", "test.Sleeps").build());
        glue.createJob(sparkJob("keep-me", "test.Succeeds").build());
        String runId = glue.startJobRun(r -> r.jobName("reset-me")).jobRunId();
        awaitState(glue, "reset-me", runId, Set.of(JobRunState.RUNNING));

        JsonNode answer = GlueLabSupport.json(cloud.http(cloud.request("/_lab/reset?prefix=reset-")
                .POST(HttpRequest.BodyPublishers.noBody())));

        assertThat(answer.path("removed").path("glue").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> glue.getJob(r -> r.jobName("reset-me"))).isInstanceOf(EntityNotFoundException.class);
        assertThat(glue.getJob(r -> r.jobName("keep-me")).job().name()).isEqualTo("keep-me");
        assertThat(cloud.cloud().platform().activity().awaitIdle(Duration.ofSeconds(5)))
                .as("the removed run no longer holds the clock").isTrue();
    }

    private static String health() {
        return GlueLabSupport.get(cloud, "/_lab/health").path("glueWorker").asText();
    }

    private static JsonNode stateChange(String runId) {
        return GlueLabSupport.glueEvents(cloud).stream()
                .filter(e -> runId.equals(e.path("detail").path("jobRunId").asText()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("No Glue Job State Change for " + runId))
                .path("detail");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Map.Entry<String, String>> pairs(List<String> args) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            out.add(Map.entry(args.get(i), args.get(i + 1)));
        }
        return out;
    }
}
