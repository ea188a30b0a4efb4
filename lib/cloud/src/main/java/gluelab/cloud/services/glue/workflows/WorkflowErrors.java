package gluelab.cloud.services.glue.workflows;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.services.glue.GlueErrors;

/** The errors of workflows and their runs, with the codes of the Glue model. */
public final class WorkflowErrors {

    private WorkflowErrors() {
    }

    public static AwsServiceException workflowNotFound(String name) {
        return GlueErrors.entityNotFound("Workflow with name: " + name + " not found.");
    }

    static AwsServiceException runNotFound(String workflowName, String runId) {
        return GlueErrors.entityNotFound("Workflow run with id: " + runId + " not found for workflow " + workflowName + ".");
    }

    static AwsServiceException illegalState(String message) {
        return new AwsServiceException("IllegalWorkflowStateException", message, 400);
    }
}
