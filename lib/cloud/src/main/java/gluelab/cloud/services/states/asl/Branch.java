package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread of control in an execution: the machine itself, a Parallel branch or a Map iteration. It runs states
 * one after another, and chains its history events: each names the one before it in this branch as its
 * {@code previousEventId}.
 */
public final class Branch {

    private final ExecutionRun run;
    private long lastEventId;
    private final ObjectNode mapContext;
    private final List<Cancellation> cancellations;
    private final boolean topLevel;
    /** The variables this branch sees; replaced, never changed, on each assignment, so a reader's view holds still. */
    private ObjectNode variables;
    /** What the running state has assigned, for its StateExited event. */
    private ObjectNode assignedByState;
    /** The point a redrive runs this branch on from, until the branch enters that state; else null. */
    private RedrivePoint redriving;
    /** What became of the branches of the running state (a Parallel or inline Map) when it failed; else null. */
    private ArrayNode failedBranches;
    /** Where this branch stopped, once it has failed or been stopped. */
    private volatile RedrivePoint failedAt;

    Branch(ExecutionRun run, long lastEventId, ObjectNode mapContext, List<Cancellation> cancellations,
           boolean topLevel) {
        this(run, lastEventId, mapContext, cancellations, topLevel,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }

    Branch(ExecutionRun run, long lastEventId, ObjectNode mapContext, List<Cancellation> cancellations,
                   boolean topLevel, ObjectNode variables) {
        this.variables = variables;
        this.run = run;
        this.lastEventId = lastEventId;
        this.mapContext = mapContext;
        this.cancellations = cancellations;
        this.topLevel = topLevel;
    }

    /**
     * Whether this branch of a redriven execution is entering, for the first time since the redrive, the state
     * {@code state} it is redriven from.
     */
    boolean redrivenIn(String state) {
        return redriveIn(state) != null;
    }

    /**
     * The point this branch is redriven from when it is entering, for the first time since the redrive, the state
     * {@code state}; null otherwise. A Parallel or inline Map finds there what its branches did last time.
     */
    synchronized RedrivePoint redriveIn(String state) {
        RedrivePoint point = redriving;
        if (point == null || !point.state().equals(state)) {
            return null;
        }
        redriving = null;
        return point;
    }

    /**
     * The running state (a Parallel or inline Map) fails with {@code outcomes} of its branches: a redrive of this
     * branch in that state keeps those that succeeded.
     */
    synchronized void branchesFailed(BranchOutcomes outcomes) {
        failedBranches = outcomes.toJson();
    }

    private synchronized ArrayNode takeFailedBranches() {
        ArrayNode branches = failedBranches;
        failedBranches = null;
        return branches;
    }

    /** Where this branch failed or was stopped; null while it has not (or before it entered a state). */
    RedrivePoint failedAt() {
        return failedAt;
    }

    ExecutionRun execution() {
        return run;
    }

    long lastEventId() {
        return lastEventId;
    }

    /**
     * A branch that starts after this one's latest event (a Parallel branch, a Map iteration) and ends when this one
     * is stopped or {@code group} is cancelled.
     */
    Branch fork(ObjectNode mapContext, Cancellation group) {
        List<Cancellation> chain = new ArrayList<>(cancellations);
        chain.add(group);
        // A branch sees the variables as they are when it starts; what it assigns stays its own.
        return new Branch(run, lastEventId, mapContext, List.copyOf(chain), false, variables());
    }

    /** The workflow variables this branch sees, as they are now; the caller must not change them. */
    synchronized ObjectNode variables() {
        return variables;
    }

    /**
     * Sets the variables {@code values} names, all at once (each value was evaluated with the variables as they were
     * before), after checking Step Functions' limits on their size.
     *
     * @throws StatesError {@code States.DataLimitExceeded} when a value or the assignment is too large
     */
    synchronized void assign(JsonNode values) {
        Variables.checkSizes(values);
        ObjectNode next = variables.deepCopy();
        values.fields().forEachRemaining(entry -> next.set(entry.getKey(), entry.getValue()));
        variables = next;
        if (assignedByState == null) {
            assignedByState = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        assignedByState.setAll((ObjectNode) values);
    }

    /** What the running state assigned (for its StateExited event), or null; the next state starts afresh. */
    synchronized ObjectNode takeAssigned() {
        ObjectNode assigned = assignedByState;
        assignedByState = null;
        return assigned;
    }

    /** Throws the reason this branch was stopped for, if it was. */
    void checkStopped() {
        cancellations.forEach(Cancellation::check);
    }

    /** Waits for {@code resumption}, not counted as running; a stop of this branch ends the wait. */
    <T> T await(Resumption<T> resumption) {
        cancellations.forEach(c -> c.register(resumption));
        try {
            return resumption.await();
        } finally {
            cancellations.forEach(c -> c.unregister(resumption));
        }
    }

    /** Waits on the lab clock until {@code when}. */
    void sleepUntil(Instant when) {
        ExecutionHost host = run.host();
        if (!when.isAfter(host.now())) {
            checkStopped();
            return;
        }
        Resumption<Void> timer = new Resumption<>(run.progress());
        Runnable cancel = host.at(when, () -> timer.resume(null));
        try {
            await(timer);
        } finally {
            cancel.run();
        }
    }

    long record(String type, String detailsMember, JsonNode details) {
        lastEventId = run.record(type, lastEventId, detailsMember, details);
        return lastEventId;
    }

    /** Continues this branch after {@code other}, e.g. a Parallel state after its branches. */
    void follow(long eventId) {
        lastEventId = Math.max(lastEventId, eventId);
    }

    JsonNode run(Machine machine, JsonNode input) {
        return runFrom(machine, machine.startAt(), input);
    }

    /**
     * Runs {@code machine} again on this branch from {@code from}, where an earlier attempt of it stopped, with the
     * variables it had there (RedriveExecution); from its start on {@code input} when {@code from} is null.
     */
    JsonNode runAgain(Machine machine, RedrivePoint from, JsonNode input) {
        if (from == null) {
            return run(machine, input);
        }
        if (machine.state(from.state()) == null) {
            throw StatesError.runtime("The state " + from.state() + " to redrive from is not in the definition");
        }
        synchronized (this) {
            variables = from.variables();
            redriving = from;
        }
        return runFrom(machine, from.state(), from.input());
    }

    /**
     * Runs {@code machine} from the state {@code start}; a state that fails (or is stopped) is where a redrive would
     * run this branch on from.
     */
    JsonNode runFrom(Machine machine, String start, JsonNode input) {
        String current = start;
        JsonNode data = input;
        ObjectNode variablesBefore = variables();
        while (true) {
            Transition transition;
            try {
                takeFailedBranches();
                checkStopped();
                variablesBefore = variables();
                transition = machine.state(current).run(data, this);
            } catch (StatesError error) {
                failedAt = new RedrivePoint(current, data, variablesBefore, takeFailedBranches());
                if (topLevel) {
                    run.failedAt(failedAt);
                }
                throw error;
            }
            data = transition.output();
            if (transition.next() == null) {
                return data;
            }
            current = transition.next();
        }
    }

    /** The context object {@code $$} while {@code state} runs. */
    ObjectNode context(State state, Instant entered, int retryCount) {
        ObjectNode context = run.context();
        ObjectNode stateNode = context.putObject("State");
        stateNode.put("EnteredTime", entered.toString());
        stateNode.put("Name", state.name());
        stateNode.put("RetryCount", retryCount);
        if (mapContext != null) {
            context.set("Map", mapContext);
        }
        return context;
    }
}
