package gluelab.lab.display;

import java.util.List;

/**
 * Small pieces of HTML for notebook output. Styles are inline (no classes, no scripts, no external CSS or
 * fonts), so the output looks the same in JupyterLab, the classic Notebook and on GitHub, which strips the rest.
 */
public final class Html {

    public static final String FONT = "font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
    public static final String MONO = "font-family: SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";
    private static final String CELL = "padding: 3px 10px; border-bottom: 1px solid #e1e4e8; text-align: left;"
            + " vertical-align: top; white-space: pre-wrap";

    private Html() {
    }

    /** {@code text} safe inside an element or a double-quoted attribute. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // XML 1.0 has no place for most control characters; SVG output must stay well-formed.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * A table: a caption line, header cells with an optional second line in grey (column types), and rows of
     * already-escaped cell HTML. {@code rightAligned[i]} aligns column i right (numbers).
     */
    public static String table(String caption, List<String> headers, List<String> subHeaders, List<List<String>> rows,
                               boolean[] rightAligned, String footer) {
        StringBuilder html = new StringBuilder();
        html.append("<div style=\"").append(FONT).append("; font-size: 13px; margin: 4px 0\">");
        if (caption != null) {
            html.append("<div style=\"color: #57606a; margin-bottom: 4px\">").append(caption).append("</div>");
        }
        html.append("<table style=\"border-collapse: collapse; font-size: 13px\"><thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            html.append("<th style=\"").append(CELL).append("; border-bottom: 2px solid #d0d7de")
                    .append(align(rightAligned, i)).append("\">").append(escape(headers.get(i)));
            if (subHeaders != null) {
                html.append("<br><span style=\"font-weight: normal; color: #8c959f; font-size: 11px\">")
                        .append(escape(subHeaders.get(i))).append("</span>");
            }
            html.append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append("<td style=\"").append(CELL).append(align(rightAligned, i)).append("\">")
                        .append(row.get(i)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (footer != null) {
            html.append("<div style=\"color: #57606a; margin-top: 4px\">").append(footer).append("</div>");
        }
        return html.append("</div>").toString();
    }

    /** A value that stands out as missing. */
    public static String nullCell() {
        return "<span style=\"color: #8c959f; font-style: italic\">null</span>";
    }

    /** A small coloured label, e.g. a run state. */
    public static String pill(String text, String background, String color) {
        return "<span style=\"background: " + background + "; color: " + color + "; border-radius: 10px; padding: 1px 8px;"
                + " font-size: 12px; font-weight: 600\">" + escape(text) + "</span>";
    }

    /** Preformatted text, e.g. a log. */
    public static String pre(String caption, String text) {
        return "<div style=\"" + FONT + "; font-size: 13px; margin: 4px 0\">"
                + (caption == null ? "" : "<div style=\"color: #57606a; margin-bottom: 4px\">" + caption + "</div>")
                + "<pre style=\"" + MONO + "; font-size: 12px; background: #f6f8fa; border: 1px solid #e1e4e8;"
                + " border-radius: 4px; padding: 8px; margin: 0; white-space: pre-wrap; overflow-x: auto\">"
                + escape(text) + "</pre></div>";
    }

    private static String align(boolean[] rightAligned, int column) {
        return rightAligned != null && column < rightAligned.length && rightAligned[column] ? "; text-align: right" : "";
    }
}
