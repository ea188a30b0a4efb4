package gluelab.lab.data;

import gluelab.lab.Column;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads delimited text into a table of text columns. Quoted fields may hold delimiters, quotes and line
 * breaks; an empty unquoted field is null, while a quoted empty field ({@code ""}) is the empty string;
 * blank lines are skipped; a leading UTF-8 byte-order mark is ignored. A record with a different number of
 * fields than the header is an error naming its line.
 */
public final class CsvParser {

    private final CsvFormat format;
    private final String source;
    private final String text;
    private int position;
    private int line = 1;

    private CsvParser(CsvFormat format, String source, String text) {
        this.format = format;
        this.source = source;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * @param text   the whole file
     * @param source what to call the file in error messages
     */
    public static DataTable parse(String text, CsvFormat format, String source) {
        return new CsvParser(format, source, text).table();
    }

    private DataTable table() {
        List<String> header = null;
        List<List<Object>> rows = new ArrayList<>();
        while (position < text.length()) {
            int recordLine = line;
            List<String> record = record();
            if (record.size() == 1 && record.get(0) == null) {
                continue; // a blank line
            }
            if (header == null && format.header()) {
                header = record;
                continue;
            }
            if (header == null) {
                header = new ArrayList<>();
                for (int i = 0; i < record.size(); i++) {
                    header.add(null);
                }
            }
            if (record.size() != header.size()) {
                throw new IllegalArgumentException(source + ", line " + recordLine + ": " + record.size() + " field"
                        + (record.size() == 1 ? "" : "s") + ", but " + (format.header() ? "the header has " : "the first record has ")
                        + header.size() + " (an unquoted '" + format.delimiter() + "' in a value?)");
            }
            rows.add(new ArrayList<>(record));
        }
        return DataTable.of(columns(header == null ? List.of() : header), rows);
    }

    private static List<Column> columns(List<String> header) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null || header.get(i).isBlank() ? "_c" + i : header.get(i).trim();
            String unique = name;
            for (int n = 2; !seen.add(unique); n++) {
                unique = name + "_" + n;
            }
            columns.add(new Column(unique, ColumnType.STRING));
        }
        return columns;
    }

    /** One record, consuming its line break. */
    private List<String> record() {
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(field());
            if (position >= text.length()) {
                return fields;
            }
            char c = text.charAt(position);
            if (c == format.delimiter()) {
                position++;
                continue;
            }
            endOfLine();
            return fields;
        }
    }

    private String field() {
        if (position < text.length() && text.charAt(position) == format.quote()) {
            return quotedField();
        }
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == format.delimiter() || c == '\n' || c == '\r') {
                break;
            }
            position++;
        }
        return position == start ? null : text.substring(start, position);
    }

    private String quotedField() {
        int openedOnLine = line;
        position++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw new IllegalArgumentException(source + ", line " + openedOnLine + ": a quoted field is never closed");
            }
            char c = text.charAt(position);
            if (format.escape() != 0 && c == format.escape() && position + 1 < text.length()
                    && (text.charAt(position + 1) == format.quote() || text.charAt(position + 1) == format.escape())) {
                value.append(text.charAt(position + 1));
                position += 2;
            } else if (c == format.quote()) {
                if (position + 1 < text.length() && text.charAt(position + 1) == format.quote()) {
                    value.append(c);
                    position += 2;
                } else {
                    position++;
                    // Lenient, like Spark: text between a closing quote and the delimiter belongs to the value.
                    while (position < text.length() && text.charAt(position) != format.delimiter()
                            && text.charAt(position) != '\n' && text.charAt(position) != '\r') {
                        value.append(text.charAt(position++));
                    }
                    return value.toString();
                }
            } else {
                if (c == '\n' || (c == '\r' && (position + 1 >= text.length() || text.charAt(position + 1) != '\n'))) {
                    line++;
                }
                value.append(c);
                position++;
            }
        }
    }

    private void endOfLine() {
        if (text.charAt(position) == '\r') {
            position++;
        }
        if (position < text.length() && text.charAt(position) == '\n') {
            position++;
        }
        line++;
    }
}
