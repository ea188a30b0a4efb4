package gluelab.lab.svg;

import gluelab.lab.display.Html;
import java.util.Locale;

/**
 * A small SVG writer: well-formed XML with the SVG namespace, inline attributes only, system fonts, and no
 * scripts, so the picture renders in JupyterLab, the classic Notebook and on GitHub alike.
 */
public final class Svg {

    public static final String FONT = "Helvetica, Arial, sans-serif";

    private final StringBuilder body = new StringBuilder();
    private final StringBuilder defs = new StringBuilder();
    private final double width;
    private final double height;

    public Svg(double width, double height) {
        this.width = width;
        this.height = height;
    }

    public Svg defs(String markup) {
        defs.append(markup);
        return this;
    }

    public Svg raw(String markup) {
        body.append(markup);
        return this;
    }

    public Svg rect(double x, double y, double w, double h, double radius, String fill, String stroke, String title) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append('"');
        if (radius > 0) {
            body.append(" rx=\"").append(n(radius)).append('"');
        }
        body.append(" fill=\"").append(fill).append('"');
        if (stroke != null) {
            body.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1\"");
        }
        return closeWithTitle("rect", title);
    }

    public Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(strokeWidth)).append('"');
        if (dash != null) {
            body.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        body.append("/>");
        return this;
    }

    /** Text at (x, y); {@code anchor} is start, middle or end. */
    public Svg text(double x, double y, String text, double size, String color, String weight, String anchor) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-family=\"").append(FONT)
                .append("\" font-size=\"").append(n(size)).append("\" fill=\"").append(color).append('"');
        if (weight != null) {
            body.append(" font-weight=\"").append(weight).append('"');
        }
        if (anchor != null && !anchor.equals("start")) {
            body.append(" text-anchor=\"").append(anchor).append('"');
        }
        body.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    public Svg path(String d, String stroke, double strokeWidth, String fill, String extra) {
        body.append("<path d=\"").append(d).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(strokeWidth)).append("\" fill=\"").append(fill == null ? "none" : fill).append('"');
        if (extra != null) {
            body.append(' ').append(extra);
        }
        body.append("/>");
        return this;
    }

    /**
     * A cubic Bézier from (x1, y1) to (x2, y2) through the control points, with an arrowhead that follows the
     * curve's direction where it ends; {@code dash} is a stroke-dasharray, or null for a solid line.
     */
    public Svg curvedArrow(double x1, double y1, double c1x, double c1y, double c2x, double c2y, double x2, double y2,
            String color, double strokeWidth, String dash) {
        path("M" + n(x1) + "," + n(y1) + " C" + n(c1x) + "," + n(c1y) + " " + n(c2x) + "," + n(c2y) + " " + n(x2)
                + "," + n(y2), color, strokeWidth, null, dash == null ? null : "stroke-dasharray=\"" + dash + "\"");
        double dx = x2 - c2x;
        double dy = y2 - c2y;
        double length = Math.hypot(dx, dy);
        if (length < 1e-6) {
            dx = x2 - x1;
            dy = y2 - y1;
            length = Math.max(Math.hypot(dx, dy), 1e-6);
        }
        dx /= length;
        dy /= length;
        double size = 8;
        double baseX = x2 - dx * size;
        double baseY = y2 - dy * size;
        return polygon(n(x2) + "," + n(y2) + " " + n(baseX - dy * size / 2) + "," + n(baseY + dx * size / 2) + " "
                + n(baseX + dy * size / 2) + "," + n(baseY - dx * size / 2), color, null);
    }

    /** A small boxed label centred on (x, y), e.g. on an arrow. */
    public Svg tag(double x, double y, String label) {
        double w = 8 + 6.2 * label.length();
        rect(x - w / 2, y - 9, w, 16, 3, "#ffffff", "#d0d7de", null);
        return text(x, y + 3.5, label, 10.5, "#424a53", null, "middle");
    }

    public Svg polygon(String points, String fill, String title) {
        body.append("<polygon points=\"").append(points).append("\" fill=\"").append(fill).append('"');
        return closeWithTitle("polygon", title);
    }

    public Svg circle(double cx, double cy, double r, String fill, String title) {
        body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append('"');
        return closeWithTitle("circle", title);
    }

    private Svg closeWithTitle(String element, String title) {
        if (title == null) {
            body.append("/>");
        } else {
            body.append("><title>").append(Html.escape(title)).append("</title></").append(element).append('>');
        }
        return this;
    }

    /** The finished document; {@code label} is its accessible name. */
    public String render(String label) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(width) + "\" height=\"" + n(height)
                + "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" role=\"img\" aria-label=\"" + Html.escape(label)
                + "\">" + (defs.isEmpty() ? "" : "<defs>" + defs + "</defs>")
                + "<rect x=\"0\" y=\"0\" width=\"" + n(width) + "\" height=\"" + n(height) + "\" fill=\"#ffffff\"/>"
                + body + "</svg>";
    }

    /** A number as SVG wants it: at most one decimal, no exponent, no locale. */
    public static String n(double value) {
        long rounded = Math.round(value * 10);
        return rounded % 10 == 0 ? Long.toString(rounded / 10) : String.format(Locale.ROOT, "%.1f", rounded / 10.0);
    }

    /** Up to {@code maxLines} lines of at most about {@code maxChars} characters, the last cut with an ellipsis. */
    public static java.util.List<String> wrap(String text, int maxChars, int maxLines) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (current.length() > 0 && current.length() + 1 + word.length() > maxChars) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(word);
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        java.util.List<String> cut = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size() && i < maxLines; i++) {
            String line = lines.get(i);
            boolean last = i == maxLines - 1 && lines.size() > maxLines;
            if (line.length() > maxChars || last) {
                line = line.substring(0, Math.min(line.length(), maxChars - 1)) + "…";
            }
            cut.add(line);
        }
        return cut;
    }
}
