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
 * {@link ResultWriter} wrote. When its execution is redriven in this state after the map run failed or was aborted,
 * the same map run runs again ({@code MapRunRedriven}) and only its unsuccessful children run.
 */
final class DistributedMap {

    /**
     * How many child executions run at once when the state sets no MaxConcurrency (AWS runs up to 10,000). Lab Cloud
     * stops at 1,000 then because each running child holds a thread of its own on one machine; a MaxConcurrency the
     * definition gives (up to 10,000) is honoured as it is.
     */
    static final int UNLIMITED_CONCURRENCY = 1_000;
    static final int MAX_CONCURRENCY = 10_000;

    private final MapRunHost.Processor processor;
    private final ItemReader reader;
    private final ItemBatcher batcher;
    private final ResultWriter writer;

    DistributedMap(String label, String processorDefinition, Machine processor, boolean express, ItemReader reader,
                   ItemBatcher batcher, ResultWriter writer) {
        this.processor = new MapRunHost.Processor(label, processorDefinition, processor, express);
        this.reader = reader;
        this.batcher = batcher;
        this.writer = writer;
    }

    /** The items when the Map has an ItemReader; null when they come from its input. */
    ArrayNode readItems(JsonNode effectiveInput, JsonNode context, Branch branch) {
        return reader == null ? null : reader.read(effectiveInput, context, branch);
    }

    /**
     * Runs a new map run over {@code inputs} (the items after ItemSelector) and returns the state's result.
     */
    JsonNode run(List<JsonNode> inputs, int maxConcurrency, ToleratedFailure.Threshold threshold,
                 JsonNode effectiveInput, JsonNode context, Branch branch) {
        List<MapRunHost.Batch> batches = new ArrayList<>();
        if (batcher == null) {
            inputs.forEach(input -> batches.add(new MapRunHost.Batch(input, 1)));
        } else {
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            inputs.forEach(all::add);
            batches.addAll(batcher.batch(all, effectiveInput, context, branch));
        }
        MapRunHost host = branch.execution().host().mapRuns();
        MapRunHost.MapRun run = host.startMapRun(branch.execution(), new MapRunHost.MapRunSpec(processor,
                maxConcurrency, threshold.count(), threshold.percentage(), List.copyOf(batches)));
        branch.record("MapRunStarted", "mapRunStartedEventDetails",
                JsonNodeFactory.instance.objectNode().put("mapRunArn", run.arn()));
        return drive(run, effectiveInput, context, branch);
    }

    /**
     * The map run to redrive, when the execution is being redriven in this Distributed Map (the state named
     * {@code state}) and its last map run there failed or was aborted; null otherwise, and on any later entry.
     */
    MapRunHost.MapRun failedMapRun(String state, Branch branch) {
        if (!branch.redrivenIn(state)) {
            return null;
        }
        return branch.execution().host().mapRuns().redriveMapRun(branch.execution(), processor);
    }

    /**
     * Runs the failed map run {@code run} again ({@code MapRunRedriven}): its unsuccessful children run again, the
     * others keep their outcome, and the result (and the tolerated failure threshold) is over all its items. Its
     * inputs are those of its first attempt, as on AWS, not read again.
     */
    JsonNode redrive(MapRunHost.MapRun run, JsonNode effectiveInput, JsonNode context, Branch branch) {
        branch.record("MapRunRedriven", "mapRunRedrivenEventDetails", JsonNodeFactory.instance.objectNode()
                .put("mapRunArn", run.arn()).put("redriveCount", run.redriveCount()));
        return drive(run, effectiveInput, context, branch);
    }

    /** Runs {@code run}'s children to the end and returns the state's result, or fails the state. */
    private JsonNode drive(MapRunHost.MapRun run, JsonNode effectiveInput, JsonNode context, Branch branch) {
        Dispatch dispatch = new Dispatch(run, branch.execution().progress());
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
        StatesError failure = dispatch.exceeded() ? dispatch.threshold().error() : null;
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
     * it) are running, and counts the failed items against the threshold (also read anew), over all the map run's
     * items: on a redrive, those of the children kept from before count too. Children end on their own threads;
     * nothing here waits but the state.
     */
    private static final class Dispatch {
        private final MapRunHost.MapRun run;
        private final List<MapRunHost.Batch> batches;
        private final int totalItems;
        private final MapRunHost.ChildExecution[] children;
        private final List<Integer> toRun = new ArrayList<>();
        private final Resumption<Void> done;
        private final AtomicBoolean exceeded = new AtomicBoolean();
        private int next;
        private int active;
        private int failedItems;
        private boolean stopped;
        private boolean finished;

        Dispatch(MapRunHost.MapRun run, Progress progress) {
            this.run = run;
            this.batches = run.batches();
            this.totalItems = batches.stream().mapToInt(MapRunHost.Batch::items).sum();
            this.children = new MapRunHost.ChildExecution[batches.size()];
            this.done = new Resumption<>(progress);
            for (int index = 0; index < batches.size(); index++) {
                MapRunHost.ChildExecution kept = run.kept(index);
                if (kept == null) {
                    toRun.add(index);
                } else {
                    children[index] = kept;
                    failedItems += kept.succeeded() ? 0 : batches.get(index).items();
                }
            }
        }

        void dispatch() {
            while (true) {
                int index;
                synchronized (this) {
                    int limit = run.maxConcurrency() == 0 ? UNLIMITED_CONCURRENCY : run.maxConcurrency();
                    if (stopped || next >= toRun.size()) {
                        if (active == 0 && !finished) {
                            finished = true;
                            done.resume(null);
                        }
                        return;
                    }
                    if (active >= limit) {
                        return;
                    }
                    index = toRun.get(next++);
                    active++;
                }
                run.runChild(index).whenComplete((child, error) -> ended(index, child, error));
            }
        }

        /** The tolerated failure threshold now: none tolerated when the map run sets neither field. */
        ToleratedFailure.Threshold threshold() {
            return new ToleratedFailure.Threshold(run.toleratedCount() == null && run.toleratedPercentage() == null
                    ? Integer.valueOf(0) : run.toleratedCount(), run.toleratedPercentage());
        }

        /** Whether the failed items, of all the map run's, went past the threshold. */
        synchronized boolean exceeded() {
            return exceeded.get() || threshold().exceeded(failedItems, totalItems);
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
                    if (!stopped && threshold().exceeded(failedItems, totalItems)) {
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
            for (int i = next; i < toRun.size(); i++) {
                pending.add(batches.get(toRun.get(i)).input());
            }
            return pending;
        }
    }
}
