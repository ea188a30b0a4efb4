package gluelab.cloud.services.states;

import java.util.List;

/**
 * One map run of a Distributed Map state, as DescribeMapRun shows it: the execution it belongs to, its status, its
 * limits (which UpdateMapRun changes), its item and child execution counts, how often it was redriven, and its
 * child executions in item order (what a redrive of the parent runs again).
 *
 * @param stateMachineArn the children's state machine: {@code stateMachine:<machine>/<label>}
 * @param status          RUNNING, SUCCEEDED, FAILED or ABORTED
 * @param children        each child execution's item count and ARN, in item order, and for one never started its
 *                        input; recorded as the map run ends (null before: a map run interrupted by a restart of Lab
 *                        Cloud is not redriven, as its parent is not)
 */
record MapRunRecord(String arn, String executionArn, String stateMachineArn, String status, long startDate,
                    Long stopDate, int maxConcurrency, Integer toleratedFailureCount,
                    Double toleratedFailurePercentage, Counts itemCounts, Counts executionCounts, int redriveCount,
                    Long redriveDate, List<Child> children) {

    /**
     * AWS's hard limit of redrives of one map run ("Redrive eligibility for child workflows in a Map Run"); past it
     * the redriven Distributed Map fails with {@code States.Runtime}.
     */
    static final int MAX_REDRIVES = 1000;

    boolean running() {
        return status.equals("RUNNING");
    }

    /** Whether a redrive of its parent redrives it rather than starting a new map run. */
    boolean unsuccessful() {
        return status.equals("FAILED") || status.equals("ABORTED");
    }

    MapRunRecord withLimits(int concurrency, Integer count, Double percentage) {
        return new MapRunRecord(arn, executionArn, stateMachineArn, status, startDate, stopDate, concurrency, count,
                percentage, itemCounts, executionCounts, redriveCount, redriveDate, children);
    }

    MapRunRecord withCounts(Counts items, Counts executions) {
        return new MapRunRecord(arn, executionArn, stateMachineArn, status, startDate, stopDate, maxConcurrency,
                toleratedFailureCount, toleratedFailurePercentage, items, executions, redriveCount, redriveDate,
                children);
    }

    /** Ended, with its children as they are now. */
    MapRunRecord ended(String newStatus, long at, List<Child> nowChildren) {
        return new MapRunRecord(arn, executionArn, stateMachineArn, newStatus, startDate, at, maxConcurrency,
                toleratedFailureCount, toleratedFailurePercentage, itemCounts, executionCounts, redriveCount,
                redriveDate, nowChildren);
    }

    /** Running again, redriven at {@code at}, its counts as the redrive starts. */
    MapRunRecord redriven(long at, Counts items, Counts executions) {
        return new MapRunRecord(arn, executionArn, stateMachineArn, "RUNNING", startDate, null, maxConcurrency,
                toleratedFailureCount, toleratedFailurePercentage, items, executions, redriveCount + 1, at,
                children);
    }

    /**
     * One child execution's place: how many items it covers, and its ARN once started, or else its input (a started
     * child's is on its own record).
     */
    record Child(String input, int items, String executionArn) {
    }

    /**
     * How many items, or child executions, are in each state, and how many have had their results written to S3
     * by the ResultWriter; on a redrive, how many unsuccessful ones wait to be run again ({@code pendingRedrive})
     * and how many cannot be ({@code failuresNotRedrivable}, still counted as failed, timed out or aborted).
     */
    record Counts(long pending, long running, long succeeded, long failed, long timedOut, long aborted, long total,
                  long resultsWritten, long pendingRedrive, long failuresNotRedrivable) {

        static Counts of(long total) {
            return new Counts(total, 0, 0, 0, 0, 0, total, 0, 0, 0);
        }

        Counts started(long n) {
            return new Counts(pending - n, running + n, succeeded, failed, timedOut, aborted, total, resultsWritten,
                    pendingRedrive, failuresNotRedrivable);
        }

        /** {@code n} unsuccessful ones that ended with {@code status} wait to be run again. */
        Counts awaitingRedrive(long n, String status) {
            return new Counts(pending, running, succeeded, failed - (status.equals("FAILED") ? n : 0),
                    timedOut - (status.equals("TIMED_OUT") ? n : 0), aborted - (status.equals("ABORTED") ? n : 0),
                    total, resultsWritten, pendingRedrive + n, failuresNotRedrivable);
        }

        Counts notRedrivable(long n) {
            return new Counts(pending, running, succeeded, failed, timedOut, aborted, total, resultsWritten,
                    pendingRedrive, failuresNotRedrivable + n);
        }

        /** {@code n} waiting to be redriven run again. */
        Counts redriveStarted(long n) {
            return new Counts(pending, running + n, succeeded, failed, timedOut, aborted, total, resultsWritten,
                    pendingRedrive - n, failuresNotRedrivable);
        }

        /** {@code n} running ones ended with {@code status} (an execution's). */
        Counts ended(long n, String status) {
            return new Counts(pending, running - n, succeeded + (status.equals("SUCCEEDED") ? n : 0),
                    failed + (status.equals("FAILED") ? n : 0), timedOut + (status.equals("TIMED_OUT") ? n : 0),
                    aborted + (status.equals("ABORTED") ? n : 0), total, resultsWritten, pendingRedrive,
                    failuresNotRedrivable);
        }

        /** The ResultWriter has written {@code n} results: every one there is, after a redrive as well. */
        Counts written(long n) {
            return new Counts(pending, running, succeeded, failed, timedOut, aborted, total, n,
                    pendingRedrive, failuresNotRedrivable);
        }

        /**
         * {@code n} waiting to be redriven were not run again before the map run ended: they count as what they
         * ended as before (AWS resets the pending redrive count to 0 when the map run ends).
         */
        Counts redriveAbandoned(long n, String status) {
            return new Counts(pending, running, succeeded, failed + (status.equals("FAILED") ? n : 0),
                    timedOut + (status.equals("TIMED_OUT") ? n : 0), aborted + (status.equals("ABORTED") ? n : 0),
                    total, resultsWritten, pendingRedrive - n, failuresNotRedrivable);
        }

        /** As a redrive starts: which failures cannot be redriven is counted anew. */
        Counts redriving() {
            return new Counts(pending, running, succeeded, failed, timedOut, aborted, total, resultsWritten,
                    pendingRedrive, 0);
        }
    }
}
