package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

    /** Starts a map run for the Distributed Map state {@code label} of {@code parent}. */
    MapRun startMapRun(ExecutionRun parent, MapRunSpec spec);

    /**
     * What a map run is started with.
     *
     * @param label               the Map's Label, or its state name: the map run's and the children's ARNs carry it
     * @param processorDefinition the ItemProcessor as a definition of its own (what the children run)
     * @param express             whether the children are EXPRESS executions
     * @param toleratedCount      ToleratedFailureCount as the run starts, or null
     * @param toleratedPercentage ToleratedFailurePercentage as the run starts, or null
     */
    record MapRunSpec(String label, String processorDefinition, Machine processor, boolean express,
                      int maxConcurrency, Integer toleratedCount, Double toleratedPercentage, int totalItems,
                      int totalExecutions) {
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

        /** Starts one child execution on {@code input}, covering {@code items} items; completes once it has ended. */
        CompletableFuture<ChildExecution> startChild(JsonNode input, int items);

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
