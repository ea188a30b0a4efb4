package gluelab.cloud.services.glue.triggers;

import gluelab.cloud.provider.Scope;
import java.time.Instant;
import software.amazon.awssdk.services.glue.model.Trigger;

/**
 * What triggers need from workflows, without knowing them: a trigger of a workflow that fires on its own (its
 * schedule, its events) starts a run of the workflow, and a conditional trigger fires in a workflow run only while
 * that run is RUNNING (a stopping run starts nothing more).
 */
public interface WorkflowRuns {

    /** Starts a run of the trigger's workflow, fired by {@code trigger} at {@code at} (null for now). */
    void startedBy(Scope scope, Trigger trigger, Instant at);

    boolean isRunning(Scope scope, WorkflowRunContext run);

    /**
     * Starts actions in the run while it cannot end: an action that fails at once (its job busy) must not end the
     * run before the actions beside it have started. The run ends after, if nothing is left in flight.
     */
    void whileStarting(Scope scope, WorkflowRunContext run, Runnable starting);

    /** Whether the workflow a trigger names in WorkflowName exists. */
    boolean exists(Scope scope, String workflowName);

    /** Before workflows are wired: no workflow ever runs. */
    WorkflowRuns NONE = new WorkflowRuns() {
        @Override
        public void startedBy(Scope scope, Trigger trigger, Instant at) {
        }

        @Override
        public boolean isRunning(Scope scope, WorkflowRunContext run) {
            return false;
        }

        @Override
        public void whileStarting(Scope scope, WorkflowRunContext run, Runnable starting) {
            starting.run();
        }

        @Override
        public boolean exists(Scope scope, String workflowName) {
            return false;
        }
    };
}
