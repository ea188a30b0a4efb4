package gluelab.lab;

import gluelab.lab.data.Values;
import gluelab.lab.display.Html;
import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import gluelab.lab.display.TextTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A small table of values: column names and types, and rows. Job output read from S3 and input files read
 * from {@code data/} both become one, so check cells can compare them. In a notebook it shows itself as a
 * table (the first {@value #SHOWN_ROWS} rows); {@link #head(int)} shows fewer.
 */
public final class DataTable implements Renderable {

    static final int SHOWN_ROWS = 50;

    private final List<Column> columns;
    private final List<List<Object>> rows;
    private final String source;

    private DataTable(List<Column> columns, List<List<Object>> rows, String source) {
        this.columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " values but the table has "
                        + columns.size() + " columns: " + row);
            }
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        this.rows = Collections.unmodifiableList(copied);
        this.source = source;
    }

    /** A table of {@code columns} and {@code rows}; each row has one value per column, null for missing. */
    public static DataTable of(List<Column> columns, List<List<Object>> rows) {
        return new DataTable(columns, rows, null);
    }

    /** The same table, saying where it came from (shown above it). */
    public DataTable from(String description) {
        return new DataTable(columns, rows, description);
    }

    /** Where the table came from, e.g. {@code s3://lab01-refined/customers/ (2 Parquet files)}; may be null. */
    public String source() {
        return source;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The column called {@code name} (an exact match, else the only one that matches ignoring case). */
    public Column column(String name) {
        return columns.get(indexOf(name));
    }

    public boolean hasColumn(String name) {
        return findIndex(name) >= 0;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The values of one column, top to bottom. */
    public List<Object> values(String column) {
        int index = indexOf(column);
        return rows.stream().map(row -> row.get(index)).toList();
    }

    /** One value. */
    public Object value(int row, String column) {
        return rows.get(row).get(indexOf(column));
    }

    /** The rows as maps from column name to value, in column order. */
    public List<Map<String, Object>> asMaps() {
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                map.put(columns.get(i).name(), row.get(i));
            }
            maps.add(Collections.unmodifiableMap(map));
        }
        return maps;
    }

    /** The first {@code n} rows. */
    public DataTable head(int n) {
        return new DataTable(columns, rows.subList(0, Math.min(Math.max(n, 0), rows.size())), source);
    }

    /** Only the named columns, in that order. */
    public DataTable select(String... names) {
        int[] indexes = Arrays.stream(names).mapToInt(this::indexOf).toArray();
        List<Column> selected = Arrays.stream(indexes).mapToObj(columns::get).toList();
        List<List<Object>> projected = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>(indexes.length);
            for (int index : indexes) {
                values.add(row.get(index));
            }
            projected.add(values);
        }
        return new DataTable(selected, projected, source);
    }

    /** The rows for which {@code keep} holds, given each row as a map from column name to value. */
    public DataTable where(Predicate<Map<String, Object>> keep) {
        List<List<Object>> kept = new ArrayList<>();
        List<Map<String, Object>> maps = asMaps();
        for (int i = 0; i < rows.size(); i++) {
            if (keep.test(maps.get(i))) {
                kept.add(rows.get(i));
            }
        }
        return new DataTable(columns, kept, source);
    }

    /** The rows whose {@code column} has the value {@code value}, compared by meaning ({@code 1001} = {@code "1001"}). */
    public DataTable where(String column, Object value) {
        int index = indexOf(column);
        String wanted = Values.canonical(value);
        List<List<Object>> kept = rows.stream().filter(row -> Objects.equals(Values.canonical(row.get(index)), wanted)).toList();
        return new DataTable(columns, kept, source);
    }

    /** The rows sorted by {@code names}, the first one first, each by meaning ({@link Values#compare}: 9 before 10). */
    public DataTable sortBy(String... names) {
        int[] indexes = Arrays.stream(names).mapToInt(this::indexOf).toArray();
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> {
            for (int index : indexes) {
                int order = Values.compare(a.get(index), b.get(index));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        });
        return new DataTable(columns, sorted, source);
    }

    /**
     * How many rows have each combination of values in {@code names}: those columns and a {@code count} column, one row
     * per combination, sorted. Values are grouped by meaning.
     */
    public DataTable countBy(String... names) {
        DataTable keys = select(names);
        Map<List<String>, List<Object>> firstSeen = new LinkedHashMap<>();
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        for (List<Object> row : keys.rows) {
            List<String> key = row.stream().map(Values::canonical).toList();
            firstSeen.putIfAbsent(key, row);
            counts.merge(key, 1L, Long::sum);
        }
        List<Column> counted = new ArrayList<>(keys.columns);
        counted.add(new Column("count", ColumnType.LONG));
        List<List<Object>> result = new ArrayList<>();
        counts.forEach((key, count) -> {
            List<Object> row = new ArrayList<>(firstSeen.get(key));
            row.add(count);
            result.add(row);
        });
        return new DataTable(counted, result, source).sortBy(names);
    }

    /**
     * A table built row by row: {@code DataTable.builder("file", "rows:int", "size:long").row("a.csv", 10, 2048L).build()}.
     * A column is {@code name} (text) or {@code name:type} with a {@link ColumnType} name ({@code int}, {@code long},
     * {@code decimal}, {@code date}, {@code boolean} …).
     */
    public static Builder builder(String... columns) {
        return new Builder(Arrays.stream(columns).map(DataTable::columnOf).toList());
    }

    private static Column columnOf(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon < 0) {
            return new Column(spec, ColumnType.STRING);
        }
        String type = spec.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
        return new Column(spec.substring(0, colon), ColumnType.valueOf(type.equals("BIGINT") ? "LONG" : type));
    }

    /** Rows added one at a time; see {@link DataTable#builder}. */
    public static final class Builder {
        private final List<Column> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(List<Column> columns) {
            this.columns = columns;
        }

        /** One row: a value per column, null for none. */
        public Builder row(Object... values) {
            rows.add(Arrays.asList(values));
            return this;
        }

        /** Many rows at once: {@code DataTable.builder("file", "rows:int").rows(listOfRows).build()}. */
        public Builder rows(List<? extends List<?>> more) {
            more.forEach(row -> rows.add(new ArrayList<Object>(row)));
            return this;
        }

        public DataTable build() {
            return DataTable.of(columns, rows);
        }
    }

    /**
     * The same table with each text column converted to the narrowest type all its values parse as: int,
     * bigint, decimal, double, boolean, date or timestamp_ntz (as Spark's CSV schema inference would, except
     * that numbers with a fraction become exact decimals). Columns that are not text stay as they are.
     */
    public DataTable inferTypes() {
        List<Column> typed = new ArrayList<>(columns.size());
        List<List<Object>> converted = new ArrayList<>(rows.size());
        rows.forEach(row -> converted.add(new ArrayList<>(row)));
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.type() != ColumnType.STRING) {
                typed.add(column);
                continue;
            }
            int index = i;
            List<String> texts = rows.stream().map(row -> (String) row.get(index)).toList();
            ColumnType type = Values.inferType(texts);
            for (List<Object> row : converted) {
                row.set(i, Values.parse((String) row.get(i), type));
            }
            typed.add(new Column(column.name(), type, type == ColumnType.DECIMAL ? decimalTypeName(converted, i)
                    : type.sqlName()));
        }
        return new DataTable(typed, converted, source);
    }

    private static String decimalTypeName(List<List<Object>> rows, int column) {
        int scale = 0;
        int integerDigits = 1;
        for (List<Object> row : rows) {
            if (row.get(column) instanceof BigDecimal value) {
                scale = Math.max(scale, Math.max(value.scale(), 0));
                integerDigits = Math.max(integerDigits, value.precision() - value.scale());
            }
        }
        return "decimal(" + (integerDigits + scale) + "," + scale + ")";
    }

    private int indexOf(String name) {
        int index = findIndex(name);
        if (index < 0) {
            throw new IllegalArgumentException("There is no column \"" + name + "\"; the columns are " + columnNames());
        }
        return index;
    }

    private int findIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        int found = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    @Override
    public MimeBundle toMimeBundle() {
        List<List<Object>> shown = rows.subList(0, Math.min(SHOWN_ROWS, rows.size()));
        boolean[] right = new boolean[columns.size()];
        for (int i = 0; i < right.length; i++) {
            right[i] = columns.get(i).type().isNumeric();
        }
        List<List<String>> htmlRows = new ArrayList<>();
        List<List<String>> textRows = new ArrayList<>();
        for (List<Object> row : shown) {
            List<String> html = new ArrayList<>();
            List<String> text = new ArrayList<>();
            for (Object value : row) {
                html.add(value == null ? Html.nullCell() : Html.escape(Values.display(value)));
                text.add(Values.display(value));
            }
            htmlRows.add(html);
            textRows.add(text);
        }
        String caption = (source == null ? "" : Html.escape(source) + " · ") + summary();
        String footer = rows.size() > shown.size() ? "… " + (rows.size() - shown.size()) + " more rows" : null;
        List<String> types = columns.stream().map(Column::typeName).toList();
        String html = Html.table(caption, columnNames(), types, htmlRows, right, footer);
        String text = (source == null ? "" : source + " · ") + summary() + "\n"
                + TextTable.render(columns.stream().map(Column::toString).toList(), textRows, right)
                + (footer == null ? "" : "\n" + footer);
        return MimeBundle.html(html, text);
    }

    private String summary() {
        return String.format(Locale.ROOT, "%d row%s × %d column%s", rows.size(), rows.size() == 1 ? "" : "s",
                columns.size(), columns.size() == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return toMimeBundle().plainText();
    }
}
