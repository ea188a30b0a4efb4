package gluelab.labs.lab28;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GlueException;

/**
 * The target of a rule on S3 {@code Object Created} events (the EventBridge event, as a map): when the export's
 * ready marker arrives, it starts every job listed in the function's environment ({@code JOB_NAMES}, comma-separated),
 * each with the marker's key as {@code --batch}. A job that cannot be started is logged and skipped, so that one bad
 * name neither stops the others nor makes Lambda retry the event (which would start the others a second time).
 */
public class StartEveryListedJob implements RequestHandler<Map<String, Object>, Map<String, String>> {

    /** Made once per execution environment and reused by its invocations. */
    private static final GlueClient GLUE = GlueClient.create();

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String bucket = String.valueOf(((Map<String, Object>) detail.get("bucket")).get("name"));
        String key = String.valueOf(((Map<String, Object>) detail.get("object")).get("key"));
        List<String> jobs = Arrays.stream(System.getenv("JOB_NAMES").split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
        System.out.println("Ready: s3://" + bucket + "/" + key + "; JOB_NAMES " + jobs);
        Map<String, String> started = new LinkedHashMap<>();

        // BEGIN SOLUTION
        // For each job of JOB_NAMES: StartJobRun with --batch set to the key, log "Started <run id> of <job>" and put it in
        // started; a job Glue refuses (GlueException) is logged as "Skipped <job>: <error code>: <message>", not thrown.
        for (String job : jobs) {
            try {
                String runId = GLUE.startJobRun(r -> r.jobName(job).arguments(Map.of("--batch", key))).jobRunId();
                started.put(job, runId);
                System.out.println("Started " + runId + " of " + job);
            } catch (GlueException refused) {
                System.out.println("Skipped " + job + ": " + refused.awsErrorDetails().errorCode() + ": "
                        + refused.awsErrorDetails().errorMessage());
            }
        }
        // END SOLUTION
        return started;
    }
}
