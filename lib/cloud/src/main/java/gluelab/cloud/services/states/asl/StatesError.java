package gluelab.cloud.services.states.asl;

/**
 * An error a state raised, as the States Language names it: {@code States.Timeout}, {@code States.TaskFailed}, a
 * Lambda function's own error type, {@code Glue.EntityNotFoundException}. Retriers and catchers match on
 * {@link #error()}; {@link #cause()} is what the history and a Catch's result carry.
 */
public final class StatesError extends RuntimeException {

    public static final String ALL = "States.ALL";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";

    private final String error;
    private final String cause;
    private final boolean fromTask;

    public StatesError(String error, String cause) {
        this(error, cause, false);
    }

    private StatesError(String error, String cause, boolean fromTask) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
        this.fromTask = fromTask;
    }

    /** An error a Task state's resource raised: {@code States.TaskFailed} matches it unless it is a timeout. */
    public static StatesError fromTask(String error, String cause) {
        return new StatesError(error, cause, true);
    }

    public static StatesError runtime(String cause) {
        return new StatesError(RUNTIME, cause);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    /**
     * Whether a retrier's or catcher's {@code ErrorEquals} list matches this error. {@code States.ALL} matches every
     * error but {@code States.Runtime} and {@code States.DataLimitExceeded}; {@code States.TaskFailed} every error a
     * task raised except {@code States.Timeout}; a name matches itself. {@code States.Runtime} is never caught.
     */
    public boolean matches(java.util.List<String> errorEquals) {
        if (error.equals(RUNTIME)) {
            return false;
        }
        for (String name : errorEquals) {
            if (name.equals(error)) {
                return true;
            }
            if (name.equals(ALL) && !error.equals(DATA_LIMIT_EXCEEDED)) {
                return true;
            }
            if (name.equals(TASK_FAILED) && fromTask && !error.equals(TIMEOUT) && !error.equals(HEARTBEAT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
