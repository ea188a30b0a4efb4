package gluelab.lab.glue;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.services.glue.jobs.ScriptedGlueWorker;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.svg.SvgDocuments;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Node;
import software.amazon.awssdk.services.glue.model.TriggerType;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;

/** A workflow run drawn from GetWorkflowRun's graph: each job coloured by its run, each trigger by its condition. */
class WorkflowRunGraphTest {

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
    void aChainWhoseMiddleJobFailsShowsTheFailedJobAndTheJobAfterItNeverRun() throws Exception {
        glue.createWorkflow(r -> r.name("abc"));
        glue.createJob(sparkJob("abc-A", "test.Succeeds").build());
        glue.createJob(sparkJob("abc-B", "test.Fails").build());
        glue.createJob(sparkJob("abc-C", "test.Succeeds").build());
        glue.createTrigger(r -> r.name("abc-start").workflowName("abc").type(TriggerType.ON_DEMAND)
                .actions(a -> a.jobName("abc-A")));
        glue.createTrigger(r -> r.name("abc-after-A").workflowName("abc").type(TriggerType.CONDITIONAL)
                .startOnCreation(true).predicate(p -> p.conditions(c -> c.jobName("abc-A").state("SUCCEEDED")))
                .actions(a -> a.jobName("abc-B")));
        glue.createTrigger(r -> r.name("abc-after-B").workflowName("abc").type(TriggerType.CONDITIONAL)
                .startOnCreation(true).predicate(p -> p.conditions(c -> c.jobName("abc-B").state("SUCCEEDED")))
                .actions(a -> a.jobName("abc-C")));
        String runId = glue.startWorkflowRun(r -> r.name("abc")).runId();
        awaitEnd("abc", runId);

        WorkflowRunGraph graph = WorkflowRunGraph.of(glue, "abc", runId);

        Map<String, String> states = new java.util.HashMap<>();
        for (Node node : graph.run().graph().nodes()) {
            states.put(node.name(), graph.stateOf(node));
        }
        assertThat(states).containsEntry("abc-A", "SUCCEEDED").containsEntry("abc-B", "FAILED")
                .containsEntry("abc-C", "NOT_RUN").containsEntry("abc-after-B", "CONDITIONAL");
        String texts = SvgDocuments.texts(SvgDocuments.parse(graph.svg()));
        assertThat(texts).contains("abc-A", "abc-B", "abc-C", "FAILED", "on abc-A SUCCEEDED", "1 failed");
        assertThat(graph.toString()).contains("JOB abc-B: FAILED", "TRIGGER abc-after-A: CONDITIONAL on abc-A SUCCEEDED");
    }

    private static void awaitEnd(String workflow, String runId) throws InterruptedException {
        Set<WorkflowRunStatus> ended = Set.of(WorkflowRunStatus.COMPLETED, WorkflowRunStatus.STOPPED,
                WorkflowRunStatus.ERROR);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ended.contains(glue.getWorkflowRun(r -> r.name(workflow).runId(runId)).run().status())
                && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
    }
}
