package gluelab.lab.lambda;

import gluelab.lab.Column;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * A function's invocations as its log group {@code /aws/lambda/<name>} tells them, on AWS and on Lab Cloud alike:
 * one row per {@code START … END … REPORT}, with the REPORT's figures and the handler's own lines between. Each
 * attempt at an asynchronous event is a row of its own, under the event's request id.
 */
public final class LambdaInvocations {

    private static final Pattern START = Pattern.compile("START RequestId: (\\S+) Version: (\\S+)");
    private static final Pattern REPORT = Pattern.compile("REPORT RequestId: (\\S+)\\s+Duration: ([0-9.]+) ms\\s+"
            + "Billed Duration: (\\d+) ms\\s+Memory Size: (\\d+) MB\\s+Max Memory Used: (\\d+) MB"
            + "(?:\\s+Init Duration: ([0-9.]+) ms)?");
    private static final List<Column> COLUMNS = List.of(new Column("started", ColumnType.STRING),
            new Column("request_id", ColumnType.STRING), new Column("version", ColumnType.STRING),
            new Column("duration_ms", ColumnType.DOUBLE), new Column("billed_ms", ColumnType.LONG),
            new Column("memory_mb", ColumnType.INT), new Column("max_memory_used_mb", ColumnType.INT),
            new Column("init_ms", ColumnType.DOUBLE), new Column("output", ColumnType.STRING));

    private LambdaInvocations() {
    }

    /** The invocations of {@code functionName}, oldest first; empty when it has logged nothing yet. */
    public static DataTable of(CloudWatchLogsClient logs, String functionName) {
        String group = "/aws/lambda/" + functionName;
        List<FilteredLogEvent> events = new ArrayList<>();
        try {
            logs.filterLogEventsPaginator(r -> r.logGroupName(group)).events().forEach(events::add);
        } catch (ResourceNotFoundException none) {
            return DataTable.of(COLUMNS, List.of()).from(group);
        }
        events.sort(Comparator.comparing(FilteredLogEvent::logStreamName).thenComparing(FilteredLogEvent::timestamp));
        // One row per attempt, not per request id: the retries of an asynchronous event run under its request id.
        List<List<Object>> table = new ArrayList<>();
        List<StringBuilder> outputs = new ArrayList<>();
        Map<String, Integer> unreported = new HashMap<>();
        Integer current = null;
        for (FilteredLogEvent event : events) {
            String line = event.message();
            Matcher start = START.matcher(line);
            Matcher report = REPORT.matcher(line);
            if (start.lookingAt()) {
                table.add(new ArrayList<>(List.of(Instant.ofEpochMilli(event.timestamp()).toString(), start.group(1),
                        start.group(2))));
                outputs.add(new StringBuilder());
                current = table.size() - 1;
                unreported.put(start.group(1), current);
            } else if (report.lookingAt() && unreported.containsKey(report.group(1))) {
                List<Object> row = table.get(unreported.remove(report.group(1)));
                row.add(Double.parseDouble(report.group(2)));
                row.add(Long.parseLong(report.group(3)));
                row.add(Integer.parseInt(report.group(4)));
                row.add(Integer.parseInt(report.group(5)));
                row.add(report.group(6) == null ? null : Double.parseDouble(report.group(6)));
                current = null;
            } else if (current != null && !line.startsWith("END RequestId: ")) {
                StringBuilder output = outputs.get(current);
                output.append(output.length() == 0 ? "" : "\n").append(line);
            }
        }
        for (int i = 0; i < table.size(); i++) {
            List<Object> row = table.get(i);
            while (row.size() < COLUMNS.size() - 1) {
                row.add(null); // still running, or ended without a REPORT
            }
            row.add(outputs.get(i).toString());
        }
        table.sort(Comparator.comparing(row -> (String) row.get(0)));
        return DataTable.of(COLUMNS, table).from(group);
    }
}
