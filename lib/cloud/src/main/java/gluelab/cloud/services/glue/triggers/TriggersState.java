package gluelab.cloud.services.glue.triggers;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.glue.model.Trigger;

/**
 * The triggers of one account and region, and how far each conditional trigger's predicate has been met. Both
 * collections are durable. Compound changes (check, then write) hold this object's monitor.
 */
public final class TriggersState {

    private static final String SERVICE = "glue";
    private static final char PROGRESS_SEPARATOR = '\u0000';

    final Scope scope;
    final DurableMap<Trigger> triggers;
    final DurableMap<TriggerProgress> triggerProgress;

    public TriggersState(Scope scope, StateStore store) {
        this.scope = scope;
        // Named as when triggers were part of the jobs area, so state directories written then still load.
        this.triggers = store.map(scope.mapName(SERVICE, "jobs/triggers"), ShapeCodec.of(Trigger.class));
        this.triggerProgress = store.map(scope.mapName(SERVICE, "jobs/trigger-progress"), Codec.of(TriggerProgress.class));
    }

    /**
     * Where a conditional trigger's progress is kept: under its name, or for a trigger of a workflow, under its name
     * and the workflow run's id (a separator no Glue name can hold keeps the two apart).
     */
    static String progressKey(String triggerName, String workflowRunId) {
        return workflowRunId == null ? triggerName : triggerName + PROGRESS_SEPARATOR + workflowRunId;
    }

    /** Forgets the trigger's progress, in every workflow run. */
    void forgetProgress(String triggerName) {
        triggerProgress.remove(triggerName);
        for (String key : List.copyOf(triggerProgress.keys())) {
            if (key.startsWith(triggerName + PROGRESS_SEPARATOR)) {
                triggerProgress.remove(key);
            }
        }
    }

    /** The triggers of a workflow, by name. */
    public List<Trigger> ofWorkflow(String workflowName) {
        return triggers.values().stream().filter(t -> workflowName.equals(t.workflowName()))
                .sorted(Comparator.comparing(Trigger::name)).toList();
    }

    /** Whether a trigger of that name exists (the tagging operations ask). */
    public boolean hasTrigger(String triggerName) {
        return triggers.containsKey(triggerName);
    }

    Trigger requireTrigger(String triggerName) {
        Trigger trigger = triggers.get(triggerName);
        if (trigger == null) {
            throw GlueErrors.triggerNotFound(triggerName);
        }
        return trigger;
    }
}
