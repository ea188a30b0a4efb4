package gluelab.labs.lab20;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The target of an EventBridge rule on S3's "Object Created" events: starts the ingest Glue job (named by the
 * function's {@code JOB_NAME} environment variable) for the object that arrived, with its bucket and key as the
 * run's {@code --input_bucket} and {@code --input_key}. Returns the run's id.
 * <p>
 * EventBridge hands the function the whole event, as JSON; the S3 part is under {@code detail}:
 * <pre>
 * {"source": "aws.s3", "detail-type": "Object Created", "resources": ["arn:aws:s3:::bucket"],
 *  "detail": {"bucket": {"name": "…"}, "object": {"key": "…", "size": …, "etag": "…"}, "reason": "PutObject", …}}
 * </pre>
 */
public class StartIngestOnUpload implements RequestHandler<Map<String, Object>, String> {

    /** Made once per execution environment and reused by its later invocations, as AWS recommends. */
    private static final GlueClient GLUE = GlueClient.create();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        String jobName = System.getenv("JOB_NAME");
        Map<String, Object> detail = field(event, "detail");
        String bucket = (String) field(detail, "bucket").get("name");
        String key = (String) field(detail, "object").get("key");
        // What a handler prints goes to its log group, /aws/lambda/<function>, one line per log event.
        System.out.println("Object Created: s3://" + bucket + "/" + key + " (event " + event.get("id") + ")");
        String runId = startRun(GLUE, jobName, bucket, key);
        System.out.println("Started " + jobName + " run " + runId + " with --input_key " + key);
        return runId;
    }

    /** Starts one run of {@code jobName} for the object {@code s3://bucket/key} and returns the run's id. */
    static String startRun(GlueClient glue, String jobName, String bucket, String key) {
        // BEGIN SOLUTION
        // StartJobRun of jobName with the arguments --input_bucket and --input_key
        return glue.startJobRun(r -> r.jobName(jobName)
                .arguments(Map.of("--input_bucket", bucket, "--input_key", key))).jobRunId();
        // END SOLUTION
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> json, String name) {
        Object value = json == null ? null : json.get(name);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("The event has no object '" + name + "': " + json);
        }
        return (Map<String, Object>) value;
    }
}
