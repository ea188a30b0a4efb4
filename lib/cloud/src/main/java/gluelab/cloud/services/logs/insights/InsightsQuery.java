package gluelab.cloud.services.logs.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled CloudWatch Logs Insights query: commands joined by {@code |}, each turning a list of rows into the
 * next. A row is an event's fields (the system fields of {@link Fields}, the fields of a JSON message, and what
 * {@code parse} and {@code fields} add), or after {@code stats} one group's values. {@link #parse} throws
 * {@link QuerySyntaxException} for a query Logs Insights would not compile.
 */
public final class InsightsQuery {

    /** One command of the pipeline. */
    interface Stage {
        List<Map<String, Object>> apply(List<Map<String, Object>> rows, Output output);
    }

    /** What the pipeline has decided about its output so far: the columns shown, and whether rows are events. */
    static final class Output {
        List<String> columns;
        boolean aggregated;
        long matched;
    }

    /** One result row: the fields that have a value, in the order the query shows them. */
    public record Row(List<Map.Entry<String, String>> fields) {
    }

    /** The rows of a run, and how many events matched (the events the rows came from, before {@code stats}). */
    public record Result(List<Row> rows, long recordsMatched) {
    }

    private final List<Stage> stages;

    InsightsQuery(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public static InsightsQuery parse(String text) {
        return new QueryParser(text).query();
    }

    /**
     * Runs the query over {@code events}, given newest first (the order a query without {@code sort} returns), and
     * keeps at most {@code limit} rows.
     */
    public Result run(List<Map<String, Object>> events, int limit) {
        Output output = new Output();
        output.matched = events.size();
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        for (Map<String, Object> event : events) {
            rows.add(new LinkedHashMap<>(event));
        }
        for (Stage stage : stages) {
            rows = stage.apply(rows, output);
        }
        List<String> columns = new ArrayList<>(output.columns != null ? output.columns
                : List.of(Fields.TIMESTAMP, Fields.MESSAGE));
        if (!output.aggregated && !columns.contains(Fields.POINTER)) {
            columns.add(Fields.POINTER);
        }
        List<Row> result = new ArrayList<>();
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            for (String column : columns) {
                Object value = row.get(column);
                if (value != null) {
                    fields.add(Map.entry(column, Values.format(value)));
                }
            }
            result.add(new Row(fields));
        }
        return new Result(result, output.matched);
    }

    // ---- the commands --------------------------------------------------------------------------------------

    /** A named value: {@code expr as name}, or a field or expression named by its own text. */
    record Named(String name, Expression expression) {
    }

    /** {@code fields a, f(b) as c}: computes each into the row and shows them. */
    static Stage fields(List<Named> items) {
        return (rows, output) -> {
            for (Map<String, Object> row : rows) {
                for (Named item : items) {
                    Object value = item.expression().eval(row);
                    if (value != null) {
                        row.put(item.name(), value);
                    }
                }
            }
            List<String> columns = output.columns == null || output.aggregated ? new ArrayList<>() : output.columns;
            items.forEach(item -> {
                if (!columns.contains(item.name())) {
                    columns.add(item.name());
                }
            });
            output.columns = columns;
            return rows;
        };
    }

    /** {@code display a, b}: the columns shown, and only those. */
    static Stage display(List<Named> items) {
        Stage compute = fields(items);
        return (rows, output) -> {
            List<Map<String, Object>> out = compute.apply(rows, output);
            output.columns = new ArrayList<>(items.stream().map(Named::name).toList());
            return out;
        };
    }

    static Stage filter(Expression condition) {
        return (rows, output) -> {
            List<Map<String, Object>> kept = rows.stream().filter(row -> Values.truthy(condition.eval(row))).toList();
            if (!output.aggregated) {
                output.matched = kept.size();
            }
            return kept;
        };
    }

    /**
     * {@code parse field pattern as a, b}: the pattern's groups {@code groups[i]} become fields {@code names[i]}; an
     * event that does not match keeps going without them.
     */
    static Stage parse(Expression source, java.util.regex.Pattern pattern, List<String> names, List<String> groups) {
        return (rows, output) -> {
            for (Map<String, Object> row : rows) {
                String text = Values.string(source.eval(row));
                if (text == null) {
                    continue;
                }
                java.util.regex.Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    for (int i = 0; i < names.size(); i++) {
                        row.put(names.get(i), matcher.group(groups.get(i)));
                    }
                }
            }
            return rows;
        };
    }

    /** One aggregation of {@code stats}, e.g. {@code count(*) as events}. */
    record Aggregation(String name, Aggregate function, Expression argument) {
    }

    /** {@code stats f(x) as n, … by g, …}: one row per group, the groups first, then the aggregations. */
    static Stage stats(List<Aggregation> aggregations, List<Named> groups) {
        return (rows, output) -> {
            Map<List<Object>, List<Aggregate.Accumulator>> byGroup = new LinkedHashMap<>();
            Map<List<Object>, Map<String, Object>> keys = new LinkedHashMap<>();
            for (Map<String, Object> row : rows) {
                List<Object> key = new ArrayList<>();
                Map<String, Object> keyRow = new LinkedHashMap<>();
                for (Named group : groups) {
                    Object value = group.expression().eval(row);
                    key.add(value == null ? null : Values.format(value));
                    if (value != null) {
                        keyRow.put(group.name(), value);
                    }
                }
                keys.putIfAbsent(key, keyRow);
                byGroup.computeIfAbsent(key, k -> aggregations.stream()
                        .map(a -> a.function().start(a.argument())).toList())
                        .forEach(accumulator -> accumulator.add(row));
            }
            if (groups.isEmpty() && byGroup.isEmpty()) {
                byGroup.put(List.of(), aggregations.stream().map(a -> a.function().start(a.argument())).toList());
                keys.put(List.of(), Map.of());
            }
            List<Map<String, Object>> out = new ArrayList<>();
            byGroup.forEach((key, accumulators) -> {
                Map<String, Object> row = new LinkedHashMap<>(keys.get(key));
                for (int i = 0; i < aggregations.size(); i++) {
                    Object value = accumulators.get(i).result();
                    if (value != null) {
                        row.put(aggregations.get(i).name(), value);
                    }
                }
                out.add(row);
            });
            if (!output.aggregated) {
                output.matched = rows.size();
            }
            output.aggregated = true;
            List<String> columns = new ArrayList<>(groups.stream().map(Named::name).toList());
            aggregations.forEach(a -> columns.add(a.name()));
            output.columns = columns;
            return out;
        };
    }

    /** One key of {@code sort}. */
    record SortKey(Named key, boolean descending) {
    }

    static Stage sort(List<SortKey> keys) {
        Comparator<Map<String, Object>> order = (a, b) -> 0;
        for (SortKey key : keys) {
            Comparator<Map<String, Object>> one = Comparator.comparing(row -> sortValue(key.key(), row), Values.SORT_ORDER);
            order = order.thenComparing(key.descending() ? one.reversed() : one);
        }
        Comparator<Map<String, Object>> finalOrder = order;
        return (rows, output) -> {
            List<Map<String, Object>> sorted = new ArrayList<>(rows);
            sorted.sort(finalOrder);
            return sorted;
        };
    }

    /** A sort key names a column (a {@code stats} output such as {@code count(*)}) or is computed from the row. */
    private static Object sortValue(Named key, Map<String, Object> row) {
        return row.containsKey(key.name()) ? row.get(key.name()) : key.expression().eval(row);
    }

    static Stage limit(int count) {
        return (rows, output) -> rows.size() <= count ? rows : rows.subList(0, count);
    }
}
