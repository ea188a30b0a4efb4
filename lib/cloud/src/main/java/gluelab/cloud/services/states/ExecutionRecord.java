package gluelab.cloud.services.states;

/**
 * One execution: what it was started with (the machine's definition and role then, which
 * DescribeStateMachineForExecution shows), its status, how it ended, and what RedriveExecution needs: how often it
 * was redriven, when last, and the top-level state (with its input) it last stopped in.
 *
 * @param status      RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED
 * @param redriveFrom the state a redrive runs on from, or null when the execution stopped in none (it was
 *                    interrupted by a restart of Lab Cloud, or has not stopped yet)
 * @param mapRunArn   the map run a child workflow execution of a Distributed Map belongs to, or null
 * @param redriveVariables the workflow variables (JSON) as they were when the state {@code redriveFrom} began, or
 *                         null for none
 * @param redriveBranches when {@code redriveFrom} is a Parallel or inline Map, what became of its branches or
 *                        iterations (JSON, see the asl package's BranchOutcomes), or null
 */
record ExecutionRecord(String arn, String name, String stateMachineArn, String stateMachineName, String type,
                       String definition, String roleArn, String input, long startDate, String status,
                       Long stopDate, String output, String error, String cause, int redriveCount,
                       Long redriveDate, String redriveFrom, String redriveInput, String mapRunArn,
                       String redriveVariables, String redriveBranches) {

    static final String RUNNING = "RUNNING";

    /** A new execution, running. */
    static ExecutionRecord started(String arn, String name, String stateMachineArn, String stateMachineName,
                                   String type, String definition, String roleArn, String input, long startDate) {
        return new ExecutionRecord(arn, name, stateMachineArn, stateMachineName, type, definition, roleArn, input,
                startDate, RUNNING, null, null, null, null, 0, null, null, null, null, null, null);
    }

    /** The same, as a child workflow execution of the map run {@code arn}. */
    ExecutionRecord inMapRun(String arn) {
        return new ExecutionRecord(this.arn, name, stateMachineArn, stateMachineName, type, definition, roleArn, input,
                startDate, status, stopDate, output, error, cause, redriveCount, redriveDate, redriveFrom, redriveInput,
                arn, redriveVariables, redriveBranches);
    }

    boolean running() {
        return status.equals(RUNNING);
    }

    ExecutionRecord ended(String newStatus, long stoppedAt, String newOutput, String newError, String newCause) {
        return new ExecutionRecord(arn, name, stateMachineArn, stateMachineName, type, definition, roleArn, input,
                startDate, newStatus, stoppedAt, newOutput, newError, newCause, redriveCount, redriveDate,
                redriveFrom, redriveInput, mapRunArn, redriveVariables, redriveBranches);
    }

    /**
     * The same, knowing where it stopped: the state, its input, the variables it began with and, for a Parallel or
     * inline Map, what became of its branches (or null).
     */
    ExecutionRecord stoppedIn(String state, String stateInput, String variables, String branches) {
        return new ExecutionRecord(arn, name, stateMachineArn, stateMachineName, type, definition, roleArn, input,
                startDate, status, stopDate, output, error, cause, redriveCount, redriveDate, state, stateInput,
                mapRunArn, variables, branches);
    }

    /** Running again, redriven at {@code at}. */
    ExecutionRecord redriven(long at) {
        return new ExecutionRecord(arn, name, stateMachineArn, stateMachineName, type, definition, roleArn, input,
                startDate, RUNNING, null, null, null, null, redriveCount + 1, at, redriveFrom, redriveInput,
                mapRunArn, redriveVariables, redriveBranches);
    }
}
