package gluelab.labs.lab27;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Lab 27: starts the EDI conversion job for the fixed-width file that landed. The rule sends S3's "Object Created"
 * events (the EventBridge event, as a map) for {@code edi/*.txt} only.
 * <p>
 * Environment: {@code JOB_NAME}, the Glue job to start.
 */
public class EdiArrived implements RequestHandler<Map<String, Object>, String> {

    // Made once per execution environment and reused by its invocations, as Lambda recommends.
    private final GlueClient glue = GlueClient.create();

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String key = (String) ((Map<String, Object>) detail.get("object")).get("key");
        String job = System.getenv("JOB_NAME");
        String runId = glue.startJobRun(r -> r.jobName(job).arguments(Map.of("--input_key", key))).jobRunId();
        System.out.println("EDI file " + key + ": started " + job + " run " + runId);
        return runId;
    }
}
