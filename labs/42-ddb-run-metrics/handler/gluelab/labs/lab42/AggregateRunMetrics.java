package gluelab.labs.lab42;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Keeps the pipeline's summary item ({@code METRICS_TABLE}, key {@code pipeline} = {@code PIPELINE}) up to date: on
 * each invocation it scans the status table ({@code RUNS_TABLE}) for finished runs not yet counted, and adds each one
 * to the summary with atomic {@code ADD}s: its status's counter, the number of finished runs, the total duration and
 * the rows processed. Marking the run counted and adding it happen in one transaction, so a run is counted once,
 * however often the function runs or is retried.
 */
public class AggregateRunMetrics implements RequestHandler<Map<String, Object>, String> {

    private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();
    private static final String RUNS = System.getenv("RUNS_TABLE");
    private static final String METRICS = System.getenv("METRICS_TABLE");
    private static final String PIPELINE = System.getenv("PIPELINE");

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        System.out.println(event.containsKey("time") ? "Scheduled event " + event.get("id") + " for " + event.get("time")
                : "Invoked with " + event);
        // The fire time says which fire counted a run; a direct invocation has none, and stamps its own time.
        String countedAt = event.containsKey("time") ? String.valueOf(event.get("time")) : Instant.now().toString();
        int counted = 0;
        int found = 0;
        for (Map<String, AttributeValue> run : DYNAMODB.scanPaginator(r -> r.tableName(RUNS).consistentRead(true)
                .filterExpression("attribute_exists(finishedAt) AND attribute_not_exists(countedAt)")).items()) {
            found++;
            if (count(run, countedAt)) {
                counted++;
            }
        }
        String summary = "Counted " + counted + " of " + found + " finished runs not counted before";
        System.out.println(summary);
        return summary;
    }

    /**
     * Adds one finished run to the summary, unless it was counted already, stamping it {@code countedAt}; true if this
     * call counted it.
     */
    static boolean count(Map<String, AttributeValue> run, String countedAt) {
        String file = run.get("file").s();
        String status = run.get("status").s();
        AttributeValue one = AttributeValue.fromN("1");
        // BEGIN SOLUTION
        // One TransactWriteItems of two updates: set countedAt on the run's item only if it has none yet
        // (attribute_not_exists), and ADD 1 to runs_<status>, 1 to finishedRuns, the run's durationSeconds to
        // durationSecondsTotal and its rowsProcessed to rowsProcessed on the summary item. A cancelled
        // transaction (TransactionCanceledException) means the run was counted already: log it and return false.
        TransactWriteItem markCounted = TransactWriteItem.builder().update(u -> u.tableName(RUNS)
                .key(Map.of("file", run.get("file")))
                .updateExpression("SET countedAt = :now")
                .conditionExpression("attribute_not_exists(countedAt)")
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(countedAt)))).build();
        TransactWriteItem addToSummary = TransactWriteItem.builder().update(u -> u.tableName(METRICS)
                .key(Map.of("pipeline", AttributeValue.fromS(PIPELINE)))
                .updateExpression("ADD #statusCount :one, finishedRuns :one, durationSecondsTotal :duration,"
                        + " rowsProcessed :rows")
                .expressionAttributeNames(Map.of("#statusCount", "runs_" + status))
                .expressionAttributeValues(Map.of(":one", one, ":duration", run.get("durationSeconds"),
                        ":rows", run.get("rowsProcessed")))).build();
        try {
            DYNAMODB.transactWriteItems(r -> r.transactItems(markCounted, addToSummary));
        } catch (TransactionCanceledException alreadyCounted) {
            System.out.println("Not counted again: " + file + " (" + alreadyCounted.cancellationReasons().get(0).code() + ")");
            return false;
        }
        // END SOLUTION
        System.out.println("Counted " + file + ": " + status + ", " + run.get("durationSeconds").n() + " s, "
                + run.get("rowsProcessed").n() + " rows");
        return true;
    }
}
