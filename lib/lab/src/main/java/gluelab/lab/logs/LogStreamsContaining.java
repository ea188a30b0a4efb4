package gluelab.lab.logs;

import gluelab.lab.Column;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * The log streams, in every log group of the account, whose events contain a given text: one row per stream with the
 * number of events that hold it. The text itself is never shown, because it is usually a secret that must not leak.
 *
 * <p>The events are matched here rather than with a filter pattern: a pattern would have to quote the text, and a
 * generated password may hold any punctuation, quotes included.
 */
public final class LogStreamsContaining {

    private static final List<Column> COLUMNS = List.of(new Column("log_group", ColumnType.STRING),
            new Column("log_stream", ColumnType.STRING), new Column("events", ColumnType.INT));

    private LogStreamsContaining() {
    }

    public static DataTable of(CloudWatchLogsClient logs, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("Give the text to look for (e.g. the secret's password)");
        }
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (LogGroup group : logs.describeLogGroupsPaginator(r -> { }).logGroups()) {
            for (FilteredLogEvent event : logs.filterLogEventsPaginator(r -> r.logGroupName(group.logGroupName()))
                    .events()) {
                if (event.message() != null && event.message().contains(text)) {
                    counts.computeIfAbsent(group.logGroupName(), g -> new TreeMap<>())
                            .merge(event.logStreamName(), 1, Integer::sum);
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((group, streams) -> streams.forEach((stream, n) -> rows.add(List.of(group, stream, n))));
        return DataTable.of(COLUMNS, rows);
    }
}
