package gluelab.cloud.services.glue.triggers;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * Which workflow run a job run belongs to. Glue passes it to the job as the arguments {@code --WORKFLOW_NAME} and
 * {@code --WORKFLOW_RUN_ID}, and they stay on the run, so a run's own arguments say which workflow run it is part of.
 */
public record WorkflowRunContext(String workflowName, String workflowRunId) {

    public static final String WORKFLOW_NAME = "--WORKFLOW_NAME";
    public static final String WORKFLOW_RUN_ID = "--WORKFLOW_RUN_ID";

    /** The workflow run a job run was started in, if any. */
    public static Optional<WorkflowRunContext> of(JobRun run) {
        if (!run.hasArguments() || run.arguments().get(WORKFLOW_RUN_ID) == null) {
            return Optional.empty();
        }
        return Optional.of(new WorkflowRunContext(run.arguments().get(WORKFLOW_NAME), run.arguments().get(WORKFLOW_RUN_ID)));
    }

    /** An action's arguments with this run's two added (they win over an action's own, as Glue sets them). */
    Map<String, String> addedTo(Map<String, String> arguments) {
        Map<String, String> with = new HashMap<>(arguments == null ? Map.of() : arguments);
        with.put(WORKFLOW_NAME, workflowName);
        with.put(WORKFLOW_RUN_ID, workflowRunId);
        return with;
    }
}
