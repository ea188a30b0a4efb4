package gluelab.cloud.services.glue.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.services.glue.jobs.GlueLabSupport;
import gluelab.cloud.services.glue.jobs.ScriptedGlueWorker;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.NodeType;
import software.amazon.awssdk.services.glue.model.WorkflowRun;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;

/**
 * Workflows, their triggers and runs survive a restart; a run whose job run was in flight ends when that job run is
 * ended by the restart, and what waited for its success never runs.
 */
class GlueWorkflowsPersistenceTest {

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
    void aWorkflowItsRunsAndTheirPropertiesSurviveARestartAndARunCutShortCompletesWithItsFailure() {
        String finished;
        String cutShort;
        try (LabCloud cloud = start(); GlueClient glue = GlueLabSupport.client(cloud)) {
            GlueWorkflowsTest.chain(glue, "durable", "test.Succeeds", "test.Sleeps", "test.Succeeds");
            glue.updateTrigger(r -> r.name("durable-after-A").triggerUpdate(u -> u.actions(a -> a.jobName("durable-C"))));
            finished = glue.startWorkflowRun(r -> r.name("durable").runProperties(Map.of("batch", "1"))).runId();
            GlueWorkflowsTest.awaitEnd(glue, "durable", finished);
            glue.updateTrigger(r -> r.name("durable-after-A").triggerUpdate(u -> u.actions(a -> a.jobName("durable-B"))));
            cutShort = glue.startWorkflowRun(r -> r.name("durable").runProperties(Map.of("batch", "2"))).runId();
            String sleeping = GlueLabSupport.awaitStarted(glue, "durable-B", 1).get(0).id();
            GlueLabSupport.awaitState(glue, "durable-B", sleeping, Set.of(JobRunState.RUNNING));
        }

        try (LabCloud cloud = start(); GlueClient glue = GlueLabSupport.client(cloud)) {
            assertThat(glue.getWorkflow(r -> r.name("durable")).workflow().defaultRunProperties())
                    .containsEntry("source", "s3://lab/raw/");
            WorkflowRun before = glue.getWorkflowRun(r -> r.name("durable").runId(finished)).run();
            assertThat(before.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
            assertThat(before.statistics().succeededActions()).isEqualTo(2);
            assertThat(before.workflowRunProperties()).containsEntry("batch", "1");

            WorkflowRun interrupted = GlueWorkflowsTest.awaitEnd(glue, "durable", cutShort);
            assertThat(interrupted.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
            assertThat(interrupted.statistics().succeededActions()).isEqualTo(1);
            assertThat(interrupted.statistics().failedActions()).isEqualTo(1);
            assertThat(interrupted.workflowRunProperties()).containsEntry("batch", "2");
            assertThat(interrupted.graph().nodes().stream().filter(n -> n.type() == NodeType.JOB && n.name().equals("durable-C"))
                    .findFirst().orElseThrow().jobDetails().jobRuns()).isEmpty();
            assertThat(glue.getWorkflowRuns(r -> r.name("durable")).runs()).extracting(WorkflowRun::workflowRunId)
                    .containsExactly(cutShort, finished);
        }
    }

    private LabCloud start() {
        return GlueLabSupport.startPersistent(stateDir, LabCloudConfig.GlueWorkerMode.LAZY);
    }
}
