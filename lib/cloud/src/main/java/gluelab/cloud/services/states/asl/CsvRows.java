package gluelab.cloud.services.states.asl;

import java.util.ArrayList;
import java.util.List;

/** CSV as RFC 4180 writes it: fields in double quotes may hold the delimiter, line breaks and doubled quotes. */
final class CsvRows {

    private CsvRows() {
    }

    /** The rows of {@code text}, each a list of its fields; blank lines are skipped. */
    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean touched = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                touched = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                touched = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (touched || field.length() > 0) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                touched = false;
            } else {
                field.append(c);
            }
        }
        if (touched || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
