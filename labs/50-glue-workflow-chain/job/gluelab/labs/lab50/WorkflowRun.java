package gluelab.labs.lab50;

import gluelab.glue.util.RunClients;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The workflow run a job run belongs to. Glue starts every job of a workflow with {@code --WORKFLOW_NAME} and
 * {@code --WORKFLOW_RUN_ID}; the run's <em>properties</em> are a small key-value store that whoever started the run
 * filled ({@code StartWorkflowRun}'s {@code RunProperties}) and that each job may read and add to, with its role's
 * {@code glue:GetWorkflowRunProperties} and {@code glue:PutWorkflowRunProperties}.
 */
final class WorkflowRun {

    private final String workflow;
    private final String runId;

    WorkflowRun(Map<String, String> args) {
        this.workflow = args.get("WORKFLOW_NAME");
        this.runId = args.get("WORKFLOW_RUN_ID");
    }

    String id() {
        return runId;
    }

    /** This run's folder of one stage under {@code stagePath}: {@code <stagePath><stage>/<workflow run id>/}. */
    String folder(String stagePath, String stage) {
        return stagePath + stage + "/" + runId + "/";
    }

    /** A run property; the run fails, saying which, when it is missing. */
    String property(String name) {
        try (GlueClient glue = RunClients.glue()) {
            String value = glue.getWorkflowRunProperties(r -> r.name(workflow).runId(runId)).runProperties().get(name);
            if (value == null) {
                throw new IllegalStateException("Workflow run " + runId + " of " + workflow + " has no run property " + name);
            }
            return value;
        }
    }

    /** Adds a property to the run, for the jobs after this one and for whoever looks at the run. */
    void put(String name, String value) {
        try (GlueClient glue = RunClients.glue()) {
            glue.putWorkflowRunProperties(r -> r.name(workflow).runId(runId).runProperties(Map.of(name, value)));
        }
        System.out.println("run property " + name + " = " + value);
    }
}
