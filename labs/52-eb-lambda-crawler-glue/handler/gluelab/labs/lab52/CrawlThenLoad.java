package gluelab.labs.lab52;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;

/**
 * The target of the pipeline's two EventBridge rules, telling them apart by the event's {@code detail-type}:
 * <ul>
 * <li>S3's {@code Object Created} (a delivery arrived): starts the crawler named by {@code CRAWLER_NAME}, so that
 * the catalog learns the delivery's new partition;</li>
 * <li>Glue's {@code Glue Crawler State Change} with state {@code Succeeded} (the catalog is up to date): starts the
 * job named by {@code JOB_NAME}, telling it which crawl it follows ({@code --crawl_completed}).</li>
 * </ul>
 * Returns what it started.
 */
public class CrawlThenLoad implements RequestHandler<Map<String, Object>, String> {

    /** Made once per execution environment and reused by its later invocations. */
    private static final GlueClient GLUE = GlueClient.create();

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String type = String.valueOf(event.get("detail-type"));
        return switch (type) {
            case "Object Created" -> {
                Map<String, Object> bucket = (Map<String, Object>) detail.get("bucket");
                Map<String, Object> object = (Map<String, Object>) detail.get("object");
                System.out.println("Object Created: s3://" + bucket.get("name") + "/" + object.get("key"));
                yield startCrawl(GLUE, System.getenv("CRAWLER_NAME"));
            }
            case "Glue Crawler State Change" -> {
                String completed = (String) detail.get("completionDate");
                System.out.println("Crawler " + detail.get("crawlerName") + " " + detail.get("state") + " at " + completed
                        + ": " + detail.get("partitionsCreated") + " partitions created, "
                        + detail.get("tablesCreated") + " tables created, " + detail.get("tablesUpdated") + " updated");
                String runId = GLUE.startJobRun(r -> r.jobName(System.getenv("JOB_NAME"))
                        .arguments(Map.of("--crawl_completed", completed))).jobRunId();
                System.out.println("Started " + System.getenv("JOB_NAME") + " run " + runId);
                yield runId;
            }
            default -> throw new IllegalArgumentException("Not an event this function handles: " + type);
        };
    }

    /**
     * Starts a crawl of {@code crawler} and says so. A crawler runs one crawl at a time: while it runs, StartCrawler
     * answers {@code CrawlerRunningException}, and the crawl under way may already have listed the folders, so the
     * new delivery is left for the next crawl, and the function says that too.
     */
    static String startCrawl(GlueClient glue, String crawler) {
        // BEGIN SOLUTION
        // StartCrawler of crawler; a CrawlerRunningException is no error: log it and return "already running"
        try {
            glue.startCrawler(r -> r.name(crawler));
            System.out.println("Started crawler " + crawler);
            return "crawl started";
        } catch (CrawlerRunningException running) {
            System.out.println("Crawler " + crawler + " is already running: " + running.awsErrorDetails().errorMessage());
            return "already running";
        }
        // END SOLUTION
    }
}
