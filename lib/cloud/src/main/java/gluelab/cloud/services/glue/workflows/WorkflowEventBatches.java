package gluelab.cloud.services.glue.workflows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import gluelab.cloud.clock.LabScheduler;
import gluelab.cloud.clock.TimerOwner;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import software.amazon.awssdk.services.glue.model.EventBatchingCondition;
import software.amazon.awssdk.services.glue.model.StartWorkflowRunRequest;
import software.amazon.awssdk.services.glue.model.StartingEventBatchCondition;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.WorkflowRun;

/**
 * How an EVENT trigger starts its workflow, as Glue does with the events an EventBridge rule sends it: events
 * gather in a batch, and the workflow runs when BatchSize events have come, or when BatchWindow seconds (900 unless
 * set) have passed on the lab clock since the first, whichever is sooner. The run's properties hold the batch's
 * event ids under {@code aws:eventIds}, and its StartingEventBatchCondition says which condition started it. The
 * batch is durable; after a restart its window's timer is set again.
 */
public final class WorkflowEventBatches implements AutoCloseable {

    static final String EVENT_IDS = "aws:eventIds";
    private static final int DEFAULT_BATCH_SIZE = 1;
    private static final int DEFAULT_BATCH_WINDOW_SECONDS = 900;
    private static final Logger LOG = Logger.getLogger(WorkflowEventBatches.class.getName());

    private final Platform platform;
    private final AccountRegionStore<WorkflowsState> states;
    private final WorkflowRunStateMachine runs;
    private final Map<String, LabScheduler.Registration> windows = new ConcurrentHashMap<>();

    public WorkflowEventBatches(Platform platform, AccountRegionStore<WorkflowsState> states, WorkflowRunStateMachine runs) {
        this.platform = platform;
        this.states = states;
        this.runs = runs;
    }

    /** Whether a request tells a workflow of events (a StartWorkflowRun carrying their ids), as EventBridge does. */
    public static boolean notifiesEvents(Object request) {
        return request instanceof StartWorkflowRunRequest start && start.hasRunProperties()
                && start.runProperties().containsKey(EVENT_IDS);
    }

    /** Adds the events to the trigger's batch; returns the run they started when they complete it. */
    Optional<WorkflowRun> add(Scope scope, Trigger trigger, List<String> eventIds) {
        String workflowName = trigger.workflowName();
        WorkflowsState state = states.get(scope);
        EventBatch batch;
        synchronized (state) {
            EventBatch pending = state.eventBatches.get(workflowName);
            batch = pending == null ? new EventBatch(eventIds, platform.clock().instant()) : pending.plus(eventIds);
            if (batch.eventIds().size() >= batchSize(trigger)) {
                state.eventBatches.remove(workflowName);
            } else {
                state.eventBatches.put(workflowName, batch);
            }
        }
        if (batch.eventIds().size() >= batchSize(trigger)) {
            cancelWindow(scope, workflowName);
            return start(scope, trigger, batch, StartingEventBatchCondition.builder()
                    .batchSize(batch.eventIds().size()).build(), null);
        }
        if (batch.eventIds().size() == eventIds.size()) {
            setWindow(scope, workflowName, batch);
        }
        return Optional.empty();
    }

    /** After a restart: the windows of the batches still gathering. */
    public void restoreAll() {
        states.all().forEach((scope, state) -> state.eventBatches.view()
                .forEach((workflowName, batch) -> setWindow(scope, workflowName, batch)));
    }

    /** Forgets the workflow's batch (DeleteWorkflow). */
    void forget(Scope scope, String workflowName) {
        cancelWindow(scope, workflowName);
        states.get(scope).eventBatches.remove(workflowName);
    }

    private void setWindow(Scope scope, String workflowName, EventBatch batch) {
        Trigger trigger = runs.eventTriggerOf(scope, workflowName).orElse(null);
        int window = trigger == null ? DEFAULT_BATCH_WINDOW_SECONDS : batchWindow(trigger);
        LabScheduler.Registration registration = platform.scheduler().scheduleOnce(
                new TimerOwner("glue", "EventBatchWindow", workflowName, scope.account(), scope.region()),
                batch.firstAt().plus(Duration.ofSeconds(window)), at -> windowEnded(scope, workflowName, batch, at));
        LabScheduler.Registration previous = windows.put(key(scope, workflowName), registration);
        if (previous != null) {
            previous.cancel();
        }
    }

    private void windowEnded(Scope scope, String workflowName, EventBatch expected, Instant at) {
        WorkflowsState state = states.get(scope);
        EventBatch batch;
        synchronized (state) {
            batch = state.eventBatches.get(workflowName);
            if (batch == null || !batch.firstAt().equals(expected.firstAt())) {
                return;
            }
            state.eventBatches.remove(workflowName);
        }
        windows.remove(key(scope, workflowName));
        runs.eventTriggerOf(scope, workflowName).ifPresent(trigger -> start(scope, trigger, batch,
                StartingEventBatchCondition.builder().batchWindow(batchWindow(trigger)).build(), at));
    }

    private Optional<WorkflowRun> start(Scope scope, Trigger trigger, EventBatch batch,
                                        StartingEventBatchCondition condition, Instant at) {
        ArrayNode ids = Json.MAPPER.createArrayNode();
        batch.eventIds().forEach(ids::add);
        try {
            WorkflowRun run = runs.start(scope, trigger.workflowName(), Map.of(EVENT_IDS, ids.toString()), trigger, at,
                    null, condition);
            runs.fireStartTriggers(scope, run, trigger, at);
            return Optional.of(run);
        } catch (AwsServiceException e) {
            LOG.warning("Trigger " + trigger.name() + " could not start workflow " + trigger.workflowName() + " for "
                    + batch.eventIds().size() + " events: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void cancelWindow(Scope scope, String workflowName) {
        LabScheduler.Registration registration = windows.remove(key(scope, workflowName));
        if (registration != null) {
            registration.cancel();
        }
    }

    private static String key(Scope scope, String workflowName) {
        return scope.account() + "/" + scope.region() + "/" + workflowName;
    }

    private static int batchSize(Trigger trigger) {
        EventBatchingCondition condition = trigger.eventBatchingCondition();
        return condition == null || condition.batchSize() == null ? DEFAULT_BATCH_SIZE : condition.batchSize();
    }

    private static int batchWindow(Trigger trigger) {
        EventBatchingCondition condition = trigger.eventBatchingCondition();
        return condition == null || condition.batchWindow() == null ? DEFAULT_BATCH_WINDOW_SECONDS : condition.batchWindow();
    }

    @Override
    public void close() {
        windows.values().forEach(LabScheduler.Registration::cancel);
        windows.clear();
    }
}
