package gluelab.labs.lab55;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Summarises one Glue job run from its logs: reads the run's stream (named by its run id) in the driver's output
 * group {@code /aws-glue/jobs/output} and error group {@code /aws-glue/jobs/error} with {@code FilterLogEvents},
 * takes the rows read and written and the rejected rows from the job's own lines, counts the {@code WARN} lines
 * and the error lines ({@code ERROR …}, or Glue's {@code Exception in User Class: …} when the job threw), measures the time from the first line to the last, and writes the summary as JSON to
 * {@code s3://SUMMARY_BUCKET/summaries/<run id>.json}. The event is {@code {"runId": "jr_…"}}.
 */
public class SummariseRunLogs implements RequestHandler<Map<String, String>, String> {

    static final String OUTPUT_GROUP = "/aws-glue/jobs/output";
    static final String ERROR_GROUP = "/aws-glue/jobs/error";
    private static final Pattern ROWS_READ = Pattern.compile("rows read: (\\d+)");
    private static final Pattern ROWS_WRITTEN = Pattern.compile("rows written: (\\d+)");
    private static final Pattern REJECTED = Pattern.compile("rejected rows: (\\d+)");
    /** How Glue announces that the job's main method threw. */
    private static final String USER_EXCEPTION = "Exception in User Class";

    private static final CloudWatchLogsClient LOGS = CloudWatchLogsClient.create();
    private static final S3Client S3 = S3Client.create();

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        String runId = event.get("runId");
        List<FilteredLogEvent> output = runEvents(OUTPUT_GROUP, runId);
        List<FilteredLogEvent> errors = runEvents(ERROR_GROUP, runId);
        System.out.println("Run " + runId + ": " + output.size() + " output lines, " + errors.size() + " error lines");

        long rowsIn = 0;
        long rowsOut = 0;
        long rejected = 0;
        long warnings = 0;
        long errorLines = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        List<FilteredLogEvent> all = new ArrayList<>(output);
        all.addAll(errors);
        for (FilteredLogEvent line : all) {
            String message = line.message();
            first = Math.min(first, line.timestamp());
            last = Math.max(last, line.timestamp());
            rowsIn += number(ROWS_READ, message);
            rowsOut += number(ROWS_WRITTEN, message);
            rejected += number(REJECTED, message);
            if (message.startsWith("WARN")) {
                warnings++;
            } else if (message.startsWith("ERROR") || message.contains(USER_EXCEPTION)) {
                errorLines++;
            }
        }
        String firstEvent = all.isEmpty() ? null : Instant.ofEpochMilli(first).toString();
        String lastEvent = all.isEmpty() ? null : Instant.ofEpochMilli(last).toString();
        double durationSeconds = all.isEmpty() ? 0 : Duration.ofMillis(last - first).toMillis() / 1000.0;
        String summary = "{\"runId\":\"" + runId + "\",\"rowsIn\":" + rowsIn + ",\"rowsOut\":" + rowsOut
                + ",\"rejected\":" + rejected + ",\"warnings\":" + warnings + ",\"errors\":" + errorLines
                + ",\"firstEvent\":" + quoted(firstEvent) + ",\"lastEvent\":" + quoted(lastEvent)
                + ",\"durationSeconds\":" + durationSeconds + "}";
        String key = "summaries/" + runId + ".json";
        S3.putObject(r -> r.bucket(System.getenv("SUMMARY_BUCKET")).key(key).contentType("application/json"),
                RequestBody.fromString(summary));
        System.out.println("Wrote s3://" + System.getenv("SUMMARY_BUCKET") + "/" + key + ": " + summary);
        return summary;
    }

    /** Every event of the run's stream in {@code group}, all pages, oldest first. */
    static List<FilteredLogEvent> runEvents(String group, String runId) {
        List<FilteredLogEvent> events = new ArrayList<>();
        // BEGIN SOLUTION
        // FilterLogEvents: the run's own stream only; the paginator follows nextToken until the last page.
        FilterLogEventsRequest request = FilterLogEventsRequest.builder()
                .logGroupName(group)
                .logStreamNames(runId)
                .startFromHead(true)
                .build();
        LOGS.filterLogEventsPaginator(request).events().forEach(events::add);
        // END SOLUTION
        return events;
    }

    private static long number(Pattern pattern, String message) {
        Matcher matcher = pattern.matcher(message);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
