package gluelab.cloud.services.glue.workflows;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import software.amazon.awssdk.services.glue.model.Trigger;
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
    private final WorkflowEventBatches eventBatches;

    public WorkflowRunOperations(AccountRegionStore<WorkflowsState> states, WorkflowRunStateMachine runs,
                                 WorkflowEventBatches eventBatches) {
        this.states = states;
        this.runs = runs;
        this.eventBatches = eventBatches;
    }

    /**
     * Starts a run now; or, for the events an EventBridge rule delivers (their ids in {@code aws:eventIds}) to a
     * workflow with an activated EVENT trigger, adds them to the trigger's batch, and answers the run's id only when
     * they complete it.
     */
    public StartWorkflowRunResponse startWorkflowRun(RequestContext ctx, StartWorkflowRunRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        Map<String, String> properties = request.hasRunProperties() ? request.runProperties() : null;
        states.get(ctx).requireWorkflow(name);
        String eventIds = properties == null ? null : properties.get(WorkflowEventBatches.EVENT_IDS);
        Optional<Trigger> eventTrigger = eventIds == null ? Optional.empty() : runs.eventTriggerOf(ctx.scope(), name);
        if (eventTrigger.isPresent()) {
            Optional<WorkflowRun> started = eventBatches.add(ctx.scope(), eventTrigger.get(), eventIdList(eventIds));
            return StartWorkflowRunResponse.builder().runId(started.map(WorkflowRun::workflowRunId).orElse(null)).build();
        }
        WorkflowRun run = runs.start(ctx.scope(), name, properties, null, null, null);
        runs.fireStartTriggers(ctx.scope(), run, null, null);
        return StartWorkflowRunResponse.builder().runId(run.workflowRunId()).build();
    }

    /** {@code aws:eventIds} as Glue writes it: a JSON list of event ids. */
    private static List<String> eventIdList(String eventIds) {
        try {
            JsonNode list = Json.MAPPER.readTree(eventIds);
            if (list.isArray() && !list.isEmpty()) {
                List<String> ids = new ArrayList<>();
                list.forEach(id -> ids.add(id.asText()));
                return ids;
            }
        } catch (JsonProcessingException notJson) {
            // answered below
        }
        throw GlueErrors.invalidInput("Run property " + WorkflowEventBatches.EVENT_IDS + " is a JSON list of "
                + "EventBridge event ids, e.g. [\"a1b2\"].");
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
