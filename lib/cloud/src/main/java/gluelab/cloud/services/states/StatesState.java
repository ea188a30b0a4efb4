package gluelab.cloud.services.states;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state machines of one account and region, their executions and the executions' histories, durable. A history
 * event is stored under its execution's ARN and its id, so an execution's history is one range of keys.
 */
final class StatesState {

    final Scope scope;
    private final DurableMap<StateMachineRecord> machines;
    private final DurableMap<ExecutionRecord> executions;
    private final DurableMap<HistoryRecord> history;
    private final DurableMap<MapRunRecord> mapRuns;

    StatesState(Scope scope, StateStore store) {
        this.scope = scope;
        this.machines = store.map(scope.mapName(StatesProvider.SERVICE, "stateMachines"),
                Codec.of(StateMachineRecord.class));
        this.executions = store.map(scope.mapName(StatesProvider.SERVICE, "executions"),
                Codec.of(ExecutionRecord.class));
        this.history = store.map(scope.mapName(StatesProvider.SERVICE, "history"), Codec.of(HistoryRecord.class));
        this.mapRuns = store.map(scope.mapName(StatesProvider.SERVICE, "mapRuns"), Codec.of(MapRunRecord.class));
    }

    Optional<StateMachineRecord> machine(String name) {
        return machines.find(name);
    }

    List<StateMachineRecord> machines() {
        return List.copyOf(machines.values());
    }

    void put(StateMachineRecord machine) {
        machines.put(machine.name(), machine);
    }

    void removeMachine(String name) {
        machines.remove(name);
    }

    Optional<ExecutionRecord> execution(String arn) {
        return executions.find(arn);
    }

    List<ExecutionRecord> executions() {
        return List.copyOf(executions.values());
    }

    void put(ExecutionRecord execution) {
        executions.put(execution.arn(), execution);
    }

    Optional<MapRunRecord> mapRun(String arn) {
        return mapRuns.find(arn);
    }

    List<MapRunRecord> mapRuns() {
        return List.copyOf(mapRuns.values());
    }

    void put(MapRunRecord mapRun) {
        mapRuns.put(mapRun.arn(), mapRun);
    }

    void append(String executionArn, HistoryRecord event) {
        history.put(historyKey(executionArn, event.id()), event);
    }

    /** The execution's events, in id order. */
    List<HistoryRecord> history(String executionArn) {
        return new ArrayList<>(history.view().subMap(historyKey(executionArn, 0), true,
                historyKey(executionArn, Long.MAX_VALUE / 10), true).values());
    }

    /** Drops the execution's history: an EXPRESS map run child started again keeps no earlier attempt. */
    void removeHistory(String executionArn) {
        for (HistoryRecord event : history(executionArn)) {
            history.remove(historyKey(executionArn, event.id()));
        }
    }

    private static String historyKey(String executionArn, long id) {
        return executionArn + "#" + String.format("%018d", id);
    }

    /**
     * Removes the machines whose name starts with {@code prefix} (all for null), their executions and histories;
     * {@code removedExecution} hears of each execution removed.
     */
    int reset(String prefix, java.util.function.Consumer<String> removedExecution) {
        int removed = 0;
        for (StateMachineRecord machine : machines()) {
            if (prefix == null || machine.name().startsWith(prefix)) {
                machines.remove(machine.name());
                removed++;
            }
        }
        for (ExecutionRecord execution : executions()) {
            if (prefix == null || execution.stateMachineName().startsWith(prefix)) {
                executions.remove(execution.arn());
                removedExecution.accept(execution.arn());
                removeHistory(execution.arn());
            }
        }
        for (MapRunRecord mapRun : mapRuns()) {
            if (!executions.containsKey(mapRun.executionArn())) {
                mapRuns.remove(mapRun.arn());
            }
        }
        return removed;
    }
}
