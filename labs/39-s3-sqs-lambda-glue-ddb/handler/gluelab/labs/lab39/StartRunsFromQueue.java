package gluelab.labs.lab39;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Fed by an SQS event-source mapping on the queue that S3 sends its upload notifications to. For each uploaded
 * object it starts the ingest Glue job (the function's {@code JOB_NAME}) and records the file in the DynamoDB table
 * {@code TABLE_NAME} as {@code {file, status: STARTED, runId, startedAt}}.
 * <p>
 * A message body is one of:
 * <pre>
 * {"Records": [{"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "…"}, "object": {"key": "…", "size": …}}}]}
 * {"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": "…", …}     (once, when the notification is saved)
 * </pre>
 * Anything else is a poison message: it is reported as a batch item failure, so that only it comes back after the
 * visibility timeout, and the queue's RedrivePolicy moves it to the dead-letter queue after maxReceiveCount receives.
 */
public class StartRunsFromQueue implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Made once per execution environment and reused by its later invocations, as AWS recommends. */
    private static final GlueClient GLUE = GlueClient.create();
    private static final DynamoDbClient DYNAMO_DB = DynamoDbClient.create();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        String jobName = System.getenv("JOB_NAME");
        String table = System.getenv("TABLE_NAME");
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String receives = message.getAttributes().get("ApproximateReceiveCount");
            try {
                JsonNode body = JsonNode.parser().parse(message.getBody());
                if (isTestEvent(body)) {
                    System.out.println("s3:TestEvent for bucket " + text(body, "Bucket") + " (message "
                            + message.getMessageId() + "): nothing to start");
                    continue;
                }
                for (JsonNode record : records(body)) {
                    JsonNode s3 = field(record, "s3");
                    String bucket = text(field(s3, "bucket"), "name");
                    // S3 URL-encodes the key in its notifications: a space arrives as '+'.
                    String key = URLDecoder.decode(text(field(s3, "object"), "key"), StandardCharsets.UTF_8);
                    String runId = startAndRecord(GLUE, DYNAMO_DB, jobName, table, bucket, key);
                    System.out.println("Upload s3://" + bucket + "/" + key + " (message " + message.getMessageId()
                            + ", receive " + receives + "): started " + jobName + " run " + runId);
                }
            } catch (RuntimeException e) {
                // Only this message comes back; the rest of the batch is deleted.
                System.out.println("Poison message " + message.getMessageId() + " (receive " + receives + "): "
                        + e.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * Starts one run of {@code jobName} for {@code s3://bucket/key} (arguments {@code --input_bucket} and
     * {@code --input_key}) and puts the file's item into {@code table}: {@code file} (the S3 URI, the table's key),
     * {@code status} STARTED, {@code runId} and {@code startedAt} (the run's own StartedOn, from GetJobRun, ISO-8601:
     * Glue's clock, not the function's, says when a run started). Returns the run's id.
     */
    static String startAndRecord(GlueClient glue, DynamoDbClient dynamoDb, String jobName, String table,
                                 String bucket, String key) {
        // BEGIN SOLUTION
        // StartJobRun with --input_bucket and --input_key, GetJobRun for its StartedOn, then PutItem {file, status, runId, startedAt}
        String runId = glue.startJobRun(r -> r.jobName(jobName)
                .arguments(Map.of("--input_bucket", bucket, "--input_key", key))).jobRunId();
        Instant startedAt = glue.getJobRun(r -> r.jobName(jobName).runId(runId)).jobRun().startedOn();
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of(
                "file", AttributeValue.fromS("s3://" + bucket + "/" + key),
                "status", AttributeValue.fromS("STARTED"),
                "runId", AttributeValue.fromS(runId),
                "startedAt", AttributeValue.fromS(startedAt.toString()))));
        return runId;
        // END SOLUTION
    }

    private static boolean isTestEvent(JsonNode body) {
        return body.isObject() && body.field("Event").map(e -> "s3:TestEvent".equals(e.asString())).orElse(false);
    }

    private static List<JsonNode> records(JsonNode body) {
        List<JsonNode> records = field(body, "Records").asArray();
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no Records in " + body);
        }
        return records;
    }

    private static JsonNode field(JsonNode json, String name) {
        if (!json.isObject() || json.field(name).isEmpty()) {
            throw new IllegalArgumentException("not an S3 event notification: no '" + name + "' in " + json);
        }
        return json.field(name).get();
    }

    private static String text(JsonNode json, String name) {
        return field(json, name).asString();
    }
}
