package gluelab.cloud.services.states;

/**
 * One map run of a Distributed Map state, as DescribeMapRun shows it: the execution it belongs to, its status, its
 * limits (which UpdateMapRun changes) and its item and child execution counts.
 *
 * @param stateMachineArn the children's state machine: {@code stateMachine:<machine>/<label>}
 * @param status          RUNNING, SUCCEEDED, FAILED or ABORTED
 */
record MapRunRecord(String arn, String executionArn, String stateMachineArn, String status, long startDate,
                    Long stopDate, int maxConcurrency, Integer toleratedFailureCount,
                    Double toleratedFailurePercentage, Counts itemCounts, Counts executionCounts) {

    boolean running() {
        return status.equals("RUNNING");
    }

    MapRunRecord withLimits(int concurrency, Integer count, Double percentage) {
        return new MapRunRecord(arn, executionArn, stateMachineArn, status, startDate, stopDate, concurrency, count,
                percentage, itemCounts, executionCounts);
    }

    MapRunRecord withCounts(Counts items, Counts executions) {
        return new MapRunRecord(arn, executionArn, stateMachineArn, status, startDate, stopDate, maxConcurrency,
                toleratedFailureCount, toleratedFailurePercentage, items, executions);
    }

    MapRunRecord ended(String newStatus, long at) {
        return new MapRunRecord(arn, executionArn, stateMachineArn, newStatus, startDate, at, maxConcurrency,
                toleratedFailureCount, toleratedFailurePercentage, itemCounts, executionCounts);
    }

    /**
     * How many items, or child executions, are in each state, and how many have had their results written to S3
     * by the ResultWriter.
     */
    record Counts(long pending, long running, long succeeded, long failed, long timedOut, long aborted, long total,
                  long resultsWritten) {

        static Counts of(long total) {
            return new Counts(total, 0, 0, 0, 0, 0, total, 0);
        }

        Counts started(long n) {
            return new Counts(pending - n, running + n, succeeded, failed, timedOut, aborted, total, resultsWritten);
        }

        /** {@code n} running ones ended with {@code status} (an execution's). */
        Counts ended(long n, String status) {
            return new Counts(pending, running - n, succeeded + (status.equals("SUCCEEDED") ? n : 0),
                    failed + (status.equals("FAILED") ? n : 0), timedOut + (status.equals("TIMED_OUT") ? n : 0),
                    aborted + (status.equals("ABORTED") ? n : 0), total, resultsWritten);
        }

        Counts written(long n) {
            return new Counts(pending, running, succeeded, failed, timedOut, aborted, total, resultsWritten + n);
        }
    }
}
