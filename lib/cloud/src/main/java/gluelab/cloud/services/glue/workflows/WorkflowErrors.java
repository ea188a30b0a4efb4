package gluelab.cloud.services.glue.workflows;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.services.glue.GlueErrors;

/** The errors of workflows and their runs, with the codes of the Glue model. */
final class WorkflowErrors {

    private WorkflowErrors() {
    }

    static AwsServiceException runNotFound(String workflowName, String runId) {
        return GlueErrors.entityNotFound("Workflow run with id: " + runId + " not found for workflow " + workflowName + ".");
    }

    static AwsServiceException illegalState(String message) {
        return new AwsServiceException("IllegalWorkflowStateException", message, 400);
    }
}
