package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Map state in DISTRIBUTED mode ("Using Map state in Distributed mode"): its items (from its ItemReader, or its
 * input) are each, or in batches ({@link ItemBatcher}), the input of a child workflow execution of its own, run in
 * a map run ({@code MapRunStarted}, then {@code MapRunSucceeded}, {@code MapRunFailed} or {@code MapRunAborted} in
 * the history) at most MaxConcurrency at once. Failed items up to the tolerated failure threshold are tolerated
 * (none by default); past it the map run fails, its children still running are aborted, and the state fails with
 * {@code States.ExceedToleratedFailureThreshold}. The result is the children's outputs in item order, or what the
 * {@link ResultWriter} wrote.
 */
final class DistributedMap {

    /**
     * How many child executions run at once when the state sets no MaxConcurrency (AWS runs up to 10,000). Lab Cloud
     * stops at 1,000 then because each running child holds a thread of its own on one machine; a MaxConcurrency the
     * definition gives (up to 10,000) is honoured as it is.
     */
    static final int UNLIMITED_CONCURRENCY = 1_000;
    static final int MAX_CONCURRENCY = 10_000;

    private final String label;
    private final String processorDefinition;
    private final Machine processor;
    private final boolean express;
    private final ItemReader reader;
    private final ItemBatcher batcher;
    private final ResultWriter writer;

    DistributedMap(String label, String processorDefinition, Machine processor, boolean express, ItemReader reader,
                   ItemBatcher batcher, ResultWriter writer) {
        this.label = label;
        this.processorDefinition = processorDefinition;
        this.processor = processor;
        this.express = express;
        this.reader = reader;
        this.batcher = batcher;
        this.writer = writer;
    }

    /** The items when the Map has an ItemReader; null when they come from its input. */
    ArrayNode readItems(JsonNode effectiveInput, JsonNode context, Branch branch) {
        return reader == null ? null : reader.read(effectiveInput, context, branch);
    }

    /**
     * Runs the map run over {@code inputs} (the items after ItemSelector) and returns the state's result.
     */
    JsonNode run(List<JsonNode> inputs, int maxConcurrency, ToleratedFailure.Threshold threshold,
                 JsonNode effectiveInput, JsonNode context, Branch branch) {
        List<ItemBatcher.Batch> batches = new ArrayList<>();
        if (batcher == null) {
            inputs.forEach(input -> batches.add(new ItemBatcher.Batch(input, 1)));
        } else {
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            inputs.forEach(all::add);
            batches.addAll(batcher.batch(all, effectiveInput, context, branch));
        }
        MapRunHost host = branch.execution().host().mapRuns();
        MapRunHost.MapRun run = host.startMapRun(branch.execution(), new MapRunHost.MapRunSpec(label,
                processorDefinition, processor, express, maxConcurrency, threshold.count(), threshold.percentage(),
                inputs.size(), batches.size()));
        branch.record("MapRunStarted", "mapRunStartedEventDetails",
                JsonNodeFactory.instance.objectNode().put("mapRunArn", run.arn()));
        Dispatch dispatch = new Dispatch(run, batches, inputs.size(), branch.execution().progress());
        run.onUpdate(dispatch::dispatch);
        try {
            dispatch.dispatch();
            branch.await(dispatch.done);
        } catch (StatesError stopped) {
            dispatch.stop();
            run.abortChildren();
            run.ended("ABORTED");
            // Heard when the state was stopped from within (a failing Parallel sibling); a stopped execution's
            // history is already closed, and AWS's ends with ExecutionAborted too.
            branch.record("MapRunAborted", null, null);
            throw stopped;
        }
        StatesError failure = dispatch.exceeded.get() ? new ToleratedFailure.Threshold(run.toleratedCount(),
                run.toleratedPercentage()).error() : null;
        JsonNode result = null;
        if (writer != null) {
            // The results are written whether or not the map run failed, as on AWS: they show what failed.
            try {
                result = writer.write(run.arn(), Arrays.asList(dispatch.children), dispatch.pendingInputs(),
                        effectiveInput, context, branch);
                if (writer.exports()) {
                    dispatch.countWritten();
                }
            } catch (StatesError writeFailed) {
                failure = failure == null ? writeFailed : failure;
            }
        } else if (failure == null) {
            result = outputs(dispatch.children);
        }
        if (failure != null) {
            run.ended("FAILED");
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("error", failure.error());
            details.put("cause", failure.cause());
            branch.record("MapRunFailed", "mapRunFailedEventDetails", details);
            throw failure;
        }
        run.ended("SUCCEEDED");
        branch.record("MapRunSucceeded", null, null);
        return result;
    }

    /** The children's outputs in order; a tolerated failure's is its {@code {"Error","Cause"}}. */
    private static ArrayNode outputs(MapRunHost.ChildExecution[] children) {
        ArrayNode output = JsonNodeFactory.instance.arrayNode();
        for (MapRunHost.ChildExecution child : children) {
            if (child.succeeded()) {
                output.add(child.output());
            } else {
                output.addObject().put("Error", child.error()).put("Cause", child.cause());
            }
        }
        return output;
    }

    /**
     * Starts children while fewer than the map run's MaxConcurrency (read anew each time: UpdateMapRun may change
     * it) are running, and counts the failed items against the threshold (also read anew). Children end on their
     * own threads; nothing here waits but the state.
     */
    private static final class Dispatch {
        private final MapRunHost.MapRun run;
        private final List<ItemBatcher.Batch> batches;
        private final int totalItems;
        private final MapRunHost.ChildExecution[] children;
        private final Resumption<Void> done;
        private final AtomicBoolean exceeded = new AtomicBoolean();
        private int next;
        private int active;
        private int failedItems;
        private boolean stopped;
        private boolean finished;

        Dispatch(MapRunHost.MapRun run, List<ItemBatcher.Batch> batches, int totalItems, Progress progress) {
            this.run = run;
            this.batches = batches;
            this.totalItems = totalItems;
            this.children = new MapRunHost.ChildExecution[batches.size()];
            this.done = new Resumption<>(progress);
        }

        void dispatch() {
            while (true) {
                int index;
                synchronized (this) {
                    int limit = run.maxConcurrency() == 0 ? UNLIMITED_CONCURRENCY : run.maxConcurrency();
                    if (stopped || next >= batches.size()) {
                        if (active == 0 && !finished) {
                            finished = true;
                            done.resume(null);
                        }
                        return;
                    }
                    if (active >= limit) {
                        return;
                    }
                    index = next++;
                    active++;
                }
                ItemBatcher.Batch batch = batches.get(index);
                run.startChild(batch.input(), batch.items()).whenComplete((child, error) -> ended(index, child,
                        error));
            }
        }

        private void ended(int index, MapRunHost.ChildExecution child, Throwable error) {
            boolean abort = false;
            synchronized (this) {
                active--;
                MapRunHost.ChildExecution ended = child != null ? child : new MapRunHost.ChildExecution(null,
                        "FAILED", null, StatesError.RUNTIME, String.valueOf(error), JsonNodeFactory.instance
                        .objectNode());
                children[index] = ended;
                if (!ended.succeeded()) {
                    failedItems += batches.get(index).items();
                    ToleratedFailure.Threshold threshold = new ToleratedFailure.Threshold(
                            run.toleratedCount() == null && run.toleratedPercentage() == null ? Integer.valueOf(0)
                                    : run.toleratedCount(), run.toleratedPercentage());
                    if (!stopped && threshold.exceeded(failedItems, totalItems)) {
                        stopped = true;
                        exceeded.set(true);
                        abort = true;
                    }
                }
            }
            if (abort) {
                run.abortChildren();
            }
            dispatch();
        }

        synchronized void stop() {
            stopped = true;
        }

        /** Counts the children that ended, and their items, as written by the ResultWriter. */
        synchronized void countWritten() {
            long items = 0;
            long executions = 0;
            for (int i = 0; i < children.length; i++) {
                if (children[i] != null) {
                    items += batches.get(i).items();
                    executions++;
                }
            }
            run.resultsWritten(items, executions);
        }

        /** The inputs of the children never started. */
        synchronized List<JsonNode> pendingInputs() {
            List<JsonNode> pending = new ArrayList<>();
            for (int i = next; i < batches.size(); i++) {
                pending.add(batches.get(i).input());
            }
            return pending;
        }
    }
}
