package gluelab.lab.states;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * One execution as Step Functions reports it, on AWS and on Lab Cloud alike: {@code DescribeExecution}, the
 * definition it ran ({@code DescribeStateMachineForExecution}) and its whole history, with each event tied to the
 * state it happened in by following {@code previousEventId} back to the state's {@code …StateEntered}.
 */
public final class ExecutionEvents {

    /** How many times a state was entered, what became of it, and how many of its attempts failed on the way. */
    public record StateRun(StateOutcome outcome, int entries, int failedAttempts) {
    }

    private final DescribeExecutionResponse execution;
    private final String definition;
    private final List<HistoryEvent> events;
    private final Map<Long, HistoryEvent> byId = new HashMap<>();
    private final Map<Long, Long> ownerOf = new HashMap<>();

    ExecutionEvents(DescribeExecutionResponse execution, String definition, List<HistoryEvent> events) {
        this.execution = execution;
        this.definition = definition;
        this.events = List.copyOf(events);
        events.forEach(e -> byId.put(e.id(), e));
        attribute();
    }

    public static ExecutionEvents read(SfnClient sfn, String executionArn) {
        DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(executionArn));
        String definition = sfn.describeStateMachineForExecution(r -> r.executionArn(executionArn)).definition();
        List<HistoryEvent> events = new ArrayList<>();
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn).maxResults(1000)).events()
                .forEach(events::add);
        return new ExecutionEvents(execution, definition, events);
    }

    public DescribeExecutionResponse execution() {
        return execution;
    }

    public String definition() {
        return definition;
    }

    public List<HistoryEvent> events() {
        return events;
    }

    /** The state {@code event} happened in, or null for the execution's own events. */
    public String stateOf(HistoryEvent event) {
        Long entered = ownerOf.get(event.id());
        return entered == null ? null : details(byId.get(entered)).get("name");
    }

    /**
     * Ties each event to the {@code …StateEntered} of the state it happened in. A state's own events follow one
     * another through {@code previousEventId}, so a task's events are found by walking back; but a Parallel or Map
     * state's closing events follow the last event of a branch, so they go to the innermost Parallel or Map still
     * open, and an {@code …StateExited} to the open state of its name.
     */
    private void attribute() {
        List<Long> open = new ArrayList<>();
        for (HistoryEvent event : events) {
            String type = event.typeAsString();
            Long owner;
            if (type.endsWith("StateEntered")) {
                owner = event.id();
                open.add(owner);
            } else if (type.endsWith("StateExited")) {
                owner = latestOpen(open, e -> Objects.equals(details(e).get("name"), details(event).get("name")));
                open.remove(owner);
            } else if (type.startsWith("ParallelState") || type.startsWith("MapState") || type.startsWith("MapIteration")
                    || type.startsWith("MapRun")) {
                String container = type.startsWith("Parallel") ? "ParallelStateEntered" : "MapStateEntered";
                owner = latestOpen(open, e -> e.typeAsString().equals(container));
            } else if (type.startsWith("Execution")) {
                owner = null; // the execution's own events belong to no state
            } else {
                owner = walkBack(event);
            }
            if (owner != null) {
                ownerOf.put(event.id(), owner);
            }
        }
    }

    private Long latestOpen(List<Long> open, java.util.function.Predicate<HistoryEvent> matches) {
        for (int i = open.size() - 1; i >= 0; i--) {
            if (matches.test(byId.get(open.get(i)))) {
                return open.get(i);
            }
        }
        return null;
    }

    private Long walkBack(HistoryEvent event) {
        Long previous = event.previousEventId();
        while (previous != null && previous != 0) {
            if (ownerOf.containsKey(previous)) {
                return ownerOf.get(previous);
            }
            HistoryEvent before = byId.get(previous);
            previous = before == null ? null : before.previousEventId();
        }
        return null;
    }

    /** The string members of an event's details ({@code name}, {@code input}, {@code error}, {@code cause} …). */
    public static Map<String, String> details(HistoryEvent event) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SdkField<?> field : event.sdkFields()) {
            if (field.memberName().endsWith("EventDetails") && field.getValueOrDefault(event) instanceof SdkPojo pojo) {
                for (SdkField<?> member : pojo.sdkFields()) {
                    if (member.getValueOrDefault(pojo) instanceof String text) {
                        values.put(member.memberName(), text);
                    }
                }
            }
        }
        return values;
    }

    /** Per state name, what became of it; states never entered are absent. */
    public Map<String, StateRun> stateRuns(Map<String, String> typeOfState) {
        record Attempt(String name, boolean[] exited, int[] failures, boolean[] lastFailed) {
        }
        Map<Long, Attempt> attempts = new LinkedHashMap<>();
        for (HistoryEvent event : events) {
            String type = event.typeAsString();
            if (type.endsWith("StateEntered")) {
                attempts.put(event.id(), new Attempt(details(event).get("name"), new boolean[1], new int[1], new boolean[1]));
                continue;
            }
            Long entered = ownerOf.get(event.id());
            Attempt attempt = entered == null ? null : attempts.get(entered);
            if (attempt == null) {
                continue;
            }
            if (type.endsWith("StateExited")) {
                attempt.exited()[0] = true;
            } else if (isFailure(type)) {
                attempt.failures()[0]++;
                attempt.lastFailed()[0] = true;
            } else if (type.endsWith("Succeeded") && !type.startsWith("MapIteration")) {
                attempt.lastFailed()[0] = false;
            }
        }
        ExecutionStatus status = execution.status();
        Map<String, StateRun> runs = new LinkedHashMap<>();
        for (Attempt attempt : attempts.values()) {
            String stateType = typeOfState.getOrDefault(attempt.name(), "");
            StateOutcome outcome;
            if (stateType.equals("Fail")) {
                outcome = StateOutcome.FAILED;
            } else if (attempt.exited()[0]) {
                outcome = attempt.lastFailed()[0] ? StateOutcome.CAUGHT : StateOutcome.SUCCEEDED;
            } else if (status == ExecutionStatus.RUNNING) {
                outcome = StateOutcome.IN_PROGRESS;
            } else if (status == ExecutionStatus.ABORTED) {
                outcome = StateOutcome.CANCELLED;
            } else if (attempt.failures()[0] > 0 || stateType.equals("Parallel") || stateType.equals("Map")
                    || status == ExecutionStatus.TIMED_OUT) {
                outcome = StateOutcome.FAILED;
            } else {
                // A state stopped because another branch of its Parallel failed.
                outcome = StateOutcome.CANCELLED;
            }
            StateRun before = runs.get(attempt.name());
            runs.put(attempt.name(), before == null
                    ? new StateRun(outcome, 1, attempt.failures()[0])
                    : new StateRun(before.outcome().worst(outcome), before.entries() + 1,
                            before.failedAttempts() + attempt.failures()[0]));
        }
        return runs;
    }

    private static boolean isFailure(String type) {
        return !type.startsWith("Execution") && !type.startsWith("MapIteration")
                && (type.endsWith("Failed") || type.endsWith("TimedOut"));
    }
}
