package gluelab.cloud.services.states;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.services.glue.jobs.ScriptedGlueWorker;
import gluelab.cloud.services.glue.worker.WorkerClasspath;
import gluelab.cloud.services.glue.worker.WorkerCommandLine;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Task states that start Glue job runs and other executions, as on AWS: {@code glue:startJobRun} answers with the
 * run's id; {@code .sync} waits for the real run (on a scripted worker that speaks the worker protocol without
 * Spark) and answers with the JobRun, or fails with States.TaskFailed and the run as the cause;
 * {@code states:startExecution.sync} and {@code .sync:2} wait for a child execution; TimeoutSeconds ends a wait on
 * the lab clock and stops what it waited for.
 */
class GlueAndNestedTasksTest {

    static {
        System.setProperty(WorkerClasspath.PROPERTY, System.getProperty("java.class.path"));
        System.setProperty(WorkerCommandLine.MAIN_PROPERTY, ScriptedGlueWorker.class.getName());
        System.setProperty(WorkerCommandLine.XMX_PROPERTY, "64m");
    }

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults()
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.LAZY)).withGlueRoles();

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void cleanUp() {
        System.clearProperty(WorkerClasspath.PROPERTY);
        System.clearProperty(WorkerCommandLine.MAIN_PROPERTY);
        System.clearProperty(WorkerCommandLine.XMX_PROPERTY);
    }

    private static String orchestrator() {
        return StepFunctionsFixture.role(cloud, "sfn-orchestrator", "glue:StartJobRun", "glue:GetJobRun",
                "glue:BatchStopJobRun", "states:StartExecution", "states:DescribeExecution", "states:StopExecution");
    }

    private static String syncJob(String job) {
        return """
                {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun.sync",\
                "Parameters":{"JobName":"%s","Arguments":{"--day.$":"$.day"}},"End":true}}}""".formatted(job);
    }

    @Test
    void startJobRunAnswersWithTheRunsId() throws Exception {
        try (GlueClient glue = cloud.client(GlueClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            glue.createJob(sparkJob("sfn-start", "test.Succeeds").build());
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, orchestrator(), """
                    {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun",\
                    "Parameters":{"JobName":"sfn-start"},"End":true}}}""", "{}");
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            String runId = JSON.readTree(done.output()).path("JobRunId").asText();
            assertThat(runId).startsWith("jr_");
            assertThat(glue.getJobRun(r -> r.jobName("sfn-start").runId(runId)).jobRun().id()).isEqualTo(runId);
        }
    }

    @Test
    void aSyncJobRunAnswersWithTheFinishedJobRun() throws Exception {
        try (GlueClient glue = cloud.client(GlueClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            glue.createJob(sparkJob("sfn-sync", "test.Succeeds").build());
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, orchestrator(), syncJob("sfn-sync"),
                    "{\"day\":\"2026-12-07\"}");
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode run = JSON.readTree(done.output());
            assertThat(run.path("JobName").asText()).isEqualTo("sfn-sync");
            assertThat(run.path("JobRunState").asText()).isEqualTo("SUCCEEDED");
            assertThat(run.path("Arguments").path("--day").asText()).isEqualTo("2026-12-07");
            JobRun real = glue.getJobRun(r -> r.jobName("sfn-sync").runId(run.path("Id").asText())).jobRun();
            assertThat(real.jobRunStateAsString()).isEqualTo("SUCCEEDED");
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(done.executionArn())).events())
                    .extracting(HistoryEvent::typeAsString).containsSubsequence("TaskScheduled", "TaskStarted",
                            "TaskSubmitted", "TaskSucceeded");
        }
    }

    @Test
    void aFailedSyncJobRunFailsTheTaskWithStatesTaskFailedAndTheRunAsCause() throws Exception {
        try (GlueClient glue = cloud.client(GlueClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            glue.createJob(sparkJob("sfn-fails", "test.Fails").build());
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, orchestrator(), syncJob("sfn-fails"),
                    "{\"day\":\"d\"}");
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("States.TaskFailed");
            JsonNode cause = JSON.readTree(done.cause());
            assertThat(cause.path("JobRunState").asText()).isEqualTo("FAILED");
            assertThat(cause.path("ErrorMessage").asText()).isEqualTo("java.lang.IllegalStateException: boom");
        }
    }

    @Test
    void aSyncJobRunThatTimesOutFailsTheTaskWithTheTimedOutRunAsCause() throws Exception {
        try (GlueClient glue = cloud.client(GlueClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            glue.createJob(sparkJob("sfn-job-timeout", "test.Sleeps").timeout(1).build());
            String machine = StepFunctionsFixture.machine(sfn, orchestrator(), syncJob("sfn-job-timeout"));
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"day\":\"d\"}"))
                    .executionArn();
            awaitRun(glue, "sfn-job-timeout");
            LabAdmin.advanceClock(cloud, Duration.ofMinutes(2));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("States.TaskFailed");
            JsonNode cause = JSON.readTree(done.cause());
            assertThat(cause.path("JobRunState").asText()).isEqualTo("TIMEOUT");
            assertThat(cause.path("JobName").asText()).isEqualTo("sfn-job-timeout");
        }
    }

    @Test
    void aSyncJobRunStoppedOutsideTheExecutionFailsTheTaskWithTheStoppedRunAsCause() throws Exception {
        try (GlueClient glue = cloud.client(GlueClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            glue.createJob(sparkJob("sfn-job-stopped", "test.Sleeps").build());
            String machine = StepFunctionsFixture.machine(sfn, orchestrator(), syncJob("sfn-job-stopped"));
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"day\":\"d\"}"))
                    .executionArn();
            String runId = awaitRun(glue, "sfn-job-stopped");
            gluelab.cloud.services.glue.jobs.GlueLabSupport.awaitState(glue, "sfn-job-stopped", runId,
                    java.util.Set.of(software.amazon.awssdk.services.glue.model.JobRunState.RUNNING));
            glue.batchStopJobRun(r -> r.jobName("sfn-job-stopped").jobRunIds(runId));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("States.TaskFailed");
            assertThat(JSON.readTree(done.cause()).path("JobRunState").asText()).isEqualTo("STOPPED");
        }
    }

    @Test
    void aGlueErrorIsNamedGlueAndTheException() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, orchestrator(), syncJob("no-such-job"),
                    "{\"day\":\"d\"}");
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("Glue.EntityNotFoundException");
        }
    }

    @Test
    void aTimedOutSyncTaskFailsWithStatesTimeoutOnTheLabClockAndStopsTheRun() throws Exception {
        try (GlueClient glue = cloud.client(GlueClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            glue.createJob(sparkJob("sfn-sleeps", "test.Sleeps").build());
            String machine = StepFunctionsFixture.machine(sfn, orchestrator(), syncJob("sfn-sleeps")
                    .replace("\"End\":true", "\"TimeoutSeconds\":600,\"End\":true"));
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"day\":\"d\"}"))
                    .executionArn();
            String runId = awaitRun(glue, "sfn-sleeps");
            LabAdmin.advanceClock(cloud, Duration.ofMinutes(11));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("States.Timeout");
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution)).events())
                    .extracting(HistoryEvent::typeAsString).contains("TaskTimedOut");
            JobRun run = gluelab.cloud.services.glue.jobs.GlueLabSupport.awaitEnd(glue, "sfn-sleeps", runId);
            assertThat(run.jobRunStateAsString()).isEqualTo("STOPPED");
        }
    }

    @Test
    void aNestedExecutionSync2AnswersWithTheChildsOutputAsJsonAndSyncAsText() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String role = orchestrator();
            String child = StepFunctionsFixture.machine(sfn, role, """
                    {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"got.$":"$.x"},"End":true}}}""");
            for (String pattern : List.of(".sync:2", ".sync")) {
                DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, role, """
                        {"StartAt":"Child","States":{"Child":{"Type":"Task",\
                        "Resource":"arn:aws:states:::states:startExecution%s",\
                        "Parameters":{"StateMachineArn":"%s","Input":{"x.$":"$.value"}},"End":true}}}"""
                        .formatted(pattern, child), "{\"value\":3}");
                assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
                JsonNode output = JSON.readTree(done.output());
                assertThat(output.path("Status").asText()).isEqualTo("SUCCEEDED");
                JsonNode childOutput = pattern.equals(".sync") ? JSON.readTree(output.path("Output").asText())
                        : output.path("Output");
                assertThat(childOutput).isEqualTo(JSON.readTree("{\"got\":3}"));
            }
        }
    }

    @Test
    void aFailedChildFailsTheParentTaskAndStoppingTheParentStopsTheChild() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String role = orchestrator();
            String failing = StepFunctionsFixture.machine(sfn, role, """
                    {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"ChildBroke","Cause":"inner"}}}""");
            DescribeExecutionResponse failed = StepFunctionsFixture.run(sfn, role, parentOf(".sync:2", failing), "{}");
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.error()).isEqualTo("States.TaskFailed");
            assertThat(JSON.readTree(failed.cause()).path("Error").asText()).isEqualTo("ChildBroke");

            String waiting = StepFunctionsFixture.machine(sfn, role, """
                    {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");
            String parentMachine = StepFunctionsFixture.machine(sfn, role, parentOf(".sync", waiting));
            String parent = sfn.startExecution(r -> r.stateMachineArn(parentMachine)).executionArn();
            String childExecution = awaitExecution(sfn, waiting);
            sfn.stopExecution(r -> r.executionArn(parent));
            DescribeExecutionResponse child = StepFunctionsFixture.finished(sfn, childExecution);
            assertThat(child.status()).isEqualTo(ExecutionStatus.ABORTED);
        }
    }

    @Test
    void aChildThatTimesOutOrIsAbortedFailsTheSyncTaskWithItsDescriptionAsCause() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String role = orchestrator();
            String timesOut = StepFunctionsFixture.machine(sfn, role, """
                    {"StartAt":"W","TimeoutSeconds":60,"States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");
            String parentOfTimeout = StepFunctionsFixture.machine(sfn, role, parentOf(".sync:2", timesOut));
            String parent = sfn.startExecution(r -> r.stateMachineArn(parentOfTimeout)).executionArn();
            awaitExecution(sfn, timesOut);
            LabAdmin.advanceClock(cloud, Duration.ofMinutes(2));
            DescribeExecutionResponse timedOut = StepFunctionsFixture.finished(sfn, parent);
            assertThat(timedOut.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(timedOut.error()).isEqualTo("States.TaskFailed");
            assertThat(JSON.readTree(timedOut.cause()).path("Status").asText()).isEqualTo("TIMED_OUT");

            String waits = StepFunctionsFixture.machine(sfn, role, """
                    {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");
            String parentOfAborted = StepFunctionsFixture.machine(sfn, role, parentOf(".sync", waits));
            String second = sfn.startExecution(r -> r.stateMachineArn(parentOfAborted)).executionArn();
            String child = awaitExecution(sfn, waits);
            sfn.stopExecution(r -> r.executionArn(child).error("Operator").cause("stopped by hand"));
            DescribeExecutionResponse aborted = StepFunctionsFixture.finished(sfn, second);
            assertThat(aborted.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(aborted.error()).isEqualTo("States.TaskFailed");
            JsonNode cause = JSON.readTree(aborted.cause());
            assertThat(cause.path("Status").asText()).isEqualTo("ABORTED");
            assertThat(cause.path("Error").asText()).isEqualTo("Operator");
        }
    }

    /** A machine whose one Task starts {@code child} with {@code pattern} ({@code .sync}, {@code .sync:2}). */
    private static String parentOf(String pattern, String child) {
        return """
                {"StartAt":"Child","States":{"Child":{"Type":"Task",\
                "Resource":"arn:aws:states:::states:startExecution%s",\
                "Parameters":{"StateMachineArn":"%s"},"End":true}}}""".formatted(pattern, child);
    }

    private static String awaitRun(GlueClient glue, String job) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            var runs = glue.getJobRuns(r -> r.jobName(job)).jobRuns();
            if (!runs.isEmpty()) {
                return runs.get(0).id();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no run of " + job);
    }

    private static String awaitExecution(SfnClient sfn, String machine) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            List<ExecutionListItem> executions = sfn.listExecutions(r -> r.stateMachineArn(machine)).executions();
            if (!executions.isEmpty()) {
                return executions.get(0).executionArn();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no execution of " + machine);
    }
}
