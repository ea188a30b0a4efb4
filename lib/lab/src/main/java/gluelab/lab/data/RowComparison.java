package gluelab.lab.data;

import gluelab.lab.DataTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares two tables as multisets of rows over some columns: order does not matter, duplicates do, and
 * values are compared by meaning ({@link Values#canonical}).
 *
 * @param columns    the columns compared
 * @param missing    rows expected but not found (as many times as they are missing)
 * @param unexpected rows found but not expected
 */
public record RowComparison(List<String> columns, List<List<String>> missing, List<List<String>> unexpected) {

    /**
     * Compares {@code expected} with {@code actual} over {@code columns}; with none given, over the expected
     * table's columns (the actual table may have more).
     */
    public static RowComparison of(DataTable expected, DataTable actual, String... columns) {
        List<String> compared = columns.length > 0 ? Arrays.asList(columns) : expected.columnNames();
        List<String> absent = compared.stream().filter(c -> !actual.hasColumn(c)).toList();
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException("the actual table has no column" + (absent.size() == 1 ? " " : "s ")
                    + absent + "; it has " + actual.columnNames());
        }
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (List<String> row : canonicalRows(expected, compared)) {
            counts.merge(row, 1, Integer::sum);
        }
        List<List<String>> unexpected = new ArrayList<>();
        for (List<String> row : canonicalRows(actual, compared)) {
            Integer left = counts.get(row);
            if (left == null || left == 0) {
                unexpected.add(row);
            } else {
                counts.put(row, left - 1);
            }
        }
        List<List<String>> missing = new ArrayList<>();
        counts.forEach((row, left) -> {
            for (int i = 0; i < left; i++) {
                missing.add(row);
            }
        });
        return new RowComparison(List.copyOf(compared), missing, unexpected);
    }

    public boolean same() {
        return missing.isEmpty() && unexpected.isEmpty();
    }

    /** What differs, readably, showing at most {@code limit} rows of each kind. */
    public String describe(int limit) {
        if (same()) {
            return "the rows are the same";
        }
        StringBuilder text = new StringBuilder();
        Map<String, List<String>> missingByKey = byFirstColumn(missing);
        Map<String, List<String>> unexpectedByKey = byFirstColumn(unexpected);
        if (!missing.isEmpty()) {
            text.append(missing.size()).append(" expected row").append(missing.size() == 1 ? " is" : "s are").append(" missing");
            appendRows(text, missing, limit, unexpectedByKey, "found instead");
        }
        if (!unexpected.isEmpty()) {
            text.append(text.isEmpty() ? "" : "; ").append(unexpected.size()).append(" row")
                    .append(unexpected.size() == 1 ? " was" : "s were").append(" not expected");
            appendRows(text, unexpected, limit, missingByKey, "expected");
        }
        return text.append(" (columns ").append(columns).append(')').toString();
    }

    private void appendRows(StringBuilder text, List<List<String>> rows, int limit, Map<String, List<String>> counterpart,
                            String counterpartWord) {
        text.append(": ");
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            List<String> row = rows.get(i);
            text.append(i == 0 ? "" : ", ").append(format(row));
            // The same key on the other side usually means one value differs: say which.
            List<String> other = counterpart.get(row.get(0));
            if (other != null && columns.size() > 1) {
                text.append(" (").append(counterpartWord).append(' ').append(differences(row, other)).append(')');
            }
        }
        if (rows.size() > limit) {
            text.append(", … ").append(rows.size() - limit).append(" more");
        }
    }

    private String differences(List<String> row, List<String> other) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!java.util.Objects.equals(row.get(i), other.get(i))) {
                parts.add(columns.get(i) + "=" + show(other.get(i)));
            }
        }
        return String.join(", ", parts);
    }

    private static Map<String, List<String>> byFirstColumn(List<List<String>> rows) {
        Map<String, List<String>> map = new HashMap<>();
        for (List<String> row : rows) {
            if (!row.isEmpty() && row.get(0) != null) {
                map.putIfAbsent(row.get(0), row);
            }
        }
        return map;
    }

    private static String format(List<String> row) {
        return row.stream().map(RowComparison::show).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String show(String value) {
        return value == null ? "null" : value;
    }

    private static List<List<String>> canonicalRows(DataTable table, List<String> columns) {
        List<List<String>> rows = new ArrayList<>(table.rowCount());
        DataTable projected = table.select(columns.toArray(String[]::new));
        for (List<Object> row : projected.rows()) {
            List<String> canonical = new ArrayList<>(row.size());
            for (Object value : row) {
                canonical.add(Values.canonical(value));
            }
            rows.add(canonical);
        }
        return rows;
    }
}
