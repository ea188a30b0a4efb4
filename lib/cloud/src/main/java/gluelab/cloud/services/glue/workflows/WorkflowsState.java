package gluelab.cloud.services.glue.workflows;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.glue.model.Workflow;
import software.amazon.awssdk.services.glue.model.WorkflowRun;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;

/**
 * The workflows of one account and region, their runs (by run id) and the events their EVENT triggers are
 * gathering. Every collection is durable; a workflow is
 * kept without its LastRun and Graph, which are worked out when asked for. Compound changes hold this object's
 * monitor.
 */
public final class WorkflowsState {

    private static final String SERVICE = "glue";

    final Scope scope;
    final DurableMap<Workflow> workflows;
    final DurableMap<WorkflowRun> runs;
    final DurableMap<EventBatch> eventBatches;

    public WorkflowsState(Scope scope, StateStore store) {
        this.scope = scope;
        this.workflows = store.map(scope.mapName(SERVICE, "workflows/definitions"), ShapeCodec.of(Workflow.class));
        this.runs = store.map(scope.mapName(SERVICE, "workflows/runs"), ShapeCodec.of(WorkflowRun.class));
        this.eventBatches = store.map(scope.mapName(SERVICE, "workflows/event-batches"), Codec.of(EventBatch.class));
    }

    /** Whether a workflow of that name exists (the tagging operations ask). */
    public boolean hasWorkflow(String name) {
        return workflows.containsKey(name);
    }

    Workflow requireWorkflow(String name) {
        Workflow workflow = workflows.get(name);
        if (workflow == null) {
            throw GlueErrors.workflowNotFound(name);
        }
        return workflow;
    }

    WorkflowRun requireRun(String workflowName, String runId) {
        requireWorkflow(workflowName);
        WorkflowRun run = runs.get(runId);
        if (run == null || !run.name().equals(workflowName)) {
            throw WorkflowErrors.runNotFound(workflowName, runId);
        }
        return run;
    }

    /** The workflow's runs, newest first. */
    List<WorkflowRun> runsOf(String workflowName) {
        return runs.values().stream().filter(r -> r.name().equals(workflowName))
                .sorted(Comparator.comparing(WorkflowRun::startedOn).thenComparing(WorkflowRun::workflowRunId).reversed())
                .toList();
    }

    long activeRuns(String workflowName) {
        return runs.values().stream()
                .filter(r -> r.name().equals(workflowName) && WorkflowRunStateMachine.ACTIVE.contains(r.status()))
                .count();
    }
}
