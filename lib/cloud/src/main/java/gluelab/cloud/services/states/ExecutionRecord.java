package gluelab.cloud.services.states;

/**
 * One execution: what it was started with (the machine's definition and role then, which
 * DescribeStateMachineForExecution shows), its status, and how it ended.
 *
 * @param status RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED
 */
record ExecutionRecord(String arn, String name, String stateMachineArn, String stateMachineName, String type,
                       String definition, String roleArn, String input, long startDate, String status,
                       Long stopDate, String output, String error, String cause) {

    static final String RUNNING = "RUNNING";

    boolean running() {
        return status.equals(RUNNING);
    }

    ExecutionRecord ended(String newStatus, long stoppedAt, String newOutput, String newError, String newCause) {
        return new ExecutionRecord(arn, name, stateMachineArn, stateMachineName, type, definition, roleArn, input,
                startDate, newStatus, stoppedAt, newOutput, newError, newCause);
    }
}
