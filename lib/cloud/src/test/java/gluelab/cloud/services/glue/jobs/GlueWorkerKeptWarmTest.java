package gluelab.cloud.services.glue.jobs;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.awaitEnd;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.services.glue.worker.WorkerClasspath;
import gluelab.cloud.services.glue.worker.WorkerCommandLine;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;

/**
 * With the worker EAGER (Lab Cloud's default) a worker is kept warm: started with Lab Cloud, and started again at
 * once when one that was ready dies, so the run after a crash does not wait for a cold start. Against a real
 * worker process, the scripted stand-in ({@link ScriptedGlueWorker}); the real worker's death is specified in
 * lib/cli's {@code GlueWorkerDeathTest}.
 */
class GlueWorkerKeptWarmTest {

    static {
        System.setProperty(WorkerClasspath.PROPERTY, System.getProperty("java.class.path"));
        System.setProperty(WorkerCommandLine.MAIN_PROPERTY, ScriptedGlueWorker.class.getName());
        System.setProperty(WorkerCommandLine.XMX_PROPERTY, "64m");
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults()
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER)).withGlueRoles();
    static GlueClient glue;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void clients() {
        glue = cloud.client(GlueClient.builder());
        logs = cloud.client(CloudWatchLogsClient.builder());
    }

    @AfterAll
    static void cleanUp() {
        glue.close();
        logs.close();
        System.clearProperty(WorkerClasspath.PROPERTY);
        System.clearProperty(WorkerCommandLine.MAIN_PROPERTY);
        System.clearProperty(WorkerCommandLine.XMX_PROPERTY);
    }

    @Test
    void aWorkerKilledWithSigkillFailsTheRunItHeldAndAnotherIsReadyBeforeAnyRunAsksForIt() throws Exception {
        awaitWorkerReady();
        glue.createJob(sparkJob("held", "test.NamesItsWorker").build());
        String held = glue.startJobRun(r -> r.jobName("held")).jobRunId();
        long killed = workerPid(held);

        ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // kill -9: SIGKILL on Linux

        JobRun failed = awaitEnd(glue, "held", held);
        assertThat(failed.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(failed.errorMessage())
                .startsWith("The Glue worker process was killed by signal 9 (SIGKILL) while this run was in flight")
                .contains("Lab Cloud starts a new worker for the next run (worker log: ");
        assertThat(logs.getLogEvents(r -> r.logGroupName("/aws-glue/jobs/error").logStreamName(held).startFromHead(true))
                .events()).as("the run's error log says why it failed").extracting(OutputLogEvent::message)
                .contains(failed.errorMessage());
        awaitWorkerReady();
        String next = glue.startJobRun(r -> r.jobName("held")).jobRunId();
        assertThat(workerPid(next)).as("the next run's worker").isNotEqualTo(killed);
        glue.batchStopJobRun(r -> r.jobName("held").jobRunIds(next));
        assertThat(awaitEnd(glue, "held", next).jobRunState()).isEqualTo(JobRunState.STOPPED);
    }

    @Test
    void aWorkerThatExitsOnItsOwnIsReplacedAtOnceToo() {
        awaitWorkerReady();
        glue.createJob(sparkJob("exits", "test.ExitsWorker").build());
        glue.createJob(sparkJob("after-exit", "test.Succeeds").build());

        JobRun crashed = awaitEnd(glue, "exits", glue.startJobRun(r -> r.jobName("exits")).jobRunId());

        assertThat(crashed.errorMessage()).startsWith("The Glue worker process exited (code 3) while this run was in flight");
        awaitWorkerReady();
        String next = glue.startJobRun(r -> r.jobName("after-exit")).jobRunId();
        assertThat(awaitEnd(glue, "after-exit", next).jobRunState()).isEqualTo(JobRunState.SUCCEEDED);
    }

    /** The pid the run logged to its driver output: the worker process it runs in. */
    private static long workerPid(String runId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> output = List.of();
        while (System.nanoTime() < deadline) {
            try {
                output = logs.getLogEvents(r -> r.logGroupName("/aws-glue/jobs/output").logStreamName(runId)
                        .startFromHead(true)).events().stream().map(OutputLogEvent::message).toList();
            } catch (ResourceNotFoundException notYet) {
                // The run has not logged yet.
            }
            for (String line : output) {
                if (line.startsWith("worker pid ")) {
                    return Long.parseLong(line.substring("worker pid ".length()).trim());
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("run " + runId + " never logged its worker's pid: " + output);
    }

    /** Waits, starting no run, until a worker is ready. */
    private static void awaitWorkerReady() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            status = GlueLabSupport.get(cloud, "/_lab/health").path("glueWorker").asText();
            if (status.equals("ready")) {
                return;
            }
            GlueLabSupport.sleep(25);
        }
        throw new AssertionError("no Glue worker became ready within " + PATIENCE + "; it is " + status);
    }
}
