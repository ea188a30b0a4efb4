package gluelab.labs.lab24;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Routes every upload to the landing bucket to the Glue job of its prefix: {@code sales/…} to the sales job,
 * {@code orders/…} to the orders job. The routes come from the function's environment ({@code ROUTES}, e.g.
 * {@code sales/=lab24-sales-ingest,orders/=lab24-orders-ingest}), so a new feed is a configuration change, not a
 * new deployment. The event is EventBridge's {@code Object Created} event, read as a map.
 */
public class RouteUpload implements RequestHandler<Map<String, Object>, String> {

    // Made once per execution environment and reused by every invocation it serves, as AWS recommends.
    private static final GlueClient GLUE = GlueClient.create();

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String bucket = (String) ((Map<String, Object>) detail.get("bucket")).get("name");
        String key = (String) ((Map<String, Object>) detail.get("object")).get("key");

        String job = jobFor(key, routes(System.getenv("ROUTES")));
        if (job == null) {
            // Nothing to retry: a key no route knows stays unknown, so log it and return normally.
            System.out.println("ERROR no route for s3://" + bucket + "/" + key + ": routes are " + System.getenv("ROUTES"));
            return "no route";
        }
        String runId = GLUE.startJobRun(r -> r.jobName(job)
                .arguments(Map.of("--source_bucket", bucket, "--input_key", key))).jobRunId();
        System.out.println("routed s3://" + bucket + "/" + key + " to " + job + ": run " + runId);
        return runId;
    }

    /** The job of the first route whose prefix starts the key, or null when no route does. */
    static String jobFor(String key, Map<String, String> routes) {
        // BEGIN SOLUTION
        for (Map.Entry<String, String> route : routes.entrySet()) {
            if (key.startsWith(route.getKey())) {
                return route.getValue();
            }
        }
        return null;
        // END SOLUTION
    }

    /** {@code prefix=job,prefix=job} as an ordered map. */
    static Map<String, String> routes(String setting) {
        Map<String, String> routes = new LinkedHashMap<>();
        for (String route : setting.split(",")) {
            String[] prefixAndJob = route.trim().split("=", 2);
            routes.put(prefixAndJob[0], prefixAndJob[1]);
        }
        return routes;
    }
}
