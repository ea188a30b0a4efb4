package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One service integration of Task states (Lambda's invoke, Glue's startJobRun, Step Functions' startExecution):
 * it calls the service with the execution's role and returns the task's result, or throws a {@link StatesError}
 * named as AWS names it ({@code Lambda.ResourceNotFoundException}, {@code States.TaskFailed}).
 */
public interface TaskIntegration {

    /** Whether it runs this resource (its service, action and pattern). */
    boolean runs(TaskResource resource);

    JsonNode run(TaskCall call);
}
