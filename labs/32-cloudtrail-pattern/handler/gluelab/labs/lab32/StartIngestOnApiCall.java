package gluelab.labs.lab32;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The target of an EventBridge rule on CloudTrail's "AWS API Call via CloudTrail" events for S3 writes: starts the
 * ingest job (named by {@code JOB_NAME}) for the object the call wrote, with its bucket and key as the run's
 * {@code --input_bucket} and {@code --input_key}, and logs who wrote it and with which call.
 * <p>
 * The event's {@code detail} is CloudTrail's record of the call, not S3's notification: the object is in the
 * call's {@code requestParameters}, the caller in {@code userIdentity}:
 * <pre>
 * {"source": "aws.s3", "detail-type": "AWS API Call via CloudTrail",
 *  "detail": {"eventSource": "s3.amazonaws.com", "eventName": "CompleteMultipartUpload",
 *             "requestParameters": {"bucketName": "…", "key": "…", "uploadId": "…"},
 *             "userIdentity": {"type": "AssumedRole", "arn": "…"}, …}}
 * </pre>
 */
public class StartIngestOnApiCall implements RequestHandler<Map<String, Object>, String> {

    private static final GlueClient GLUE = GlueClient.create();

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        Map<String, Object> request = (Map<String, Object>) detail.get("requestParameters");
        Map<String, Object> caller = (Map<String, Object>) detail.get("userIdentity");
        String bucket = (String) request.get("bucketName");
        String key = (String) request.get("key");
        // What a handler prints goes to its log group, /aws/lambda/<function>, one line per log event.
        System.out.println(detail.get("eventName") + " of s3://" + bucket + "/" + key + " by " + caller.get("arn"));
        String runId = GLUE.startJobRun(r -> r.jobName(System.getenv("JOB_NAME"))
                .arguments(Map.of("--input_bucket", bucket, "--input_key", key))).jobRunId();
        System.out.println("Started run " + runId + " with --input_key " + key);
        return runId;
    }
}
