package gluelab.lab.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.lab.LogTail;
import gluelab.lab.RunMetrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** The CloudWatch Logs side of a Glue run: its driver output and errors, and the metrics the runtime logs. */
public final class GlueLogs {

    /** Where Glue writes a run's driver output; the stream is the run id. */
    public static final String OUTPUT_GROUP = "/aws-glue/jobs/output";
    /** Where Glue writes a run's driver errors; the stream is the run id. */
    public static final String ERROR_GROUP = "/aws-glue/jobs/error";
    /** Where Glue writes what a crawler did; the stream is the crawler's name. */
    public static final String CRAWLER_GROUP = "/aws-glue/crawlers";
    private static final String METRIC_FIELD = "glue_lab_metric";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GlueLogs() {
    }

    /** The last {@code lines} lines of {@code logGroup}/{@code logStream} ({@code GetLogEvents}, newest page). */
    public static LogTail tail(CloudWatchLogsClient logs, String logGroup, String logStream, int lines) {
        try {
            List<OutputLogEvent> events = logs.getLogEvents(r -> r.logGroupName(logGroup).logStreamName(logStream)
                    .startFromHead(false).limit(Math.max(1, Math.min(lines, 10_000)))).events();
            List<String> text = new ArrayList<>();
            for (OutputLogEvent event : events) {
                text.add(event.message() == null ? "" : event.message().stripTrailing());
            }
            return new LogTail(logGroup, logStream, text, true);
        } catch (ResourceNotFoundException e) {
            return new LogTail(logGroup, logStream, List.of(), false);
        }
    }

    /** The run's {@code glue_lab_metric} lines from its driver output ({@code FilterLogEvents}), summed up. */
    public static RunMetrics metrics(CloudWatchLogsClient logs, String runId) {
        List<String> messages = new ArrayList<>();
        try {
            logs.filterLogEventsPaginator(r -> r.logGroupName(OUTPUT_GROUP).logStreamNames(runId)
                    .filterPattern("\"" + METRIC_FIELD + "\"")).events().forEach(event -> messages.add(event.message()));
        } catch (ResourceNotFoundException e) {
            return new RunMetrics(runId, 0, 0, 0, List.of(), List.of(), false);
        }
        return parseMetrics(runId, messages);
    }

    /** The metrics in {@code messages}: lines holding a JSON object with a {@code glue_lab_metric} field. */
    public static RunMetrics parseMetrics(String runId, List<String> messages) {
        List<RunMetrics.Source> sources = new ArrayList<>();
        List<RunMetrics.Sink> sinks = new ArrayList<>();
        JsonNode totals = null;
        for (String message : messages) {
            JsonNode metric = metricIn(message);
            if (metric == null) {
                continue;
            }
            switch (metric.path(METRIC_FIELD).asText()) {
                case "source" -> {
                    List<String> files = new ArrayList<>();
                    metric.path("files").forEach(file -> files.add(file.asText()));
                    sources.add(new RunMetrics.Source(text(metric, "transformation_ctx"), files, metric.path("rows").asLong()));
                }
                case "sink" -> sinks.add(new RunMetrics.Sink(text(metric, "transformation_ctx"), text(metric, "path"),
                        metric.path("rows").asLong()));
                case "run" -> totals = metric;
                default -> {
                    // A kind of metric this library does not know yet: ignored.
                }
            }
        }
        if (totals == null) {
            return new RunMetrics(runId, sources.stream().mapToLong(s -> s.files().size()).sum(),
                    sources.stream().mapToLong(RunMetrics.Source::rows).sum(),
                    sinks.stream().mapToLong(RunMetrics.Sink::rows).sum(), sources, sinks, false);
        }
        return new RunMetrics(runId, totals.path("filesRead").asLong(), totals.path("rowsRead").asLong(),
                totals.path("rowsWritten").asLong(), sources, sinks, true);
    }

    private static JsonNode metricIn(String message) {
        if (message == null) {
            return null;
        }
        int start = message.indexOf('{');
        int end = message.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(message.substring(start, end + 1));
            return node != null && node.hasNonNull(METRIC_FIELD) ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
