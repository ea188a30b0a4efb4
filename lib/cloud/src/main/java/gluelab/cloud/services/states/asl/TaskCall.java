package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** One run of a Task state's resource: what an integration is given. */
public interface TaskCall {

    TaskResource resource();

    /** The state's effective parameters (its input after InputPath and Parameters). */
    JsonNode parameters();

    /** The execution the task runs in: its role, account, region and ARN. */
    ExecutionRun execution();

    /** The Progress counter to build {@link Resumption}s with. */
    Progress progress();

    /**
     * Waits for {@code resumption}, not counted as running; a stop of the execution or the state's timeout fails it.
     */
    <T> T await(Resumption<T> resumption);

    /** Records TaskSubmitted (a {@code .sync} job started and is being waited for) with what the start returned. */
    void submitted(JsonNode output);
}
