package gluelab.cloud.services.glue.workflows;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.BatchLookup;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import gluelab.cloud.services.glue.PrefixReset;
import gluelab.cloud.services.glue.tags.ResourceTags;
import gluelab.cloud.services.glue.tags.TaggedType;
import gluelab.cloud.services.glue.tags.Tagging;
import gluelab.cloud.services.glue.triggers.TriggerOperations;
import gluelab.cloud.shape.JsonShapeCodec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.glue.model.BatchGetWorkflowsRequest;
import software.amazon.awssdk.services.glue.model.BatchGetWorkflowsResponse;
import software.amazon.awssdk.services.glue.model.CreateWorkflowRequest;
import software.amazon.awssdk.services.glue.model.CreateWorkflowResponse;
import software.amazon.awssdk.services.glue.model.DeleteWorkflowRequest;
import software.amazon.awssdk.services.glue.model.DeleteWorkflowResponse;
import software.amazon.awssdk.services.glue.model.GetWorkflowRequest;
import software.amazon.awssdk.services.glue.model.GetWorkflowResponse;
import software.amazon.awssdk.services.glue.model.ListWorkflowsRequest;
import software.amazon.awssdk.services.glue.model.ListWorkflowsResponse;
import software.amazon.awssdk.services.glue.model.UpdateWorkflowRequest;
import software.amazon.awssdk.services.glue.model.UpdateWorkflowResponse;
import software.amazon.awssdk.services.glue.model.Workflow;
import software.amazon.awssdk.services.glue.model.WorkflowRun;

/**
 * Workflows: CreateWorkflow, GetWorkflow, UpdateWorkflow, DeleteWorkflow, ListWorkflows, BatchGetWorkflows. A
 * workflow is its name, description, DefaultRunProperties and MaxConcurrentRuns; its graph is made of the triggers
 * that name it in WorkflowName (see {@link WorkflowGraphs}), and deleting it deletes those triggers.
 */
public final class WorkflowOperations {

    private static final Pages.Limits LIST_WORKFLOWS = new Pages.Limits("maxResults", 25, 25);

    private final AccountRegionStore<WorkflowsState> states;
    private final WorkflowRunStateMachine runs;
    private final WorkflowEventBatches eventBatches;
    private final TriggerOperations triggers;
    private final Tagging tagging;
    private final Supplier<Instant> clock;

    public WorkflowOperations(AccountRegionStore<WorkflowsState> states, WorkflowRunStateMachine runs,
                              WorkflowEventBatches eventBatches, TriggerOperations triggers, Tagging tagging,
                              Supplier<Instant> clock) {
        this.states = states;
        this.runs = runs;
        this.eventBatches = eventBatches;
        this.triggers = triggers;
        this.tagging = tagging;
        this.clock = clock;
    }

    public CreateWorkflowResponse createWorkflow(RequestContext ctx, CreateWorkflowRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        ResourceTags tags = Tagging.checked("tags", request.hasTags() ? request.tags() : null);
        WorkflowsState state = states.get(ctx);
        Instant now = clock.get().truncatedTo(ChronoUnit.MILLIS);
        synchronized (state) {
            if (state.workflows.containsKey(name)) {
                throw GlueErrors.alreadyExists("Workflow with name: " + name + " already exists.");
            }
            state.workflows.put(name, JsonShapeCodec.convert(request, Workflow.class).toBuilder()
                    .maxConcurrentRuns(maxConcurrentRuns(request.maxConcurrentRuns()))
                    .createdOn(now).lastModifiedOn(now).build());
            tagging.tagNew(state.scope, TaggedType.WORKFLOW, name, tags);
        }
        return CreateWorkflowResponse.builder().name(name).build();
    }

    public GetWorkflowResponse getWorkflow(RequestContext ctx, GetWorkflowRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        WorkflowsState state = states.get(ctx);
        return GetWorkflowResponse.builder()
                .workflow(shown(state, state.requireWorkflow(name), Boolean.TRUE.equals(request.includeGraph())))
                .build();
    }

    public BatchGetWorkflowsResponse batchGetWorkflows(RequestContext ctx, BatchGetWorkflowsRequest request) {
        List<String> names = GlueErrors.required(request.hasNames() ? request.names() : null, "names");
        GlueErrors.range(names.size(), "names", 1, 25);
        WorkflowsState state = states.get(ctx);
        boolean includeGraph = Boolean.TRUE.equals(request.includeGraph());
        BatchLookup<Workflow> lookup = BatchLookup.of(names, name -> {
            Workflow workflow = state.workflows.get(name);
            return workflow == null ? null : shown(state, workflow, includeGraph);
        });
        return BatchGetWorkflowsResponse.builder().workflows(lookup.found()).missingWorkflows(lookup.notFound()).build();
    }

    public ListWorkflowsResponse listWorkflows(RequestContext ctx, ListWorkflowsRequest request) {
        List<String> names = states.get(ctx).workflows.keys().stream().sorted().toList();
        Pages.Page<String> page = GluePages.PAGES.page(names, name -> name, request.nextToken(), request.maxResults(),
                LIST_WORKFLOWS);
        return ListWorkflowsResponse.builder().workflows(page.items()).nextToken(page.nextToken()).build();
    }

    /** Sets the members the request gives and keeps the others. */
    public UpdateWorkflowResponse updateWorkflow(RequestContext ctx, UpdateWorkflowRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        WorkflowsState state = states.get(ctx);
        synchronized (state) {
            Workflow.Builder workflow = state.requireWorkflow(name).toBuilder()
                    .lastModifiedOn(clock.get().truncatedTo(ChronoUnit.MILLIS));
            if (request.description() != null) {
                workflow.description(request.description());
            }
            if (request.hasDefaultRunProperties()) {
                workflow.defaultRunProperties(request.defaultRunProperties());
            }
            if (request.maxConcurrentRuns() != null) {
                workflow.maxConcurrentRuns(maxConcurrentRuns(request.maxConcurrentRuns()));
            }
            state.workflows.put(name, workflow.build());
        }
        return UpdateWorkflowResponse.builder().name(name).build();
    }

    /** Deleting a workflow that does not exist succeeds, as on AWS; its triggers and runs go with it. */
    public DeleteWorkflowResponse deleteWorkflow(RequestContext ctx, DeleteWorkflowRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        delete(states.get(ctx), name);
        return DeleteWorkflowResponse.builder().name(name).build();
    }

    /** Removes workflows whose name starts with {@code prefix}, or all of them, in every account and region. */
    public int reset(String prefix) {
        return PrefixReset.remove(states, state -> state.workflows.keys(), prefix, this::delete);
    }

    private void delete(WorkflowsState state, String name) {
        triggers.deleteTriggersOf(state.scope, name);
        eventBatches.forget(state.scope, name);
        synchronized (state) {
            state.workflows.remove(name);
            state.runsOf(name).forEach(run -> state.runs.remove(run.workflowRunId()));
            tagging.forget(state.scope, TaggedType.WORKFLOW, name);
        }
    }

    private Workflow shown(WorkflowsState state, Workflow workflow, boolean includeGraph) {
        Scope scope = state.scope;
        Workflow.Builder shown = workflow.toBuilder();
        List<WorkflowRun> newestFirst = state.runsOf(workflow.name());
        if (!newestFirst.isEmpty()) {
            shown.lastRun(runs.shown(scope, newestFirst.get(0), includeGraph));
        }
        if (includeGraph) {
            shown.graph(runs.graph(scope, workflow.name()));
        }
        return shown.build();
    }

    private static Integer maxConcurrentRuns(Integer value) {
        return value == null ? null : GlueErrors.range(value, "maxConcurrentRuns", 0, Integer.MAX_VALUE);
    }
}
