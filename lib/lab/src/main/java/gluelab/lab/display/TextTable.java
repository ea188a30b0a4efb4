package gluelab.lab.display;

import java.util.List;

/** A plain-text table with aligned columns: the {@code text/plain} form of tables, for terminals and graders. */
public final class TextTable {

    private static final int MAX_CELL = 40;

    private TextTable() {
    }

    public static String render(List<String> headers, List<List<String>> rows, boolean[] rightAligned) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = cell(headers.get(i)).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cell(row.get(i)).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, headers, widths, null);
        for (int i = 0; i < widths.length; i++) {
            text.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        text.append('\n');
        for (List<String> row : rows) {
            line(text, row, widths, rightAligned);
        }
        return text.toString().stripTrailing();
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths, boolean[] rightAligned) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String value = i < cells.size() ? cell(cells.get(i)) : "";
            String pad = " ".repeat(widths[i] - value.length());
            boolean right = rightAligned != null && i < rightAligned.length && rightAligned[i];
            line.append(i == 0 ? "" : " | ").append(right ? pad + value : value + pad);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static String cell(String value) {
        String flat = value == null ? "" : value.replace("\r", "").replace('\n', '⏎');
        return flat.length() > MAX_CELL ? flat.substring(0, MAX_CELL - 1) + "…" : flat;
    }
}
