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
import java.time.Instant;
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
        String machine = Arn.parse(parent.executionArn()).orElseThrow().resource().split(":")[1];
        String path = machine + "/" + spec.label();
        String arn = Arn.in(state.scope, StatesProvider.SERVICE, "mapRun:" + path + ":" + UUID.randomUUID())
                .toString();
        String childMachine = Arn.in(state.scope, StatesProvider.SERVICE, "stateMachine:" + path).toString();
        MapRunRecord record = new MapRunRecord(arn, parent.executionArn(), childMachine, "RUNNING",
                parent.now().toEpochMilli(), null, spec.maxConcurrency(), spec.toleratedCount(),
                spec.toleratedPercentage(), MapRunRecord.Counts.of(spec.totalItems()),
                MapRunRecord.Counts.of(spec.totalExecutions()));
        Live run = new Live(state, record, spec, parent, path, childMachine);
        live.put(arn, run);
        state.put(record);
        return run;
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

    /** One running map run. */
    private final class Live implements MapRun {
        private final StatesState state;
        private final MapRunSpec spec;
        private final ExecutionRun parent;
        private final String path;
        private final String childMachine;
        private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        private final Set<String> running = ConcurrentHashMap.newKeySet();
        private MapRunRecord record;

        Live(StatesState state, MapRunRecord record, MapRunSpec spec, ExecutionRun parent, String path,
             String childMachine) {
            this.state = state;
            this.record = record;
            this.spec = spec;
            this.parent = parent;
            this.path = path;
            this.childMachine = childMachine;
        }

        synchronized MapRunRecord snapshot() {
            return record;
        }

        @Override
        public String arn() {
            return record.arn();
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
        public CompletableFuture<ChildExecution> startChild(JsonNode input, int items) {
            String id = UUID.randomUUID().toString();
            String arn = Arn.in(state.scope, StatesProvider.SERVICE, "execution:" + path + ":" + id).toString();
            ExecutionRecord child = ExecutionRecord.started(arn, id, childMachine, path,
                    spec.express() ? "EXPRESS" : "STANDARD", spec.processorDefinition(), parent.roleArn(),
                    input.toString(), parent.now().toEpochMilli()).inMapRun(record.arn());
            synchronized (this) {
                record = record.withCounts(record.itemCounts().started(items),
                        record.executionCounts().started(1));
            }
            running.add(arn);
            CompletableFuture<ExecutionRecord> ending = runner.whenEnded(arn);
            synchronized (state) {
                runner.start(state, child, spec.processor());
            }
            return ending.thenApply(ended -> {
                runner.forgetEnding(arn);
                running.remove(arn);
                synchronized (this) {
                    record = record.withCounts(record.itemCounts().ended(items, ended.status()),
                            record.executionCounts().ended(1, ended.status()));
                }
                return new ChildExecution(arn, ended.status(), parse(ended.output()), ended.error(), ended.cause(),
                        description(ended));
            });
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
                record = record.ended(status, parent.now().toEpochMilli());
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
