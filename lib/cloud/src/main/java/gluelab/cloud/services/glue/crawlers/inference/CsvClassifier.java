package gluelab.cloud.services.glue.crawlers.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Glue's built-in CSV classifier over a text sample. It tries the delimiters Glue checks (comma, pipe,
 * tab, semicolon, Ctrl-A) and keeps the one giving the same column count (at least two) on every sampled
 * row. The first row is a header when every field of it is a string and some column of the other rows is
 * not (Glue: "the header row must be sufficiently different from the data rows"); without one, columns
 * are {@code col0, col1, …}. Column types are {@code boolean}, {@code bigint}, {@code double} or {@code string}.
 */
final class CsvClassifier {

    private static final char[] DELIMITERS = {',', '|', '\t', ';', '\u0001'};
    private static final int MAX_SAMPLED_ROWS = 1000;
    private static final Pattern BIGINT = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DOUBLE = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private CsvClassifier() {
    }

    /** The schema, or null when the sample is not delimited text. */
    static FileSchema classify(TextSample sample, long objectSize) {
        if (sample.text().indexOf('\0') >= 0) {
            return null; // binary, not text
        }
        for (char delimiter : DELIMITERS) {
            ParsedRows parsed = parse(sample, delimiter);
            if (parsed != null) {
                return schema(parsed, delimiter, sample, objectSize);
            }
        }
        return null;
    }

    private record ParsedRows(List<List<String>> rows, boolean quoted) {
    }

    private static FileSchema schema(ParsedRows parsed, char delimiter, TextSample sample, long objectSize) {
        List<List<String>> rows = parsed.rows();
        int width = rows.get(0).size();
        List<HiveType> dataTypes = columnTypes(rows.subList(1, rows.size()), width);
        boolean headerAllStrings = rows.get(0).stream().allMatch(field -> typeOf(field) == HiveType.STRING);
        boolean header = rows.size() > 1 && headerAllStrings && dataTypes.stream().anyMatch(t -> t != HiveType.STRING);
        List<HiveType> types = header ? dataTypes : columnTypes(rows, width);
        Map<String, HiveType> columns = new LinkedHashMap<>();
        for (int i = 0; i < width; i++) {
            String name = header ? columnName(rows.get(0).get(i), i) : "col" + i;
            columns.put(columns.containsKey(name) ? name + "_" + i : name, types.get(i) == null ? HiveType.STRING : types.get(i));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("delimiter", String.valueOf(delimiter));
        parameters.put("areColumnsQuoted", String.valueOf(parsed.quoted()));
        parameters.put("columnsOrdered", "true");
        if (header) {
            parameters.put("skip.header.line.count", "1");
        }
        long records = rows.size() - (header ? 1 : 0);
        return new FileSchema("csv", columns, StorageFormat.csv(delimiter, parsed.quoted()), Map.copyOf(parameters),
                sample.estimateRecords(records, objectSize), sample.compressionType());
    }

    /** Header names as Glue writes them: trimmed, lower case, never empty. */
    private static String columnName(String header, int index) {
        String name = header.trim().toLowerCase(java.util.Locale.ROOT);
        return name.isEmpty() ? "col" + index : name;
    }

    private static List<HiveType> columnTypes(List<List<String>> rows, int width) {
        List<HiveType> types = new ArrayList<>();
        for (int column = 0; column < width; column++) {
            HiveType type = null;
            for (List<String> row : rows) {
                String field = row.get(column).trim();
                if (!field.isEmpty()) {
                    type = widenCsv(type, typeOf(field));
                }
            }
            types.add(type);
        }
        return types;
    }

    /** CSV columns widen bigint → double; any other mix is a string. */
    private static HiveType widenCsv(HiveType a, HiveType b) {
        if (a == null || a.equals(b)) {
            return b;
        }
        boolean numbers = (a == HiveType.BIGINT || a == HiveType.DOUBLE) && (b == HiveType.BIGINT || b == HiveType.DOUBLE);
        return numbers ? HiveType.DOUBLE : HiveType.STRING;
    }

    /** Glue's CSV classifier infers no dates or timestamps: they stay strings. */
    static HiveType typeOf(String field) {
        String value = field.trim();
        if (BIGINT.matcher(value).matches()) {
            return HiveType.BIGINT;
        }
        if (DOUBLE.matcher(value).matches()) {
            return HiveType.DOUBLE;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return HiveType.BOOLEAN;
        }
        return HiveType.STRING;
    }

    /**
     * The sample's rows split on {@code delimiter} with RFC 4180 quoting (quoted fields may hold the
     * delimiter, doubled quotes and newlines), or null when the rows do not all have the same width of two
     * columns or more. A last row cut by the sample's end is dropped.
     */
    private static ParsedRows parse(TextSample sample, char delimiter) {
        String text = sample.text();
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        boolean rowStarted = false;
        int i = 0;
        for (; i < text.length() && rows.size() < MAX_SAMPLED_ROWS; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                inQuotes = true;
                quoted = true;
                rowStarted = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                rowStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (rowStarted || !field.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                rowStarted = false;
            } else {
                field.append(c);
                rowStarted = true;
            }
        }
        boolean endOfText = i >= text.length();
        if ((rowStarted || !field.isEmpty()) && endOfText && sample.complete() && !inQuotes) {
            row.add(field.toString());
            rows.add(row);
        }
        if (rows.isEmpty() || rows.get(0).size() < 2) {
            return null;
        }
        int width = rows.get(0).size();
        return rows.stream().allMatch(r -> r.size() == width) ? new ParsedRows(rows, quoted) : null;
    }
}
