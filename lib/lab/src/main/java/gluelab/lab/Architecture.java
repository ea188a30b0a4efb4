package gluelab.lab;

import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import gluelab.lab.svg.LayeredGraph;
import gluelab.lab.svg.ServiceStyle;
import gluelab.lab.svg.Svg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A picture of a pipeline's services and the arrows between them, drawn from a short description: one flow
 * per line, nodes separated by {@code ->}, an arrow's label in brackets ({@code -[Object Created]->}). A node
 * starts with its service ({@code S3}, {@code Glue job}, {@code Lambda}, {@code EventBridge rule}, {@code SQS},
 * {@code DynamoDB}, {@code Step Functions}, {@code CloudWatch Logs}, {@code Glue crawler}, {@code Data Catalog}
 * …), which gives it its colour and badge; the rest is its label. The same text on several lines is the same
 * node, which is how branches and fan-outs are drawn.
 * <pre>
 * Architecture.of("""
 *     S3 raw bucket -[Object Created]-> EventBridge rule -> Lambda starter -> Glue job convert
 *     Glue job convert -> S3 refined bucket
 *     Glue job convert -> CloudWatch Logs /aws-glue/jobs
 *     """)
 * </pre>
 */
public final class Architecture implements Renderable {

    private static final Pattern ARROW = Pattern.compile("\\s*(?:-(?:\\[([^\\]]*)\\]-)?>|→)\\s*");
    private static final double NODE_WIDTH = 176;
    private static final double NODE_HEIGHT = 66;
    private static final double MARGIN = 16;
    private static final int MAX_COLUMNS = 4;
    /** About the width of a notebook's output area: wider pictures are drawn top to bottom instead. */
    private static final double MAX_WIDTH = 960;

    /**
     * One box of the picture.
     *
     * @param text  the node as written, e.g. {@code S3 raw bucket}
     * @param style its service
     * @param label what follows the service words, e.g. {@code raw bucket}
     */
    public record Node(String text, ServiceStyle style, String label) {
    }

    /**
     * One arrow.
     *
     * @param from  the node it starts at
     * @param to    the node it points to
     * @param label its label, or null
     */
    public record Edge(Node from, Node to, String label) {
    }

    private final List<String> lines;
    private final List<Node> nodes;
    private final List<Edge> edges;

    private Architecture(List<String> lines, List<Node> nodes, List<Edge> edges) {
        this.lines = List.copyOf(lines);
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
    }

    /** The picture of {@code flows}: each a line (or several) of {@code node -> node -> node}. */
    public static Architecture of(String... flows) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String flow : flows) {
            for (String line : flow.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                lines.add(line.trim());
                Matcher arrows = ARROW.matcher(line);
                List<String> parts = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                int start = 0;
                while (arrows.find()) {
                    parts.add(line.substring(start, arrows.start()));
                    labels.add(arrows.group(1));
                    start = arrows.end();
                }
                parts.add(line.substring(start));
                Node previous = null;
                for (int i = 0; i < parts.size(); i++) {
                    String text = parts.get(i).trim().replaceAll("\\s+", " ");
                    if (text.isEmpty()) {
                        throw new IllegalArgumentException("An arrow without a node at one end in: " + line.trim());
                    }
                    Node node = nodes.computeIfAbsent(text, t -> {
                        ServiceStyle.Match match = ServiceStyle.match(t);
                        return new Node(t, match.style(), match.label());
                    });
                    if (previous != null) {
                        String label = labels.get(i - 1);
                        edges.add(new Edge(previous, node, label == null || label.isBlank() ? null : label.trim()));
                    }
                    previous = node;
                }
            }
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("Describe the architecture as lines like \"S3 raw -> Glue job convert -> S3 refined\"");
        }
        return new Architecture(lines, new ArrayList<>(nodes.values()), edges);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The picture as an SVG document. */
    public String svg() {
        LayeredGraph<Node> graph = new LayeredGraph<>(nodes,
                edges.stream().map(e -> new LayeredGraph.Link<>(e.from(), e.to())).toList());
        int layerCount = graph.layerCount();
        List<List<Node>> byLayer = graph.byLayer();
        int widest = byLayer.stream().mapToInt(List::size).max().orElse(1);
        // Room between columns for the longest arrow label.
        double labelRoom = edges.stream().filter(e -> e.label() != null)
                .mapToDouble(e -> 28 + 6.2 * e.label().length()).max().orElse(0);
        double gapAcrossColumns = Math.max(60, labelRoom);
        boolean across = layerCount <= MAX_COLUMNS
                && 2 * MARGIN + layerCount * NODE_WIDTH + (layerCount - 1) * gapAcrossColumns <= MAX_WIDTH;
        double gapAlong = across ? gapAcrossColumns : 56;
        double gapAcross = across ? 26 : 34;
        double alongSize = across ? NODE_WIDTH : NODE_HEIGHT;
        double acrossSize = across ? NODE_HEIGHT : NODE_WIDTH;
        double alongTotal = layerCount * alongSize + (layerCount - 1) * gapAlong;
        double acrossTotal = widest * acrossSize + (widest - 1) * gapAcross;
        double width = 2 * MARGIN + (across ? alongTotal : acrossTotal);
        double height = 2 * MARGIN + (across ? acrossTotal : alongTotal);
        Map<Node, double[]> position = new HashMap<>();
        for (int l = 0; l < layerCount; l++) {
            List<Node> column = byLayer.get(l);
            double used = column.size() * acrossSize + (column.size() - 1) * gapAcross;
            double offset = MARGIN + (acrossTotal - used) / 2;
            for (int i = 0; i < column.size(); i++) {
                double along = MARGIN + l * (alongSize + gapAlong);
                double acrossAt = offset + i * (acrossSize + gapAcross);
                position.put(column.get(i), across ? new double[] {along, acrossAt} : new double[] {acrossAt, along});
            }
        }
        Svg svg = new Svg(width, height);
        for (Edge edge : edges) {
            drawEdge(svg, position.get(edge.from()), position.get(edge.to()), edge.label(), across);
        }
        for (Node node : nodes) {
            drawNode(svg, node, position.get(node));
        }
        return svg.render("Architecture: " + String.join("; ", lines));
    }

    private static void drawNode(Svg svg, Node node, double[] at) {
        double x = at[0];
        double y = at[1];
        ServiceStyle style = node.style();
        svg.rect(x, y, NODE_WIDTH, NODE_HEIGHT, 8, "#ffffff", style.color(), node.text());
        svg.rect(x, y, 6, NODE_HEIGHT, 3, style.color(), null, null);
        double badgeWidth = 10 + 6.6 * style.badge().length();
        svg.rect(x + 14, y + 9, badgeWidth, 17, 4, style.color(), null, null);
        svg.text(x + 14 + badgeWidth / 2, y + 21.5, style.badge(), 10.5, "#ffffff", "bold", "middle");
        boolean hasLabel = !node.label().isEmpty();
        String service = style == ServiceStyle.OTHER && !hasLabel ? "" : style.displayName();
        svg.text(x + 20 + badgeWidth, y + 21.5, service, 11, style.color(), null, null);
        List<String> label = Svg.wrap(hasLabel ? node.label() : node.text(), 21, 2);
        double firstLine = label.size() == 1 ? y + 48 : y + 42;
        for (int i = 0; i < label.size(); i++) {
            svg.text(x + 14, firstLine + i * 15, label.get(i), 12.5, "#1f2328", "bold", null);
        }
    }

    private static void drawEdge(Svg svg, double[] from, double[] to, String label, boolean across) {
        double x1;
        double y1;
        double x2;
        double y2;
        double c1x;
        double c1y;
        double c2x;
        double c2y;
        if (across) {
            x1 = from[0] + NODE_WIDTH;
            y1 = from[1] + NODE_HEIGHT / 2;
            x2 = to[0];
            y2 = to[1] + NODE_HEIGHT / 2;
            double bend = Math.max(30, Math.abs(x2 - x1) / 2);
            c1x = x1 + bend;
            c1y = y1;
            c2x = x2 - bend;
            c2y = y2;
        } else {
            x1 = from[0] + NODE_WIDTH / 2;
            y1 = from[1] + NODE_HEIGHT;
            x2 = to[0] + NODE_WIDTH / 2;
            y2 = to[1];
            double bend = Math.max(24, Math.abs(y2 - y1) / 2);
            c1x = x1;
            c1y = y1 + bend;
            c2x = x2;
            c2y = y2 - bend;
        }
        svg.curvedArrow(x1, y1, c1x, c1y, c2x, c2y, x2, y2, "#57606a", 1.6, null);
        if (label != null) {
            // The curve's midpoint (t = 1/2 of the cubic Bézier).
            svg.tag((x1 + 3 * c1x + 3 * c2x + x2) / 8, (y1 + 3 * c1y + 3 * c2y + y2) / 8, label);
        }
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.svg(svg(), toString());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Architecture:");
        for (String line : lines) {
            text.append("\n  ").append(ARROW.matcher(line).replaceAll(m -> m.group(1) == null ? " → "
                    : Matcher.quoteReplacement(" -[" + m.group(1) + "]→ ")));
        }
        return text.toString();
    }
}
