package gluelab.cloud.services.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.states.asl.ExecutionRun;
import gluelab.cloud.services.states.asl.MapRunHost;
import gluelab.cloud.services.states.integrations.MapRunObjects;
import gluelab.cloud.state.Json;
import gluelab.cloud.services.states.asl.StatesError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The map runs of Distributed Map states: each is recorded ({@link MapRunRecord}) with ARN
 * {@code mapRun:<machine>/<label>:<id>}, and its children are executions of their own, named by an id, with ARNs
 * {@code execution:<machine>/<label>:<id>} and state machine {@code stateMachine:<machine>/<label>}, run by the
 * {@link ExecutionRunner} as any execution is. While a map run runs, its counts and limits live here (DescribeMapRun
 * reads them, UpdateMapRun changes them); its record is written when it starts, is updated and ends.
 */
final class MapRuns implements MapRunHost {

    private final ExecutionRunner runner;
    private final MapRunObjects objects;
    private final StatesStore states;
    private final Map<String, Live> live = new ConcurrentHashMap<>();

    /** Finds an account and region's state. */
    interface StatesStore {
        StatesState get(Scope scope);
    }

    MapRuns(ExecutionRunner runner, MapRunObjects objects, StatesStore states) {
        this.runner = runner;
        this.objects = objects;
        this.states = states;
    }

    @Override
    public byte[] getObject(ExecutionRun execution, String bucket, String key, String versionId) {
        return objects.get(execution, bucket, key, versionId);
    }

    @Override
    public ArrayNode listObjects(ExecutionRun execution, String bucket, String prefix) {
        return objects.list(execution, bucket, prefix);
    }

    @Override
    public void putObject(ExecutionRun execution, String bucket, String key, byte[] body) {
        objects.put(execution, bucket, key, body);
    }

    @Override
    public MapRun startMapRun(ExecutionRun parent, MapRunSpec spec) {
        StatesState state = states.get(new Scope(parent.account(), parent.region()));
        String path = childPath(parent, spec.processor());
        String arn = Arn.in(state.scope, StatesProvider.SERVICE, "mapRun:" + path + ":" + UUID.randomUUID())
                .toString();
        long items = spec.batches().stream().mapToLong(Batch::items).sum();
        MapRunRecord record = new MapRunRecord(arn, parent.executionArn(), childMachine(state, path), "RUNNING",
                parent.now().toEpochMilli(), null, spec.maxConcurrency(), spec.toleratedCount(),
                spec.toleratedPercentage(), MapRunRecord.Counts.of(items),
                MapRunRecord.Counts.of(spec.batches().size()), 0, null, null);
        Live run = new Live(state, record, spec.processor(), parent, path, spec.batches());
        live.put(arn, run);
        state.put(record);
        return run;
    }

    /**
     * Finds the parent's last map run of this Distributed Map; when it failed or was aborted, sorts its children
     * ("Child workflow execution redrive behavior"): those that succeeded are kept; unsuccessful EXPRESS ones are
     * started again; unsuccessful STANDARD ones are redriven if they can be (they stopped in a state), and are
     * otherwise kept as failures that cannot be redriven.
     */
    @Override
    public MapRun redriveMapRun(ExecutionRun parent, Processor processor) {
        StatesState state = states.get(new Scope(parent.account(), parent.region()));
        String path = childPath(parent, processor);
        String childMachine = childMachine(state, path);
        MapRunRecord last = state.mapRuns().stream()
                .filter(run -> run.executionArn().equals(parent.executionArn())
                        && run.stateMachineArn().equals(childMachine))
                .max(Comparator.comparingLong(MapRunRecord::startDate)).orElse(null);
        // Without its children recorded (it was interrupted by a restart, or recorded before Lab Cloud kept them)
        // there is nothing to redrive from: a new map run starts.
        if (last == null || !last.unsuccessful() || last.children() == null) {
            return null;
        }
        if (last.redriveCount() >= MapRunRecord.MAX_REDRIVES) {
            throw StatesError.runtime("The Map Run " + last.arn() + " cannot be redriven: it has reached the limit "
                    + "of " + MapRunRecord.MAX_REDRIVES + " redrives");
        }
        List<Batch> batches = new ArrayList<>();
        for (MapRunRecord.Child child : last.children()) {
            String input = child.input() != null ? child.input()
                    : state.execution(child.executionArn()).map(ExecutionRecord::input).orElse(null);
            if (input == null) {
                // Its child was removed (a reset of Lab Cloud) while its parent was kept: start a new map run.
                return null;
            }
            batches.add(new Batch(parse(input), child.items()));
        }
        Live run = new Live(state, last, processor, parent, path, batches);
        MapRunRecord.Counts items = last.itemCounts().redriving();
        MapRunRecord.Counts executions = last.executionCounts().redriving();
        for (int index = 0; index < batches.size(); index++) {
            String arn = last.children().get(index).executionArn();
            if (arn == null) {
                continue;
            }
            // A child aborted as the map run ended may still be stopping: where it stopped is what it redrives from.
            runner.awaitWoundDown(arn);
            ExecutionRecord child = state.execution(arn).orElseThrow();
            int covered = batches.get(index).items();
            if (child.status().equals("SUCCEEDED") || child.running()) {
                run.keep(index, child);
            } else if (processor.express() || child.redriveFrom() != null) {
                run.redriveChild(index, child);
                items = items.awaitingRedrive(covered, child.status());
                executions = executions.awaitingRedrive(1, child.status());
            } else {
                run.keep(index, child);
                items = items.notRedrivable(covered);
                executions = executions.notRedrivable(1);
            }
        }
        run.redriven(parent.now().toEpochMilli(), items, executions);
        live.put(last.arn(), run);
        return run;
    }

    private static String childPath(ExecutionRun parent, Processor processor) {
        String machine = Arn.parse(parent.executionArn()).orElseThrow().resource().split(":")[1];
        return machine + "/" + processor.label();
    }

    private static String childMachine(StatesState state, String path) {
        return Arn.in(state.scope, StatesProvider.SERVICE, "stateMachine:" + path).toString();
    }

    /** The map run as it is now: live while it runs, else as recorded. */
    Optional<MapRunRecord> current(StatesState state, String arn) {
        Live run = live.get(arn);
        return run != null ? Optional.of(run.snapshot()) : state.mapRun(arn);
    }

    /** UpdateMapRun on a running map run: new limits, which its Distributed Map reads at once. */
    boolean update(String arn, Integer maxConcurrency, Integer toleratedCount, Double toleratedPercentage) {
        Live run = live.get(arn);
        if (run == null) {
            return false;
        }
        run.update(maxConcurrency, toleratedCount, toleratedPercentage);
        return true;
    }

    /**
     * One running map run: its children by batch, each started (or, on a redrive, run again) at most once while it
     * runs.
     */
    private final class Live implements MapRun {
        private final StatesState state;
        private final Processor processor;
        private final ExecutionRun parent;
        private final String path;
        private final String childMachine;
        private final List<Batch> batches;
        private final String[] childArns;
        private final ChildExecution[] kept;
        /** The status each child to redrive ended with before, or null for a child not to redrive. */
        private final String[] redriveFrom;
        private final boolean[] runThisAttempt;
        private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        private final Set<String> running = ConcurrentHashMap.newKeySet();
        private MapRunRecord record;

        Live(StatesState state, MapRunRecord record, Processor processor, ExecutionRun parent, String path,
             List<Batch> batches) {
            this.state = state;
            this.record = record;
            this.processor = processor;
            this.parent = parent;
            this.path = path;
            this.childMachine = record.stateMachineArn();
            this.batches = List.copyOf(batches);
            this.childArns = new String[batches.size()];
            this.kept = new ChildExecution[batches.size()];
            this.redriveFrom = new String[batches.size()];
            this.runThisAttempt = new boolean[batches.size()];
            for (int index = 0; index < batches.size(); index++) {
                childArns[index] = record.children() == null ? null : record.children().get(index).executionArn();
            }
        }

        void keep(int index, ExecutionRecord child) {
            kept[index] = childExecution(child);
        }

        void redriveChild(int index, ExecutionRecord child) {
            redriveFrom[index] = child.status();
        }

        synchronized void redriven(long at, MapRunRecord.Counts items, MapRunRecord.Counts executions) {
            record = record.redriven(at, items, executions);
            state.put(record);
        }

        synchronized MapRunRecord snapshot() {
            return record;
        }

        @Override
        public String arn() {
            return record.arn();
        }

        @Override
        public synchronized int redriveCount() {
            return record.redriveCount();
        }

        @Override
        public List<Batch> batches() {
            return batches;
        }

        @Override
        public ChildExecution kept(int index) {
            return kept[index];
        }

        @Override
        public synchronized int maxConcurrency() {
            return record.maxConcurrency();
        }

        @Override
        public synchronized Integer toleratedCount() {
            return record.toleratedFailureCount();
        }

        @Override
        public synchronized Double toleratedPercentage() {
            return record.toleratedFailurePercentage();
        }

        @Override
        public void onUpdate(Runnable listener) {
            listeners.add(listener);
        }

        void update(Integer concurrency, Integer count, Double percentage) {
            synchronized (this) {
                record = record.withLimits(concurrency != null ? concurrency : record.maxConcurrency(),
                        count != null ? count : record.toleratedFailureCount(),
                        percentage != null ? percentage : record.toleratedFailurePercentage());
                state.put(record);
            }
            listeners.forEach(Runnable::run);
        }

        @Override
        public synchronized void resultsWritten(long items, long executions) {
            record = record.withCounts(record.itemCounts().written(items),
                    record.executionCounts().written(executions));
            state.put(record);
        }

        @Override
        public CompletableFuture<ChildExecution> runChild(int index) {
            int items = batches.get(index).items();
            String previous;
            String arn;
            synchronized (this) {
                previous = childArns[index];
                if (previous == null) {
                    String id = UUID.randomUUID().toString();
                    childArns[index] = Arn.in(state.scope, StatesProvider.SERVICE, "execution:" + path + ":" + id)
                            .toString();
                    record = record.withCounts(record.itemCounts().started(items),
                            record.executionCounts().started(1));
                } else {
                    record = record.withCounts(record.itemCounts().redriveStarted(items),
                            record.executionCounts().redriveStarted(1));
                }
                arn = childArns[index];
                runThisAttempt[index] = true;
            }
            running.add(arn);
            CompletableFuture<ExecutionRecord> ending = runner.whenEnded(arn);
            synchronized (state) {
                if (previous == null) {
                    String id = arn.substring(arn.lastIndexOf(':') + 1);
                    runner.start(state, newChild(arn, id, batches.get(index).input().toString()), processor.machine());
                } else {
                    runAgain(state.execution(arn).orElseThrow());
                }
            }
            return ending.thenApply(ended -> {
                runner.forgetEnding(arn);
                running.remove(arn);
                synchronized (this) {
                    record = record.withCounts(record.itemCounts().ended(items, ended.status()),
                            record.executionCounts().ended(1, ended.status()));
                }
                return childExecution(ended);
            });
        }

        private ExecutionRecord newChild(String arn, String id, String input) {
            return ExecutionRecord.started(arn, id, childMachine, path, processor.express() ? "EXPRESS" : "STANDARD",
                    processor.definition(), parent.roleArn(), input, parent.now().toEpochMilli())
                    .inMapRun(record.arn());
        }

        /**
         * Runs an unsuccessful child again: a STANDARD one is redriven (RedriveExecution: the same ARN, on from the
         * state it stopped in, its redriveCount one more); an EXPRESS one is started anew (StartExecution) under the
         * same ARN, from the ItemProcessor's first state, its earlier attempt not kept apart.
         */
        private void runAgain(ExecutionRecord child) {
            if (processor.express()) {
                state.removeHistory(child.arn());
                runner.start(state, newChild(child.arn(), child.name(), child.input()), processor.machine());
            } else {
                runner.redrive(state, child.redriven(parent.now().toEpochMilli()), processor.machine());
            }
        }

        @Override
        public void abortChildren() {
            for (String arn : List.copyOf(running)) {
                runner.end(state, arn, "ABORTED", null, "The map run " + record.arn() + " ended");
            }
        }

        @Override
        public void ended(String status) {
            synchronized (this) {
                MapRunRecord.Counts items = record.itemCounts();
                MapRunRecord.Counts executions = record.executionCounts();
                List<MapRunRecord.Child> children = new ArrayList<>();
                for (int index = 0; index < batches.size(); index++) {
                    if (redriveFrom[index] != null && !runThisAttempt[index]) {
                        items = items.redriveAbandoned(batches.get(index).items(), redriveFrom[index]);
                        executions = executions.redriveAbandoned(1, redriveFrom[index]);
                    }
                    // A started child's input is on its own record.
                    children.add(new MapRunRecord.Child(childArns[index] == null
                            ? batches.get(index).input().toString() : null, batches.get(index).items(),
                            childArns[index]));
                }
                record = record.withCounts(items, executions).ended(status, parent.now().toEpochMilli(),
                        List.copyOf(children));
                state.put(record);
            }
            live.remove(record.arn());
        }
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A child that has ended, as its Distributed Map sees it. */
    private static ChildExecution childExecution(ExecutionRecord ended) {
        return new ChildExecution(ended.arn(), ended.status(), parse(ended.output()), ended.error(), ended.cause(),
                description(ended));
    }

    /** A child as a ResultWriter file lists it: DescribeExecution's members, PascalCase, dates in ISO 8601. */
    private static JsonNode description(ExecutionRecord child) {
        ObjectNode described = Json.object();
        described.put("ExecutionArn", child.arn());
        described.put("Input", child.input());
        described.putObject("InputDetails").put("Included", true);
        described.put("Name", child.name());
        if (child.output() != null) {
            described.put("Output", child.output());
            described.putObject("OutputDetails").put("Included", true);
        }
        if (child.error() != null) {
            described.put("Error", child.error());
        }
        if (child.cause() != null) {
            described.put("Cause", child.cause());
        }
        described.put("RedriveCount", child.redriveCount());
        described.put("RedriveStatus", "NOT_REDRIVABLE");
        described.put("RedriveStatusReason", "Execution is " + child.status() + " and cannot be redriven");
        described.put("StartDate", Instant.ofEpochMilli(child.startDate()).toString());
        described.put("StateMachineArn", child.stateMachineArn());
        described.put("Status", child.status());
        if (child.stopDate() != null) {
            described.put("StopDate", Instant.ofEpochMilli(child.stopDate()).toString());
        }
        return described;
    }
}
