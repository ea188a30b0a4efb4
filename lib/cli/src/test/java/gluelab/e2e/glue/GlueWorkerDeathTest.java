package gluelab.e2e.glue;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.e2e.LabCloudWithWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;

/**
 * The Glue worker's JVM dying under a run, killed from outside as {@code kill -9} does: the run it held fails
 * saying what happened, Lab Cloud answers on, and a new worker is warmed at once, so the next run finds one.
 * (A job's own {@code System.exit} or OutOfMemoryError does not end the worker: {@link GlueJobsEndToEndTest}.)
 */
class GlueWorkerDeathTest {

    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @RegisterExtension
    static RunningLabCloud cloud = LabCloudWithWorker.shared();
    static GlueJobRuns glue;
    static String jobJar;

    @BeforeAll
    static void uploadTheJobJar() {
        glue = new GlueJobRuns(cloud);
        glue.createBuckets("death-jobs");
        jobJar = glue.uploadJobJar("death-jobs", LabJobs.jar());
    }

    @AfterAll
    static void closeClients() {
        glue.close();
    }

    @Test
    void aWorkerKilledWithSigkillFailsTheRunItHeldSayingSoAndTheNextRunFindsAFreshWarmWorker() throws Exception {
        glue.createJob("death-victim", jobJar, "labtest.NamesItsWorker", Map.of("--sleep_seconds", "600"));
        glue.createJob("death-next", jobJar, "labtest.NamesItsWorker", Map.of());
        String victim = glue.start("death-victim", Map.of());
        glue.awaitState("death-victim", victim, Set.of(JobRunState.RUNNING));
        long killed = workerPid(victim);

        ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // kill -9: SIGKILL on Linux

        JobRun failed = glue.awaitEnd("death-victim", victim);
        assertThat(failed.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(failed.errorMessage())
                .startsWith("The Glue worker process was killed by signal 9 (SIGKILL) while this run was in flight")
                .contains("Lab Cloud starts a new worker for the next run");
        awaitWorkerReady();
        JobRun next = glue.succeed("death-next", Map.of());
        assertThat(workerPid(next.id())).as("the next run's worker").isNotEqualTo(killed);
    }

    /** The pid the run printed: the worker JVM it runs in. */
    private static long workerPid(String runId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> output = List.of();
        while (System.nanoTime() < deadline) {
            try {
                output = glue.output(runId);
            } catch (ResourceNotFoundException notYet) {
                // The run has printed nothing yet.
            }
            for (String line : output) {
                if (line.startsWith("worker pid ")) {
                    return Long.parseLong(line.substring("worker pid ".length()).trim());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " never printed its worker's pid: " + output);
    }

    /** Waits, without starting any run, until a worker is ready: the one started in place of the dead one. */
    private static void awaitWorkerReady() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String health = "";
        while (System.nanoTime() < deadline) {
            health = cloud.http(cloud.request("/_lab/health").GET()).body();
            if (health.contains("\"glueWorker\":\"ready\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no new Glue worker became ready within " + PATIENCE + ": " + health);
    }
}
