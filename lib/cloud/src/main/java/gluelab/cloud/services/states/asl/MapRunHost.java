package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a Distributed Map needs from Lab Cloud: S3 as the state machine's role (its ItemReader and ResultWriter), and
 * map runs, whose child workflow executions are executions of their own.
 */
public interface MapRunHost {

    /** The object's bytes; a StatesError (its cause the S3 error) when S3 refuses. */
    byte[] getObject(ExecutionRun execution, String bucket, String key, String versionId);

    /**
     * Every object under {@code prefix}, each as the ItemReader shows it ({@code Key}, {@code Size}, {@code Etag},
     * {@code LastModified}, {@code StorageClass}), in key order.
     */
    ArrayNode listObjects(ExecutionRun execution, String bucket, String prefix);

    void putObject(ExecutionRun execution, String bucket, String key, byte[] body);

    /** Starts a map run for the Distributed Map state {@code spec.processor().label()} of {@code parent}. */
    MapRun startMapRun(ExecutionRun parent, MapRunSpec spec);

    /**
     * The last map run of the Distributed Map {@code processor.label()} in {@code parent}, made to run again as
     * {@code parent} is redriven in that state ("Redriving Map Runs"): the same map run, whose unsuccessful children
     * are run again and whose succeeded ones keep their results. Null when its last map run did not fail or was
     * not started: the state then starts a new one.
     *
     * @throws StatesError {@code States.Runtime} when the map run has been redriven as often as AWS allows
     */
    MapRun redriveMapRun(ExecutionRun parent, Processor processor);

    /**
     * What a Distributed Map's children run.
     *
     * @param label      the Map's Label, or its state name: the map run's and the children's ARNs carry it
     * @param definition the ItemProcessor as a definition of its own
     * @param express    whether the children are EXPRESS executions
     */
    record Processor(String label, String definition, Machine machine, boolean express) {
    }

    /**
     * What a map run is started with.
     *
     * @param toleratedCount      ToleratedFailureCount as the run starts, or null
     * @param toleratedPercentage ToleratedFailurePercentage as the run starts, or null
     * @param batches             each child's input and the number of items it covers, in item order
     */
    record MapRunSpec(Processor processor, int maxConcurrency, Integer toleratedCount, Double toleratedPercentage,
                      List<Batch> batches) {
    }

    /** One child execution's input, covering {@code items} items (more than one with an ItemBatcher). */
    record Batch(JsonNode input, int items) {
    }

    /** One map run while it runs: its children, its counts, and its limits, which UpdateMapRun may change. */
    interface MapRun {

        String arn();

        /** MaxConcurrency now (0: no limit). */
        int maxConcurrency();

        /** ToleratedFailureCount now, or null. */
        Integer toleratedCount();

        /** ToleratedFailurePercentage now, or null. */
        Double toleratedPercentage();

        /** Runs {@code listener} whenever UpdateMapRun changes the limits. */
        void onUpdate(Runnable listener);

        /** How often the map run has been redriven. */
        int redriveCount();

        /** Each child's input and item count, in item order (on a redrive, those of the first attempt). */
        List<Batch> batches();

        /**
         * The child of batch {@code index} as it stays: on a redrive, one that succeeded, or that failed and cannot
         * be redriven; null for one to run (always, on a first attempt).
         */
        ChildExecution kept(int index);

        /**
         * Runs the child of batch {@code index}: a new execution, or on a redrive the unsuccessful one again (a
         * STANDARD child is redriven from the state it failed in, an EXPRESS one is started again under the same
         * ARN); completes once it has ended.
         */
        CompletableFuture<ChildExecution> runChild(int index);

        /** Stops the children still running, as the map run ends early. */
        void abortChildren();

        /** The ResultWriter has written the results of {@code items} items run by {@code executions} children. */
        void resultsWritten(long items, long executions);

        /** The map run ends: SUCCEEDED, FAILED or ABORTED. */
        void ended(String status);
    }

    /**
     * A child execution that has ended.
     *
     * @param status      SUCCEEDED, FAILED, TIMED_OUT or ABORTED
     * @param description the execution as a ResultWriter file lists it (DescribeExecution's members, PascalCase)
     */
    record ChildExecution(String arn, String status, JsonNode output, String error, String cause,
                          JsonNode description) {

        public boolean succeeded() {
            return status.equals("SUCCEEDED");
        }
    }
}
