package gluelab.labs.lab41;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * Invoked by a schedule: finds the files of the table {@code TABLE_NAME} whose run is still {@code STARTED}, asks
 * Glue for each run's state ({@code GetJobRun} of the job {@code JOB_NAME}), and records every run that has ended:
 * its final state as the item's {@code status}, with {@code endedAt}, {@code durationSeconds} (the run's
 * ExecutionTime) and, for a run that did not succeed, its {@code error}. A run still going is left for the next fire.
 */
public class TrackRunStates implements RequestHandler<ScheduledEvent, String> {

    private static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "TIMEOUT", "STOPPED", "ERROR", "EXPIRED");
    private static final GlueClient GLUE = GlueClient.create();
    private static final DynamoDbClient DYNAMO_DB = DynamoDbClient.create();

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        String jobName = System.getenv("JOB_NAME");
        String table = System.getenv("TABLE_NAME");
        // STATUS is a reserved word in DynamoDB's expressions: it needs a placeholder.
        var started = DYNAMO_DB.scan(r -> r.tableName(table).consistentRead(true)
                .filterExpression("#status = :started")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":started", AttributeValue.fromS("STARTED")))).items();
        System.out.println("Scheduled event " + event.getId() + " for " + event.getTime() + ": " + started.size()
                + " STARTED items");
        int recorded = 0;
        for (Map<String, AttributeValue> item : started) {
            String file = item.get("file").s();
            JobRun run = GLUE.getJobRun(r -> r.jobName(jobName).runId(item.get("runId").s())).jobRun();
            String state = run.jobRunStateAsString();
            if (!ENDED.contains(state)) {
                System.out.println(file + ": run " + run.id() + " is " + state + ", next time");
                continue;
            }
            try {
                recordEnd(DYNAMO_DB, table, file, run);
                recorded++;
                System.out.println(file + ": " + state + " after " + run.executionTime() + " s");
            } catch (ConditionalCheckFailedException e) {
                System.out.println(file + ": already recorded by another invocation, left as it is");
            }
        }
        return recorded + " runs recorded";
    }

    /**
     * Records that {@code run} (of {@code file}'s item) ended: {@code status} = the run's state, {@code endedAt} (its
     * CompletedOn, ISO-8601), {@code durationSeconds} (its ExecutionTime) and, unless it succeeded, {@code error} (its
     * ErrorMessage), with one UpdateItem that applies only while the item is still STARTED, so that a status never goes
     * backwards (a late or repeated poll throws ConditionalCheckFailedException instead of overwriting a final state).
     */
    static void recordEnd(DynamoDbClient dynamoDb, String table, String file, JobRun run) {
        Instant endedAt = run.completedOn() != null ? run.completedOn() : Instant.now();
        // BEGIN SOLUTION
        // UpdateItem: SET status, endedAt, durationSeconds (and error unless SUCCEEDED), on condition status = STARTED
        boolean succeeded = "SUCCEEDED".equals(run.jobRunStateAsString());
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":state", AttributeValue.fromS(run.jobRunStateAsString()),
                ":endedAt", AttributeValue.fromS(endedAt.toString()),
                ":duration", AttributeValue.fromN(String.valueOf(run.executionTime() == null ? 0 : run.executionTime())),
                ":started", AttributeValue.fromS("STARTED")));
        if (!succeeded) {
            values.put(":error", AttributeValue.fromS(String.valueOf(run.errorMessage())));
        }
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(Map.of("file", AttributeValue.fromS(file)))
                .updateExpression("SET #status = :state, endedAt = :endedAt, durationSeconds = :duration"
                        + (succeeded ? "" : ", #error = :error"))
                .conditionExpression("#status = :started")
                .expressionAttributeNames(succeeded ? Map.of("#status", "status")
                        : Map.of("#status", "status", "#error", "error"))
                .expressionAttributeValues(values));
        // END SOLUTION
    }
}
