package gluelab.cloud.services.glue.workflows;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.GetWorkflowRunPropertiesRequest;
import software.amazon.awssdk.services.glue.model.GetWorkflowRunPropertiesResponse;
import software.amazon.awssdk.services.glue.model.GetWorkflowRunRequest;
import software.amazon.awssdk.services.glue.model.GetWorkflowRunResponse;
import software.amazon.awssdk.services.glue.model.GetWorkflowRunsRequest;
import software.amazon.awssdk.services.glue.model.GetWorkflowRunsResponse;
import software.amazon.awssdk.services.glue.model.PutWorkflowRunPropertiesRequest;
import software.amazon.awssdk.services.glue.model.PutWorkflowRunPropertiesResponse;
import software.amazon.awssdk.services.glue.model.ResumeWorkflowRunRequest;
import software.amazon.awssdk.services.glue.model.ResumeWorkflowRunResponse;
import software.amazon.awssdk.services.glue.model.StartWorkflowRunRequest;
import software.amazon.awssdk.services.glue.model.StartWorkflowRunResponse;
import software.amazon.awssdk.services.glue.model.StopWorkflowRunRequest;
import software.amazon.awssdk.services.glue.model.StopWorkflowRunResponse;
import software.amazon.awssdk.services.glue.model.WorkflowRun;

/**
 * Workflow runs: StartWorkflowRun, GetWorkflowRun, GetWorkflowRuns (newest first), GetWorkflowRunProperties,
 * PutWorkflowRunProperties (which adds to the run's properties and replaces those it names), StopWorkflowRun and
 * ResumeWorkflowRun.
 */
public final class WorkflowRunOperations {

    private static final Pages.Limits GET_WORKFLOW_RUNS = new Pages.Limits("maxResults", 100, 1000);

    private final AccountRegionStore<WorkflowsState> states;
    private final WorkflowRunStateMachine runs;

    public WorkflowRunOperations(AccountRegionStore<WorkflowsState> states, WorkflowRunStateMachine runs) {
        this.states = states;
        this.runs = runs;
    }

    public StartWorkflowRunResponse startWorkflowRun(RequestContext ctx, StartWorkflowRunRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        WorkflowRun run = runs.start(ctx.scope(), name, request.hasRunProperties() ? request.runProperties() : null,
                null, null, null);
        runs.fireStartTriggers(ctx.scope(), run, null, null);
        return StartWorkflowRunResponse.builder().runId(run.workflowRunId()).build();
    }

    public GetWorkflowRunResponse getWorkflowRun(RequestContext ctx, GetWorkflowRunRequest request) {
        WorkflowRun run = states.get(ctx).requireRun(GlueErrors.name(request.name(), "name"),
                GlueErrors.required(request.runId(), "runId"));
        return GetWorkflowRunResponse.builder()
                .run(runs.shown(ctx.scope(), run, Boolean.TRUE.equals(request.includeGraph())))
                .build();
    }

    public GetWorkflowRunsResponse getWorkflowRuns(RequestContext ctx, GetWorkflowRunsRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        WorkflowsState state = states.get(ctx);
        state.requireWorkflow(name);
        List<WorkflowRun> newestFirst = state.runsOf(name);
        Pages.Page<WorkflowRun> page = GluePages.PAGES.page(newestFirst, WorkflowRunOperations::newestFirstKey,
                request.nextToken(), request.maxResults(), GET_WORKFLOW_RUNS);
        boolean includeGraph = Boolean.TRUE.equals(request.includeGraph());
        return GetWorkflowRunsResponse.builder()
                .runs(page.items().stream().map(run -> runs.shown(ctx.scope(), run, includeGraph)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** A key that increases as runs get older, so pages follow the newest-first order. */
    private static String newestFirstKey(WorkflowRun run) {
        return String.format("%019d", Long.MAX_VALUE - run.startedOn().toEpochMilli()) + run.workflowRunId();
    }

    public GetWorkflowRunPropertiesResponse getWorkflowRunProperties(RequestContext ctx,
                                                                     GetWorkflowRunPropertiesRequest request) {
        WorkflowRun run = states.get(ctx).requireRun(GlueErrors.name(request.name(), "name"),
                GlueErrors.required(request.runId(), "runId"));
        return GetWorkflowRunPropertiesResponse.builder().runProperties(run.workflowRunProperties()).build();
    }

    public PutWorkflowRunPropertiesResponse putWorkflowRunProperties(RequestContext ctx,
                                                                     PutWorkflowRunPropertiesRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        String runId = GlueErrors.required(request.runId(), "runId");
        Map<String, String> added = GlueErrors.required(request.hasRunProperties() ? request.runProperties() : null,
                "runProperties");
        WorkflowsState state = states.get(ctx);
        synchronized (state) {
            WorkflowRun run = state.requireRun(name, runId);
            Map<String, String> properties = new HashMap<>(run.workflowRunProperties());
            properties.putAll(added);
            state.runs.put(runId, run.toBuilder().workflowRunProperties(properties).build());
        }
        return PutWorkflowRunPropertiesResponse.builder().build();
    }

    public StopWorkflowRunResponse stopWorkflowRun(RequestContext ctx, StopWorkflowRunRequest request) {
        runs.stop(ctx.scope(), GlueErrors.name(request.name(), "name"), GlueErrors.required(request.runId(), "runId"));
        return StopWorkflowRunResponse.builder().build();
    }

    public ResumeWorkflowRunResponse resumeWorkflowRun(RequestContext ctx, ResumeWorkflowRunRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        String runId = GlueErrors.required(request.runId(), "runId");
        List<String> nodeIds = GlueErrors.required(request.hasNodeIds() ? request.nodeIds() : null, "nodeIds");
        WorkflowRun resumed = runs.resume(ctx.scope(), name, runId, nodeIds);
        return ResumeWorkflowRunResponse.builder().runId(resumed.workflowRunId()).nodeIds(nodeIds).build();
    }
}
