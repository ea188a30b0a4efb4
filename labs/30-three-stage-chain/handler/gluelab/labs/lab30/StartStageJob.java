package gluelab.labs.lab30;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The target of all three rules. Each rule's input transformer turns S3's "Object Created" event into
 * {@code {"job": …, "bucket": …, "key": …}}: the rule says which job comes next, the event says what was written. An
 * uploaded file is the first job's input; a stage's {@code _manifest.json} means its folder is complete, and that
 * folder is the next job's input.
 */
public class StartStageJob implements RequestHandler<Map<String, Object>, String> {

    private static final String MANIFEST = "_manifest.json";

    private final GlueClient glue = GlueClient.create();

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        String job = (String) input.get("job");
        String bucket = (String) input.get("bucket");
        String key = (String) input.get("key");
        System.out.println("s3://" + bucket + "/" + key + " was created; next: " + job);

        // BEGIN SOLUTION
        // --input_path: the object itself, or for a manifest the folder it is in; StartJobRun; log and return the run id.
        String inputPath = "s3://" + bucket + "/" + (key.endsWith("/" + MANIFEST)
                ? key.substring(0, key.length() - MANIFEST.length()) : key);
        String runId = glue.startJobRun(r -> r.jobName(job).arguments(Map.of("--input_path", inputPath))).jobRunId();
        System.out.println("started " + job + " run " + runId + " reading " + inputPath);
        return runId;
        // END SOLUTION
    }
}
