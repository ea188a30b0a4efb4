package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.Scope;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatusReasonCode;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.StateReasonCode;

/**
 * The one place where a function's {@code State} and {@code LastUpdateStatus} change, as AWS's life cycle has them:
 * a new function is {@code Pending} until its code is ready, then {@code Active} (or {@code Failed}); an update of
 * its code or configuration is {@code InProgress} until it is in effect, then {@code Successful} (or {@code Failed}).
 * Getting code ready (unpacking it for the execution environments) happens off the request thread, so a client
 * sees the states AWS shows and the SDK's {@code FunctionActiveV2} and {@code FunctionUpdatedV2} waiters wait for
 * the end of them.
 */
final class FunctionStateMachine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FunctionStateMachine.class.getName());

    private static final Map<State, Set<State>> LEGAL_STATES = Map.of(
            State.PENDING, EnumSet.of(State.ACTIVE, State.FAILED),
            State.ACTIVE, EnumSet.of(State.INACTIVE),
            State.INACTIVE, EnumSet.of(State.PENDING),
            State.FAILED, EnumSet.noneOf(State.class));
    private static final Map<LastUpdateStatus, Set<LastUpdateStatus>> LEGAL_UPDATES = Map.of(
            LastUpdateStatus.IN_PROGRESS, EnumSet.of(LastUpdateStatus.SUCCESSFUL, LastUpdateStatus.FAILED),
            LastUpdateStatus.SUCCESSFUL, EnumSet.of(LastUpdateStatus.IN_PROGRESS),
            LastUpdateStatus.FAILED, EnumSet.of(LastUpdateStatus.IN_PROGRESS));

    /**
     * What makes a function's code ready to run (throwing with the reason if it cannot be), and what is told once the
     * function is ready (to start an environment ahead of the first invocation).
     */
    interface CodePreparation {
        void prepare(Scope scope, FunctionConfiguration function);

        void ready(Scope scope, FunctionConfiguration function);
    }

    private final CodePreparation preparation;
    private final ExecutorService preparing = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lambda-function-preparation");
        thread.setDaemon(true);
        return thread;
    });

    FunctionStateMachine(CodePreparation preparation) {
        this.preparation = preparation;
    }

    /** A function just created: Pending, "The function is being created.", becoming Active once its code is ready. */
    FunctionConfiguration created(FunctionConfiguration function) {
        return function.toBuilder().state(State.PENDING).stateReason("The function is being created.")
                .stateReasonCode(StateReasonCode.CREATING).lastUpdateStatus((String) null)
                .lastUpdateStatusReason((String) null).lastUpdateStatusReasonCode((String) null).build();
    }

    /** A function whose code or configuration just changed: its update InProgress until it is in effect. */
    FunctionConfiguration updating(FunctionConfiguration function) {
        requireUpdate(function.lastUpdateStatus(), LastUpdateStatus.IN_PROGRESS);
        return function.toBuilder().lastUpdateStatus(LastUpdateStatus.IN_PROGRESS)
                .lastUpdateStatusReason("The function is being created.")
                .lastUpdateStatusReasonCode("Creating").build();
    }

    /**
     * Gets the function's code ready (unpacking a package takes milliseconds, so the caller waits for it), then records
     * the outcome in {@code state} off the request thread: the caller answers with the Pending or InProgress state,
     * and the next read sees where it ended.
     */
    void settle(LambdaState state, String name) {
        FunctionConfiguration function = state.functions.get(name);
        if (function == null) {
            return;
        }
        String failure = null;
        try {
            preparation.prepare(state.scope, function);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Function " + name + " cannot be made ready", e);
            failure = String.valueOf(e.getMessage());
        }
        String revision = function.revisionId();
        String reason = failure;
        preparing.execute(() -> {
            FunctionConfiguration settled;
            synchronized (state) {
                settled = state.functions.update(name, current -> current == null
                        || !current.revisionId().equals(revision) ? current : settled(current, reason));
            }
            if (reason == null && settled != null && settled.revisionId().equals(revision)) {
                preparation.ready(state.scope, settled);
            }
        });
    }

    private static FunctionConfiguration settled(FunctionConfiguration function, String failure) {
        FunctionConfiguration.Builder next = function.toBuilder();
        if (function.state() == State.PENDING) {
            State target = failure == null ? State.ACTIVE : State.FAILED;
            requireState(function.state(), target);
            next.state(target).stateReason(failure).stateReasonCode(failure == null ? null
                    : StateReasonCode.INTERNAL_ERROR.toString());
        }
        LastUpdateStatus update = failure == null ? LastUpdateStatus.SUCCESSFUL : LastUpdateStatus.FAILED;
        if (function.lastUpdateStatus() == null || function.lastUpdateStatus() == LastUpdateStatus.IN_PROGRESS) {
            next.lastUpdateStatus(update).lastUpdateStatusReason(failure).lastUpdateStatusReasonCode(failure == null
                    ? null : LastUpdateStatusReasonCode.INTERNAL_ERROR.toString());
        }
        return next.build();
    }

    /** Whether the function may change now: AWS refuses a second update while one is in progress. */
    static boolean updateInProgress(FunctionConfiguration function) {
        return function.state() == State.PENDING || function.lastUpdateStatus() == LastUpdateStatus.IN_PROGRESS;
    }

    private static void requireState(State from, State to) {
        if (!LEGAL_STATES.getOrDefault(from, Set.of()).contains(to)) {
            throw new IllegalStateException("A function cannot go from " + from + " to " + to);
        }
    }

    private static void requireUpdate(LastUpdateStatus from, LastUpdateStatus to) {
        if (from != null && !LEGAL_UPDATES.getOrDefault(from, Set.of()).contains(to)) {
            throw new IllegalStateException("A function's update cannot go from " + from + " to " + to);
        }
    }

    @Override
    public void close() {
        preparing.shutdownNow();
    }
}
