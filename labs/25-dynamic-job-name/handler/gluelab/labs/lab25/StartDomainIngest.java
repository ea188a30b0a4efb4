package gluelab.labs.lab25;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/**
 * Starts the ingest job of the domain an upload belongs to, by convention rather than by a table: a file under
 * {@code incoming/<domain>/} goes to the Glue job {@code <JOB_PREFIX><domain>-ingest}. Onboarding a domain is
 * creating its job; no code changes. A domain without a job is an error the function logs and answers with
 * nothing started: retrying would not make the job appear.
 */
public class StartDomainIngest implements RequestHandler<Map<String, Object>, String> {

    // Made once per execution environment and reused by every invocation it serves, as AWS recommends.
    private static final GlueClient GLUE = GlueClient.create();

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String bucket = (String) ((Map<String, Object>) detail.get("bucket")).get("name");
        String key = (String) ((Map<String, Object>) detail.get("object")).get("key");

        String job = jobNameFor(key, System.getenv("JOB_PREFIX"));
        if (job == null) {
            System.out.println("ERROR s3://" + bucket + "/" + key + " is not under incoming/<domain>/: nothing started");
            return "no domain";
        }
        try {
            String runId = GLUE.startJobRun(r -> r.jobName(job)
                    .arguments(Map.of("--source_bucket", bucket, "--input_key", key))).jobRunId();
            System.out.println("started " + job + " for s3://" + bucket + "/" + key + ": run " + runId);
            return runId;
        } catch (EntityNotFoundException unknownDomain) {
            System.out.println("ERROR unknown domain: there is no job " + job + " for s3://" + bucket + "/" + key
                    + " (Glue said: " + unknownDomain.awsErrorDetails().errorMessage() + "): nothing started");
            return "unknown domain";
        }
    }

    /**
     * {@code <jobPrefix><domain>-ingest} for a key {@code incoming/<domain>/<file>}, the domain being lower-case
     * letters, digits and dashes; null for any other key.
     */
    static String jobNameFor(String key, String jobPrefix) {
        // BEGIN SOLUTION
        String[] parts = key.split("/");
        if (parts.length < 3 || !parts[0].equals("incoming") || !parts[1].matches("[a-z0-9-]+")) {
            return null;
        }
        return jobPrefix + parts[1] + "-ingest";
        // END SOLUTION
    }
}
