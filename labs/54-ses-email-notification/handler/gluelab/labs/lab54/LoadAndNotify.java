package gluelab.labs.lab54;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Loads one day's delivery scans with the Glue job {@code JOB_NAME}, waits for the run to end, and emails its summary
 * (status, rows in and out, duration) from {@code SENDER} to {@code RECIPIENTS} with SES. The event names the day
 * and its file: {@code {"day": "2026-06-01", "input_path": "s3://…/deliveries_2026-06-01.csv"}}; the run writes to
 * {@code s3://OUTPUT_BUCKET/deliveries/day=<day>/}, with the job's {@code _run_summary.json} beside the data.
 */
public class LoadAndNotify implements RequestHandler<Map<String, Object>, Map<String, String>> {

    private static final GlueClient GLUE = GlueClient.create();
    private static final S3Client S3 = S3Client.create();
    private static final SesV2Client SES = SesV2Client.create();
    private static final String JOB = System.getenv("JOB_NAME");
    private static final String OUTPUT_BUCKET = System.getenv("OUTPUT_BUCKET");
    private static final String SENDER = System.getenv("SENDER");
    private static final List<String> RECIPIENTS = List.of(System.getenv("RECIPIENTS").split(","));
    private static final Set<JobRunState> ENDED = Set.of(JobRunState.SUCCEEDED, JobRunState.FAILED,
            JobRunState.STOPPED, JobRunState.TIMEOUT, JobRunState.ERROR);
    /** Time kept back to send the email after the last poll. */
    private static final long RESERVE_MILLIS = 10_000;

    @Override
    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
        String day = String.valueOf(event.get("day"));
        String input = String.valueOf(event.get("input_path"));
        String outputKey = "deliveries/day=" + day + "/";
        String runId = GLUE.startJobRun(r -> r.jobName(JOB).arguments(Map.of("--input_path", input,
                "--output_path", "s3://" + OUTPUT_BUCKET + "/" + outputKey))).jobRunId();
        System.out.println("Started " + runId + " of " + JOB + " for " + day);

        JobRun run = waitForEnd(runId, context);
        Map<String, String> counts = run.jobRunState() == JobRunState.SUCCEEDED
                ? summaryCounts(outputKey + "_run_summary.json") : Map.of("rows_in", "?", "rows_out", "?");
        String subject = "Deliveries " + day + ": " + run.jobRunStateAsString() + ", " + counts.get("rows_out")
                + " of " + counts.get("rows_in") + " rows loaded";
        String duration = run.executionTime() + " s";
        String text = "Run " + runId + " of " + JOB + "\n"
                + "Status:   " + run.jobRunStateAsString() + "\n"
                + "Rows in:  " + counts.get("rows_in") + "\n"
                + "Rows out: " + counts.get("rows_out") + "\n"
                + "Duration: " + duration + "\n"
                + "Input:    " + input + "\n"
                + "Output:   s3://" + OUTPUT_BUCKET + "/" + outputKey + "\n"
                + (run.errorMessage() == null ? "" : "Error:    " + run.errorMessage() + "\n");
        String html = "<h2 style=\"font-family: sans-serif\">Deliveries " + day + "</h2>"
                + "<table style=\"font-family: sans-serif; border-collapse: collapse\">"
                + row("Run", runId) + row("Status", run.jobRunStateAsString()) + row("Rows in", counts.get("rows_in"))
                + row("Rows out", counts.get("rows_out")) + row("Duration", duration) + row("Input", input)
                + row("Output", "s3://" + OUTPUT_BUCKET + "/" + outputKey)
                + (run.errorMessage() == null ? "" : row("Error", run.errorMessage())) + "</table>";

        String messageId = send(subject, text, html);
        System.out.println("Sent " + messageId + " to " + RECIPIENTS + ": " + subject);
        Map<String, String> result = new LinkedHashMap<>();
        result.put("runId", runId);
        result.put("state", run.jobRunStateAsString());
        result.put("messageId", messageId);
        return result;
    }

    /** Sends the summary from SENDER to RECIPIENTS, with a text and an HTML part; SES's message id. */
    static String send(String subject, String text, String html) {
        // BEGIN SOLUTION
        // SES v2 SendEmail with Simple content: FromEmailAddress SENDER, Destination.ToAddresses RECIPIENTS, and a
        // Message of a Subject and a Body with both Text and Html parts. Return the MessageId it answers with.
        return SES.sendEmail(r -> r.fromEmailAddress(SENDER)
                .destination(d -> d.toAddresses(RECIPIENTS))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(subject).charset("UTF-8"))
                        .body(b -> b.text(t -> t.data(text).charset("UTF-8")).html(h -> h.data(html).charset("UTF-8"))))))
                .messageId();
        // END SOLUTION
    }

    /** Polls GetJobRun until the run has ended, keeping time back to report on it. */
    private static JobRun waitForEnd(String runId, Context context) {
        while (true) {
            JobRun run = GLUE.getJobRun(r -> r.jobName(JOB).runId(runId)).jobRun();
            if (ENDED.contains(run.jobRunState())) {
                System.out.println(runId + " ended " + run.jobRunStateAsString() + " after " + run.executionTime() + " s");
                return run;
            }
            if (context.getRemainingTimeInMillis() < RESERVE_MILLIS) {
                throw new IllegalStateException(runId + " is still " + run.jobRunStateAsString()
                        + " and the function's time is nearly up");
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    /** rows_in and rows_out from the summary the job wrote beside its output. */
    private static Map<String, String> summaryCounts(String key) {
        String json = S3.getObjectAsBytes(r -> r.bucket(OUTPUT_BUCKET).key(key)).asUtf8String();
        Map<String, String> counts = new LinkedHashMap<>();
        for (String field : List.of("rows_in", "rows_out")) {
            Matcher value = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
            counts.put(field, value.find() ? value.group(1) : "?");
        }
        return counts;
    }

    private static String row(String label, String value) {
        return "<tr><td style=\"padding: 2px 12px 2px 0; color: #555\">" + label + "</td><td>"
                + value.replace("&", "&amp;").replace("<", "&lt;") + "</td></tr>";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the run", e);
        }
    }
}
