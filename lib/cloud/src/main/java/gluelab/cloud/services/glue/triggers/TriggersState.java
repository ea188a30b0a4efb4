package gluelab.cloud.services.glue.triggers;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import software.amazon.awssdk.services.glue.model.Trigger;

/**
 * The triggers of one account and region, and how far each conditional trigger's predicate has been met. Both
 * collections are durable. Compound changes (check, then write) hold this object's monitor.
 */
public final class TriggersState {

    private static final String SERVICE = "glue";

    final Scope scope;
    final DurableMap<Trigger> triggers;
    final DurableMap<TriggerProgress> triggerProgress;

    public TriggersState(Scope scope, StateStore store) {
        this.scope = scope;
        // Named as when triggers were part of the jobs area, so state directories written then still load.
        this.triggers = store.map(scope.mapName(SERVICE, "jobs/triggers"), ShapeCodec.of(Trigger.class));
        this.triggerProgress = store.map(scope.mapName(SERVICE, "jobs/trigger-progress"), Codec.of(TriggerProgress.class));
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
