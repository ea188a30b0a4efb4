package gluelab.labs.lab57;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The first step of the chain, fed by an SQS event-source mapping on the queue S3 notifies of uploads: for each
 * uploaded object it starts one run of the curating job ({@code JOB_NAME}) with the object as {@code --input_bucket}
 * and {@code --input_key}. S3's {@code s3:TestEvent} (sent once, when the notification is saved) starts nothing; a
 * message that is not an S3 notification is reported as a batch item failure, so that only it comes back.
 */
public class StartBatchFromQueue implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Made once per execution environment and reused by its later invocations, as AWS recommends. */
    private static final GlueClient GLUE = GlueClient.create();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        String job = System.getenv("JOB_NAME");
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                JsonNode body = JsonNode.parser().parse(message.getBody());
                if (body.isObject() && body.field("Event").map(e -> "s3:TestEvent".equals(e.asString())).orElse(false)) {
                    System.out.println("s3:TestEvent (message " + message.getMessageId() + "): nothing to start");
                    continue;
                }
                List<JsonNode> records = body.isObject() && body.field("Records").isPresent()
                        ? body.field("Records").get().asArray() : List.of();
                if (records.isEmpty()) {
                    throw new IllegalArgumentException("not an S3 event notification: " + message.getBody());
                }
                for (JsonNode record : records) {
                    JsonNode s3 = record.field("s3").orElseThrow();
                    String bucket = s3.field("bucket").orElseThrow().field("name").orElseThrow().asString();
                    // S3 URL-encodes the key in its notifications: a space arrives as '+'.
                    String key = URLDecoder.decode(s3.field("object").orElseThrow().field("key").orElseThrow().asString(),
                            StandardCharsets.UTF_8);
                    String runId = GLUE.startJobRun(r -> r.jobName(job)
                            .arguments(Map.of("--input_bucket", bucket, "--input_key", key))).jobRunId();
                    System.out.println("Upload s3://" + bucket + "/" + key + " (message " + message.getMessageId()
                            + "): started " + job + " run " + runId);
                }
            } catch (RuntimeException e) {
                System.out.println("Unreadable message " + message.getMessageId() + ": " + e.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
