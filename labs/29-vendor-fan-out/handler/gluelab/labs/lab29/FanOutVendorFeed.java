package gluelab.labs.lab29;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Fans the vendors' feeds out to one Glue job per vendor: a file under {@code <vendor>/} starts the job named
 * {@code <JOB_PREFIX><vendor>}, which knows that vendor's layout. Only onboarded vendors ({@code VENDORS}, a
 * comma-separated list in the function's environment) get a run; any other folder is rejected with a log line
 * saying why, before Glue is asked anything.
 */
public class FanOutVendorFeed implements RequestHandler<Map<String, Object>, String> {

    // Made once per execution environment and reused by every invocation it serves, as AWS recommends.
    private static final GlueClient GLUE = GlueClient.create();

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String bucket = (String) ((Map<String, Object>) detail.get("bucket")).get("name");
        String key = (String) ((Map<String, Object>) detail.get("object")).get("key");
        List<String> vendors = List.of(System.getenv("VENDORS").split(","));

        String vendor = vendorOf(key, vendors);
        if (vendor == null) {
            System.out.println("REJECTED s3://" + bucket + "/" + key + ": its folder is no onboarded vendor "
                    + vendors + ", nothing started");
            return "rejected";
        }
        String job = System.getenv("JOB_PREFIX") + vendor;
        String runId = GLUE.startJobRun(r -> r.jobName(job)
                .arguments(Map.of("--source_bucket", bucket, "--input_key", key))).jobRunId();
        System.out.println("vendor " + vendor + ": s3://" + bucket + "/" + key + " → " + job + " run " + runId);
        return runId;
    }

    /** The vendor whose folder the key is in ({@code <vendor>/<file>}) when it is onboarded, else null. */
    static String vendorOf(String key, List<String> vendors) {
        // BEGIN SOLUTION
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            return null;
        }
        String folder = key.substring(0, slash);
        return vendors.contains(folder) ? folder : null;
        // END SOLUTION
    }
}
