package gluelab.lab.states;

import gluelab.lab.Column;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * An execution's history as a table, one row per event in order, as the console's "Events" view lists it: the
 * event's id and the id it follows, its type, the state it happened in, when (seconds after the execution
 * started) and what it carried (a state's input or output, a task's resource, an error and its cause).
 */
public final class ExecutionHistoryTable {

    private static final int DETAIL_LENGTH = 120;
    private static final List<Column> COLUMNS = List.of(new Column("id", ColumnType.LONG),
            new Column("previous_id", ColumnType.LONG), new Column("type", ColumnType.STRING),
            new Column("state", ColumnType.STRING), new Column("seconds", ColumnType.DOUBLE),
            new Column("detail", ColumnType.STRING));

    private ExecutionHistoryTable() {
    }

    public static DataTable of(ExecutionEvents execution) {
        List<List<Object>> rows = new ArrayList<>();
        Instant start = execution.events().isEmpty() ? null : execution.events().get(0).timestamp();
        for (HistoryEvent event : execution.events()) {
            List<Object> row = new ArrayList<>();
            row.add(event.id());
            row.add(event.previousEventId());
            row.add(event.typeAsString());
            row.add(execution.stateOf(event));
            row.add(start == null ? null : Duration.between(start, event.timestamp()).toMillis() / 1000.0);
            row.add(detail(ExecutionEvents.details(event)));
            rows.add(row);
        }
        return DataTable.of(COLUMNS, rows).from("GetExecutionHistory " + execution.execution().name());
    }

    private static String detail(Map<String, String> details) {
        StringBuilder text = new StringBuilder();
        if (details.containsKey("error")) {
            text.append(details.get("error"));
            if (details.containsKey("cause")) {
                text.append(": ").append(details.get("cause"));
            }
        } else if (details.containsKey("resource")) {
            text.append(details.getOrDefault("resourceType", "")).append(':').append(details.get("resource"));
            if (details.containsKey("parameters")) {
                text.append(' ').append(details.get("parameters"));
            }
        } else if (details.containsKey("output")) {
            text.append(details.get("output"));
        } else if (details.containsKey("input")) {
            text.append(details.get("input"));
        }
        String flat = text.toString().replaceAll("\\s+", " ");
        return flat.isEmpty() ? null : flat.length() <= DETAIL_LENGTH ? flat : flat.substring(0, DETAIL_LENGTH - 1) + "…";
    }
}
