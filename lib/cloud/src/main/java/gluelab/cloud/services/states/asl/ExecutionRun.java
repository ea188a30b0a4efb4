package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * One execution of a state machine while it runs: its identity (the context object's {@code Execution} and
 * {@code StateMachine}), its history, its {@link Progress}, and what it waits for, so that StopExecution or the
 * machine's TimeoutSeconds can end every wait at once.
 */
public final class ExecutionRun {

    private final ExecutionHost host;
    private final History history;
    private final Progress progress;
    private final ObjectNode context;
    private final String roleArn;
    private final String account;
    private final String region;
    private final Cancellation stop = new Cancellation();
    private volatile RedrivePoint failedAt;

    /**
     * @param context the context object's {@code Execution} and {@code StateMachine} members
     */
    public ExecutionRun(ExecutionHost host, History history, Progress progress, ObjectNode context, String roleArn,
                        String account, String region) {
        this.host = host;
        this.history = history;
        this.progress = progress;
        this.context = context;
        this.roleArn = roleArn;
        this.account = account;
        this.region = region;
    }

    public String executionArn() {
        return context.path("Execution").path("Id").asText();
    }

    public String roleArn() {
        return roleArn;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public Instant now() {
        return host.now();
    }

    ExecutionHost host() {
        return host;
    }

    Progress progress() {
        return progress;
    }

    long record(String type, long previous, String detailsMember, JsonNode details) {
        return history.append(type, previous, detailsMember, details);
    }

    /** The context object for a state ({@code $$}): the execution's members plus {@code State} (and more). */
    ObjectNode context() {
        return context.deepCopy();
    }

    /**
     * Runs the machine from its StartAt on the calling thread (which must already count as running in
     * {@link Progress}) and returns the output of the state that ended it.
     *
     * @throws StatesError what failed the execution, or the stop that ended it
     */
    public JsonNode run(Machine machine, JsonNode input, long firstEventId) {
        return new Branch(this, firstEventId, null, List.of(stop), true).run(machine, input);
    }

    /** Runs the machine on from where an earlier attempt stopped (RedriveExecution), as {@link #run} does. */
    public JsonNode resume(Machine machine, RedrivePoint from, long lastEventId) {
        return new Branch(this, lastEventId, null, List.of(stop), true).runAgain(machine, from, null);
    }

    void failedAt(RedrivePoint point) {
        failedAt = point;
    }

    /** The top-level state the run failed or was stopped in, once it has; null before. */
    public RedrivePoint failedAt() {
        return failedAt;
    }

    /** Ends the execution: every branch stops at its next state or wait, with {@code reason}. */
    public void stop(StatesError reason) {
        stop.cancel(reason);
    }
}
