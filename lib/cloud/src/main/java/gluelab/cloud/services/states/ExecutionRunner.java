package gluelab.cloud.services.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.clock.LabScheduler;
import gluelab.cloud.clock.TimerOwner;
import gluelab.cloud.events.DefaultBusEntry;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.states.asl.ExecutionHost;
import gluelab.cloud.services.states.asl.ExecutionRun;
import gluelab.cloud.services.states.asl.MapRunHost;
import gluelab.cloud.services.states.asl.Machine;
import gluelab.cloud.services.states.asl.Progress;
import gluelab.cloud.services.states.asl.RedrivePoint;
import gluelab.cloud.services.states.asl.StatesError;
import gluelab.cloud.services.states.asl.TaskIntegration;
import gluelab.cloud.services.states.asl.TaskTokens;
import gluelab.cloud.services.states.integrations.MapRunObjects;
import gluelab.cloud.state.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs executions: each on a thread of its own (its Parallel branches and Map iterations on more), counted as work in
 * flight while it makes progress and not while it waits on the lab clock or for other work. It writes the history,
 * keeps the execution's record, ends it on StopExecution or the machine's TimeoutSeconds, and publishes each status
 * change ("Step Functions Execution Status Change", which AWS also puts on the default EventBridge bus).
 *
 * <p>Executions do not survive a restart of Lab Cloud: one that was running when Lab Cloud stopped ends FAILED with
 * {@code States.Runtime} and a cause that says so ({@link #failInterrupted}).
 */
final class ExecutionRunner implements AutoCloseable {

    static final String STATUS_CHANGE = "Step Functions Execution Status Change";
    static final String INTERRUPTED_CAUSE = "Lab Cloud stopped while the execution was running; executions do not "
            + "resume after a restart";
    private static final Logger LOG = Logger.getLogger(ExecutionRunner.class.getName());

    private final Platform platform;
    private final AccountRegionStore<StatesState> states;
    private final List<TaskIntegration> integrations;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<ExecutionRecord>> endings = new ConcurrentHashMap<>();
    private final TaskTokens tokens = new TaskTokens();
    private final MapRuns mapRuns;
    private volatile boolean closed;
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "states-execution-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** An execution that is running: its interpreter and its history. */
    private record Running(ExecutionRun run, ExecutionHistory history) {
    }

    ExecutionRunner(Platform platform, AccountRegionStore<StatesState> states, List<TaskIntegration> integrations,
                    MapRunObjects objects) {
        this.platform = platform;
        this.states = states;
        this.integrations = integrations;
        this.mapRuns = new MapRuns(this, objects, states::get);
    }

    /** The map runs of Distributed Map states. */
    MapRuns mapRuns() {
        return mapRuns;
    }

    List<TaskIntegration> integrations() {
        return integrations;
    }

    /** The tokens of the tasks that wait for a callback, in every execution. */
    TaskTokens tokens() {
        return tokens;
    }

    /**
     * Completes with the execution's record once it has ended (StartSyncExecution waits on it); ask before starting
     * it, so that an execution that ends at once is not missed, and {@link #forgetEnding} once it has been read.
     * The future stays registered after it completes: a second ask for the same execution gets the completed one,
     * not a new one that nothing would complete.
     */
    CompletableFuture<ExecutionRecord> whenEnded(String arn) {
        return endings.computeIfAbsent(arn, key -> new CompletableFuture<>());
    }

    /** Drops the ending StartSyncExecution waited for. */
    void forgetEnding(String arn) {
        endings.remove(arn);
    }

    /**
     * Starts {@code execution} (already checked, RUNNING) of {@code machine}: records it and its ExecutionStarted
     * event, and runs it on a thread of its own.
     */
    void start(StatesState state, ExecutionRecord execution, Machine machine) {
        ExecutionHistory history = new ExecutionHistory(state, execution.arn(), platform.clock(), 0);
        state.put(execution);
        ObjectNode started = Json.object();
        started.put("input", execution.input());
        started.putObject("inputDetails").put("truncated", false);
        started.put("roleArn", execution.roleArn());
        long startedId = history.append("ExecutionStarted", 0, "executionStartedEventDetails", started);
        publishStatus(state.scope, execution);
        JsonNode input = parse(execution.input());
        launch(state, execution, machine, history, execution.startDate(), run -> run.run(machine, input, startedId));
    }

    /**
     * Runs {@code execution} on (already checked, and {@link ExecutionRecord#redriven} from FAILED, ABORTED or
     * TIMED_OUT) from the state it stopped in, after an {@code ExecutionRedriven} event; the machine's timeout
     * counts from now.
     */
    void redrive(StatesState state, ExecutionRecord execution, Machine machine) {
        long lastId = lastId(state, execution.arn());
        ExecutionHistory history = new ExecutionHistory(state, execution.arn(), platform.clock(), lastId);
        state.put(execution);
        ObjectNode details = Json.object().put("redriveCount", execution.redriveCount());
        long redrivenId = history.append("ExecutionRedriven", lastId, "executionRedrivenEventDetails", details);
        publishStatus(state.scope, execution);
        ObjectNode variables = execution.redriveVariables() == null ? Json.object()
                : (ObjectNode) parse(execution.redriveVariables());
        JsonNode branches = execution.redriveBranches() == null ? null : parse(execution.redriveBranches());
        RedrivePoint from = new RedrivePoint(execution.redriveFrom(), parse(execution.redriveInput()), variables,
                branches instanceof com.fasterxml.jackson.databind.node.ArrayNode array ? array : null);
        launch(state, execution, machine, history, execution.redriveDate(),
                run -> run.resume(machine, from, redrivenId));
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code body} on a thread of its own, timed out by the machine's TimeoutSeconds from {@code since}. */
    private void launch(StatesState state, ExecutionRecord execution, Machine machine, ExecutionHistory history,
                        long since, Function<ExecutionRun, JsonNode> body) {
        Progress progress = new Progress(platform.activity(), "Step Functions execution " + execution.name());
        ExecutionRun run = new ExecutionRun(host(state.scope, execution), history, progress,
                contextObject(execution), execution.roleArn(), state.scope.account(), state.scope.region());
        running.put(execution.arn(), new Running(run, history));
        Runnable cancelTimeout = machine.timeoutSeconds() == null ? () -> { }
                : host(state.scope, execution).at(Instant.ofEpochMilli(since)
                .plusSeconds(machine.timeoutSeconds()), () -> end(state, execution.arn(), "TIMED_OUT",
                StatesError.TIMEOUT, "The execution timed out after " + machine.timeoutSeconds() + " seconds"));
        progress.running();
        threads.execute(() -> {
            try {
                JsonNode output = body.apply(run);
                succeed(state, execution.arn(), output);
            } catch (StatesError error) {
                remember(state, execution.arn(), run.failedAt());
                end(state, execution.arn(), "FAILED", error.error(), error.cause());
            } catch (Exception unexpected) {
                LOG.log(Level.WARNING, "Execution " + execution.arn() + " failed unexpectedly", unexpected);
                remember(state, execution.arn(), run.failedAt());
                end(state, execution.arn(), "FAILED", StatesError.RUNTIME, String.valueOf(unexpected));
            } finally {
                cancelTimeout.run();
                running.remove(execution.arn());
                progress.stopped();
            }
        });
    }

    /** Keeps where the execution stopped, for RedriveExecution. */
    private static void remember(StatesState state, String arn, RedrivePoint point) {
        if (point == null) {
            return;
        }
        synchronized (state) {
            state.execution(arn).ifPresent(execution -> state.put(execution.stoppedIn(point.state(),
                    point.input().toString(), point.variables().toString(),
                    point.branches() == null ? null : point.branches().toString())));
        }
    }

    /** Whether the execution's thread still runs (it may be winding down after a stop). */
    boolean winding(String arn) {
        return running.containsKey(arn);
    }

    /**
     * Waits (a few seconds at most) for the thread of an execution that has just ended to finish its state: where
     * it stopped is what a redrive runs on from.
     */
    void awaitWoundDown(String arn) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (winding(arn) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private ObjectNode contextObject(ExecutionRecord execution) {
        ObjectNode context = Json.object();
        ObjectNode exec = context.putObject("Execution");
        exec.put("Id", execution.arn());
        try {
            exec.set("Input", Json.MAPPER.readTree(execution.input()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        exec.put("Name", execution.name());
        exec.put("RoleArn", execution.roleArn());
        exec.put("StartTime", Instant.ofEpochMilli(execution.startDate()).toString());
        exec.put("RedriveCount", execution.redriveCount());
        if (execution.redriveDate() != null) {
            exec.put("RedriveTime", Instant.ofEpochMilli(execution.redriveDate()).toString());
        }
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", execution.stateMachineArn());
        machine.put("Name", execution.stateMachineName());
        return context;
    }

    private ExecutionHost host(Scope scope, ExecutionRecord execution) {
        LabScheduler scheduler = platform.scheduler();
        TimerOwner owner = new TimerOwner(StatesProvider.SERVICE, "Execution timer", Arn.parse(execution.arn())
                .orElseThrow().resource(), scope.account(), scope.region());
        return new ExecutionHost() {
            @Override
            public Instant now() {
                return platform.clock().instant();
            }

            @Override
            public Runnable at(Instant when, Runnable action) {
                LabScheduler.Registration timer = scheduler.scheduleOnce(owner, when, fired -> action.run());
                return timer::cancel;
            }

            @Override
            public Executor threads() {
                return threads;
            }

            @Override
            public TaskTokens tokens() {
                return tokens;
            }

            @Override
            public MapRunHost mapRuns() {
                return mapRuns;
            }
        };
    }

    private void succeed(StatesState state, String arn, JsonNode output) {
        close(state, arn, "SUCCEEDED", history -> {
            ObjectNode details = Json.object();
            details.put("output", output.toString());
            details.putObject("outputDetails").put("truncated", false);
            history.close("ExecutionSucceeded", "executionSucceededEventDetails", details);
        }, output.toString(), null, null);
    }

    /** Ends a running execution as FAILED, ABORTED or TIMED_OUT; nothing happens if it has already ended. */
    void end(StatesState state, String arn, String status, String error, String cause) {
        String type = switch (status) {
            case "ABORTED" -> "ExecutionAborted";
            case "TIMED_OUT" -> "ExecutionTimedOut";
            default -> "ExecutionFailed";
        };
        String member = switch (status) {
            case "ABORTED" -> "executionAbortedEventDetails";
            case "TIMED_OUT" -> "executionTimedOutEventDetails";
            default -> "executionFailedEventDetails";
        };
        boolean ended = close(state, arn, status, history -> {
            ObjectNode details = Json.object();
            if (error != null) {
                details.put("error", error);
            }
            if (cause != null) {
                details.put("cause", cause);
            }
            history.close(type, member, details);
        }, null, error, cause);
        Running run = running.get(arn);
        if (ended && run != null && !status.equals("FAILED")) {
            run.run().stop(new StatesError(error == null ? "" : error, cause == null ? "" : cause));
        }
    }

    private boolean close(StatesState state, String arn, String status, Consumer<ExecutionHistory> lastEvent,
                          String output, String error, String cause) {
        ExecutionRecord ended;
        if (closed) {
            // Lab Cloud is stopping: what its threads see now is the stop, not how the execution ends.
            return false;
        }
        synchronized (state) {
            ExecutionRecord execution = state.execution(arn).orElse(null);
            if (execution == null || !execution.running()) {
                return false;
            }
            Running run = running.get(arn);
            ExecutionHistory history = run != null ? run.history()
                    : new ExecutionHistory(state, arn, platform.clock(), lastId(state, arn));
            lastEvent.accept(history);
            ended = execution.ended(status, platform.clock().millis(), output, error, cause);
            state.put(ended);
        }
        publishStatus(state.scope, ended);
        CompletableFuture<ExecutionRecord> waiting = endings.get(arn);
        if (waiting != null) {
            waiting.complete(ended);
        }
        return true;
    }

    private static long lastId(StatesState state, String arn) {
        List<HistoryRecord> events = state.history(arn);
        return events.isEmpty() ? 0 : events.get(events.size() - 1).id();
    }

    /**
     * Stops a running execution that a reset removed, writing nothing more: its record and history are gone.
     */
    void discard(String arn) {
        Running run = running.remove(arn);
        if (run != null) {
            run.history().discard();
            run.run().stop(StatesError.runtime("The execution was removed by a reset of Lab Cloud"));
        }
    }

    /**
     * Ends every execution a previous run of Lab Cloud left running: FAILED, with a cause that says why; so do their
     * map runs.
     */
    void failInterrupted() {
        for (StatesState state : states.all().values()) {
            for (MapRunRecord mapRun : state.mapRuns()) {
                if (mapRun.running()) {
                    state.put(mapRun.ended("FAILED", platform.clock().millis(), mapRun.children()));
                }
            }
            for (ExecutionRecord execution : state.executions()) {
                if (execution.running() && !running.containsKey(execution.arn())) {
                    end(state, execution.arn(), "FAILED", StatesError.RUNTIME, INTERRUPTED_CAUSE);
                }
            }
        }
    }

    private void publishStatus(Scope scope, ExecutionRecord execution) {
        ObjectNode detail = Json.object();
        detail.put("executionArn", execution.arn());
        detail.put("stateMachineArn", execution.stateMachineArn());
        detail.put("name", execution.name());
        detail.put("status", execution.status());
        detail.put("startDate", execution.startDate());
        if (execution.stopDate() == null) {
            detail.putNull("stopDate");
        } else {
            detail.put("stopDate", execution.stopDate());
        }
        detail.put("input", execution.input());
        if (execution.output() == null) {
            detail.putNull("output");
        } else {
            detail.put("output", execution.output());
        }
        detail.putObject("inputDetails").put("included", true);
        if (execution.output() == null) {
            detail.putNull("outputDetails");
        } else {
            detail.putObject("outputDetails").put("included", true);
        }
        if (execution.error() == null) {
            detail.putNull("error");
        } else {
            detail.put("error", execution.error());
        }
        if (execution.cause() == null) {
            detail.putNull("cause");
        } else {
            detail.put("cause", execution.cause());
        }
        platform.events().publish(scope.account(), scope.region(), StatesProvider.SERVICE, STATUS_CHANGE,
                Arn.parse(execution.arn()).orElseThrow().resource(), detail,
                DefaultBusEntry.of("aws.states", execution.arn()));
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdownNow();
    }
}
