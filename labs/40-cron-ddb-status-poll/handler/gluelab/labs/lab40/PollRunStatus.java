package gluelab.labs.lab40;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * Keeps the status table ({@code TABLE_NAME}) up to date with Glue. On each {@code Scheduled Event} it scans the
 * items whose run has not finished, asks Glue for each run ({@code GetJobRun}) and records what Glue says. It also
 * takes a status report, {@code {"file", "runId", "state"}}, from whoever looked at a run earlier (a late or retried
 * invocation of itself, another monitor). Either way a status only moves forward: STARTED, then a running state, then
 * a final one; a report older than what the table holds is refused by a conditional update.
 */
public class PollRunStatus implements RequestHandler<Map<String, Object>, String> {

    private static final GlueClient GLUE = GlueClient.create();
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();
    private static final String TABLE = System.getenv("TABLE_NAME");
    private static final int FINISHED = 3;

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        if (!"Scheduled Event".equals(event.get("detail-type"))) {
            boolean recorded = record(String.valueOf(event.get("file")), String.valueOf(event.get("runId")),
                    String.valueOf(event.get("state")), null, null);
            return recorded ? "recorded" : "refused";
        }
        System.out.println("Scheduled event " + event.get("id") + " for " + event.get("time"));
        int polled = 0;
        int recorded = 0;
        for (Map<String, AttributeValue> item : DYNAMODB.scanPaginator(r -> r.tableName(TABLE).consistentRead(true)
                .filterExpression("statusRank < :finished")
                .expressionAttributeValues(Map.of(":finished", number(FINISHED)))).items()) {
            JobRun run = GLUE.getJobRun(r -> r.jobName(item.get("job").s()).runId(item.get("runId").s())).jobRun();
            polled++;
            if (record(item.get("file").s(), run.id(), run.jobRunStateAsString(), run.startedOn(), run.completedOn())) {
                recorded++;
            }
        }
        String summary = "Polled " + polled + " unfinished runs, recorded " + recorded;
        System.out.println(summary);
        return summary;
    }

    /** STARTED (we asked Glue for the run) < a running state < a final state. */
    static int rank(String state) {
        return switch (state) {
            case "STARTED" -> 1;
            case "STARTING", "RUNNING", "STOPPING", "WAITING" -> 2;
            default -> FINISHED;
        };
    }

    /**
     * Records {@code state} of run {@code runId} on the item of {@code file}, with the finish time and the duration
     * once the run has them. Returns false when the table already holds this run's state or a later one.
     */
    static boolean record(String file, String runId, String state, Instant startedOn, Instant completedOn) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", AttributeValue.fromS(state),
                ":rank", number(rank(state)), ":runId", AttributeValue.fromS(runId)));
        String update = "SET #status = :state, statusRank = :rank";
        if (startedOn != null && completedOn != null) {
            BigDecimal seconds = BigDecimal.valueOf(Duration.between(startedOn, completedOn).toMillis(), 3);
            values.put(":finishedAt", AttributeValue.fromS(completedOn.toString()));
            values.put(":duration", AttributeValue.fromN(seconds.toPlainString()));
            update += ", finishedAt = :finishedAt, durationSeconds = :duration";
        }
        String updateExpression = update;
        // BEGIN SOLUTION
        // UpdateItem on the file's item with updateExpression and the values, on two conditions: the item is still
        // for this run (runId), and its statusRank is below :rank. Log and return false when the condition fails.
        try {
            DYNAMODB.updateItem(r -> r.tableName(TABLE).key(Map.of("file", AttributeValue.fromS(file)))
                    .updateExpression(updateExpression)
                    .conditionExpression("runId = :runId AND statusRank < :rank")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> held = refused.hasItem() ? refused.item() : Map.of();
            System.out.println("Refused " + state + " for " + file + " (" + runId + "): the table holds "
                    + (held.containsKey("status") ? held.get("status").s() + " of " + held.get("runId").s() : "no such item"));
            return false;
        }
        // END SOLUTION
        System.out.println("Recorded " + state + " for " + file + " (" + runId + ")"
                + (values.containsKey(":duration") ? " after " + values.get(":duration").n() + " s" : ""));
        return true;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
