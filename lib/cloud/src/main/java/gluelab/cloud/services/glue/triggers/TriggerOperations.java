package gluelab.cloud.services.glue.triggers;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.BatchLookup;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import gluelab.cloud.services.glue.PrefixReset;
import gluelab.cloud.services.glue.crawlers.CrawlLauncher;
import gluelab.cloud.services.glue.jobs.JobLauncher;
import gluelab.cloud.services.glue.tags.ResourceTags;
import gluelab.cloud.services.glue.tags.TaggedType;
import gluelab.cloud.services.glue.tags.Tagging;
import gluelab.cloud.shape.JsonShapeCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.BatchGetTriggersRequest;
import software.amazon.awssdk.services.glue.model.BatchGetTriggersResponse;
import software.amazon.awssdk.services.glue.model.CreateTriggerRequest;
import software.amazon.awssdk.services.glue.model.CreateTriggerResponse;
import software.amazon.awssdk.services.glue.model.DeleteTriggerRequest;
import software.amazon.awssdk.services.glue.model.DeleteTriggerResponse;
import software.amazon.awssdk.services.glue.model.GetTriggerRequest;
import software.amazon.awssdk.services.glue.model.GetTriggerResponse;
import software.amazon.awssdk.services.glue.model.GetTriggersRequest;
import software.amazon.awssdk.services.glue.model.GetTriggersResponse;
import software.amazon.awssdk.services.glue.model.ListTriggersRequest;
import software.amazon.awssdk.services.glue.model.ListTriggersResponse;
import software.amazon.awssdk.services.glue.model.StartTriggerRequest;
import software.amazon.awssdk.services.glue.model.StartTriggerResponse;
import software.amazon.awssdk.services.glue.model.StopTriggerRequest;
import software.amazon.awssdk.services.glue.model.StopTriggerResponse;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;
import software.amazon.awssdk.services.glue.model.TriggerUpdate;
import software.amazon.awssdk.services.glue.model.UpdateTriggerRequest;
import software.amazon.awssdk.services.glue.model.UpdateTriggerResponse;

/**
 * Triggers: CreateTrigger, GetTrigger, GetTriggers, BatchGetTriggers, ListTriggers, UpdateTrigger,
 * DeleteTrigger, StartTrigger, StopTrigger. A trigger is CREATED, or ACTIVATED when started (or created
 * with StartOnCreation), and DEACTIVATED when stopped; ON_DEMAND triggers stay CREATED and fire each time
 * they are started. A trigger with a WorkflowName belongs to that workflow: fired on its own, it starts a run of the
 * workflow (see {@link TriggerActions}).
 */
public final class TriggerOperations {

    private static final Pages.Limits GET_TRIGGERS = new Pages.Limits("maxResults", 100, 200);
    private static final Pages.Limits LIST_TRIGGERS = new Pages.Limits("maxResults", 100, 1000);

    private final AccountRegionStore<TriggersState> states;
    private final JobLauncher jobs;
    private final CrawlLauncher crawls;
    private final TriggerSchedules schedules;
    private final TriggerActions actions;
    private final Tagging tagging;

    public TriggerOperations(AccountRegionStore<TriggersState> states, JobLauncher jobs, CrawlLauncher crawls,
                             TriggerSchedules schedules, TriggerActions actions, Tagging tagging) {
        this.states = states;
        this.jobs = jobs;
        this.crawls = crawls;
        this.schedules = schedules;
        this.actions = actions;
        this.tagging = tagging;
    }

    public CreateTriggerResponse createTrigger(RequestContext ctx, CreateTriggerRequest request) {
        TriggersState state = states.get(ctx);
        boolean activate = Boolean.TRUE.equals(request.startOnCreation());
        if (activate && request.type() == TriggerType.ON_DEMAND) {
            throw GlueErrors.invalidInput("StartOnCreation is not supported for ON_DEMAND triggers.");
        }
        ResourceTags tags = Tagging.checked("tags", request.hasTags() ? request.tags() : null);
        if (request.workflowName() != null && !actions.workflows().exists(state.scope, request.workflowName())) {
            throw GlueErrors.workflowNotFound(request.workflowName());
        }
        Trigger trigger;
        synchronized (state) {
            trigger = TriggerDefinitions.validate(JsonShapeCodec.convert(request, Trigger.class).toBuilder()
                    .state(activate ? TriggerState.ACTIVATED : TriggerState.CREATED)
                    .build(), state.scope, jobs, crawls);
            if (state.triggers.containsKey(trigger.name())) {
                throw GlueErrors.alreadyExists("Trigger with name: " + trigger.name() + " already exists.");
            }
            state.triggers.put(trigger.name(), trigger);
            tagging.tagNew(state.scope, TaggedType.TRIGGER, trigger.name(), tags);
        }
        schedules.sync(state.scope, trigger);
        return CreateTriggerResponse.builder().name(trigger.name()).build();
    }

    public GetTriggerResponse getTrigger(RequestContext ctx, GetTriggerRequest request) {
        return GetTriggerResponse.builder()
                .trigger(states.get(ctx).requireTrigger(GlueErrors.name(request.name(), "name")))
                .build();
    }

    public GetTriggersResponse getTriggers(RequestContext ctx, GetTriggersRequest request) {
        Pages.Page<Trigger> page = GluePages.PAGES.page(dependentOn(states.get(ctx), request.dependentJobName()),
                Trigger::name, request.nextToken(), request.maxResults(), GET_TRIGGERS);
        return GetTriggersResponse.builder().triggers(page.items()).nextToken(page.nextToken()).build();
    }

    public ListTriggersResponse listTriggers(RequestContext ctx, ListTriggersRequest request) {
        TriggersState state = states.get(ctx);
        Map<String, String> wanted = request.hasTags() ? request.tags() : Map.of();
        List<String> names = dependentOn(state, request.dependentJobName()).stream()
                .map(Trigger::name)
                .filter(name -> tagging.matches(state.scope, TaggedType.TRIGGER, name, wanted))
                .toList();
        Pages.Page<String> page = GluePages.PAGES.page(names, name -> name, request.nextToken(), request.maxResults(),
                LIST_TRIGGERS);
        return ListTriggersResponse.builder().triggerNames(page.items()).nextToken(page.nextToken()).build();
    }

    /**
     * The triggers that can start {@code jobName}; as AWS documents DependentJobName, when no trigger can, all
     * triggers are returned.
     */
    private static List<Trigger> dependentOn(TriggersState state, String jobName) {
        List<Trigger> all = new ArrayList<>(state.triggers.values());
        if (jobName == null) {
            return all;
        }
        List<Trigger> starting = all.stream()
                .filter(t -> t.actions().stream().anyMatch(a -> jobName.equals(a.jobName())))
                .toList();
        return starting.isEmpty() ? all : starting;
    }

    public BatchGetTriggersResponse batchGetTriggers(RequestContext ctx, BatchGetTriggersRequest request) {
        List<String> names = GlueErrors.required(request.hasTriggerNames() ? request.triggerNames() : null, "triggerNames");
        BatchLookup<Trigger> lookup = BatchLookup.of(names, states.get(ctx).triggers::get);
        return BatchGetTriggersResponse.builder().triggers(lookup.found()).triggersNotFound(lookup.notFound()).build();
    }

    /**
     * Lab Cloud applies the members the TriggerUpdate sets and keeps the others; AWS says the update
     * "overwrites" the definition, but the merge accepts every update AWS accepts.
     */
    public UpdateTriggerResponse updateTrigger(RequestContext ctx, UpdateTriggerRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        TriggerUpdate update = GlueErrors.required(request.triggerUpdate(), "triggerUpdate");
        TriggersState state = states.get(ctx);
        Trigger updated;
        synchronized (state) {
            Trigger.Builder trigger = state.requireTrigger(name).toBuilder();
            if (update.description() != null) {
                trigger.description(update.description());
            }
            if (update.schedule() != null) {
                trigger.schedule(update.schedule());
            }
            if (update.hasActions()) {
                trigger.actions(update.actions());
            }
            if (update.predicate() != null) {
                trigger.predicate(update.predicate());
            }
            if (update.eventBatchingCondition() != null) {
                trigger.eventBatchingCondition(update.eventBatchingCondition());
            }
            updated = TriggerDefinitions.validate(trigger.build(), state.scope, jobs, crawls);
            state.triggers.put(name, updated);
            state.forgetProgress(name);
        }
        schedules.sync(state.scope, updated);
        return UpdateTriggerResponse.builder().trigger(updated).build();
    }

    /** Deleting a trigger that does not exist succeeds, as on AWS. */
    public DeleteTriggerResponse deleteTrigger(RequestContext ctx, DeleteTriggerRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        delete(states.get(ctx), name);
        return DeleteTriggerResponse.builder().name(name).build();
    }

    /** Removes triggers whose name starts with {@code prefix}, or all of them, in every account and region. */
    public int reset(String prefix) {
        return PrefixReset.remove(states, state -> state.triggers.keys(), prefix, this::delete);
    }

    /** DeleteWorkflow: the workflow's triggers go with it. */
    public void deleteTriggersOf(Scope scope, String workflowName) {
        TriggersState state = states.get(scope);
        state.ofWorkflow(workflowName).forEach(trigger -> delete(state, trigger.name()));
    }

    private void delete(TriggersState state, String name) {
        schedules.cancel(state.scope, name);
        synchronized (state) {
            state.triggers.remove(name);
            state.forgetProgress(name);
            tagging.forget(state.scope, TaggedType.TRIGGER, name);
        }
    }

    /** ON_DEMAND: fires the actions now. SCHEDULED, CONDITIONAL and EVENT: ACTIVATED, watching from now. */
    public StartTriggerResponse startTrigger(RequestContext ctx, StartTriggerRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        TriggersState state = states.get(ctx);
        Trigger trigger = state.requireTrigger(name);
        if (trigger.type() == TriggerType.ON_DEMAND) {
            actions.fire(state.scope, trigger);
        } else {
            sync(state, changeState(state, name, TriggerState.ACTIVATED));
        }
        return StartTriggerResponse.builder().name(name).build();
    }

    public StopTriggerResponse stopTrigger(RequestContext ctx, StopTriggerRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        TriggersState state = states.get(ctx);
        if (state.requireTrigger(name).type() == TriggerType.ON_DEMAND) {
            throw GlueErrors.invalidInput("Trigger " + name + " is ON_DEMAND; only SCHEDULED, CONDITIONAL and EVENT "
                    + "triggers can be stopped.");
        }
        sync(state, changeState(state, name, TriggerState.DEACTIVATED));
        return StopTriggerResponse.builder().name(name).build();
    }

    private static Trigger changeState(TriggersState state, String name, TriggerState to) {
        synchronized (state) {
            Trigger changed = state.requireTrigger(name).toBuilder().state(to).build();
            state.triggers.put(name, changed);
            state.forgetProgress(name);
            return changed;
        }
    }

    private void sync(TriggersState state, Trigger trigger) {
        schedules.sync(state.scope, trigger);
    }
}
