package gluelab.lab.states;

import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import gluelab.lab.states.ExecutionEvents.StateRun;
import gluelab.lab.states.StateMachineDefinition.Block;
import gluelab.lab.states.StateMachineDefinition.State;
import gluelab.lab.states.StateMachineDefinition.Transition;
import gluelab.lab.states.StateMachineDefinition.TransitionKind;
import gluelab.lab.svg.LayeredGraph;
import gluelab.lab.svg.Svg;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * An execution drawn as the Step Functions console draws it: the state machine's graph from top to bottom, each
 * state coloured by what became of it (succeeded, caught error, failed, cancelled, in progress, not run), Parallel
 * branches and Map processors inside their state, catches dashed, loops drawn back up the right-hand side.
 */
public final class ExecutionGraph implements Renderable {

    private static final String START = "\u0000Start";
    private static final String END = "\u0000End";
    private static final double STATE_HEIGHT = 44;
    private static final double PILL_WIDTH = 64;
    private static final double PILL_HEIGHT = 26;
    private static final double LAYER_GAP = 34;
    private static final double SIBLING_GAP = 24;
    private static final double LOOP_ROOM = 44;
    private static final double PADDING = 14;
    private static final double HEADER = 26;
    private static final double MARGIN = 16;
    private static final double LEGEND = 34;

    private final ExecutionEvents execution;
    private final Block machine;
    private final Map<String, String> typeOfState = new HashMap<>();
    private final Map<String, StateRun> runs;

    private ExecutionGraph(ExecutionEvents execution) {
        this.execution = execution;
        this.machine = StateMachineDefinition.parse(execution.definition());
        collectTypes(machine);
        this.runs = execution.stateRuns(typeOfState);
    }

    public static ExecutionGraph of(SfnClient sfn, String executionArn) {
        return new ExecutionGraph(ExecutionEvents.read(sfn, executionArn));
    }

    static ExecutionGraph of(ExecutionEvents execution) {
        return new ExecutionGraph(execution);
    }

    /** What became of each state that ran, by name. */
    public Map<String, StateOutcome> outcomes() {
        Map<String, StateOutcome> outcomes = new LinkedHashMap<>();
        typeOfState.keySet().forEach(name -> outcomes.put(name, outcome(name)));
        return outcomes;
    }

    public StateOutcome outcome(String stateName) {
        StateRun run = runs.get(stateName);
        return run == null ? StateOutcome.NOT_RUN : run.outcome();
    }

    private void collectTypes(Block block) {
        for (State state : block.states()) {
            typeOfState.put(state.name(), state.type());
            state.blocks().forEach(this::collectTypes);
        }
    }

    // ---- layout: each block is laid out on its own, then placed inside its Parallel or Map state ----

    private final class BlockLayout {
        final Map<String, double[]> position = new LinkedHashMap<>();
        final Map<String, double[]> size = new HashMap<>();
        final Map<String, List<BlockLayout>> inner = new HashMap<>();
        final List<LayeredGraph.Link<String>> links = new ArrayList<>();
        final Map<LayeredGraph.Link<String>, TransitionKind> kinds = new HashMap<>();
        /** The waypoints of a link that spans several layers, one per layer it crosses. */
        final Map<LayeredGraph.Link<String>, List<String>> waypoints = new HashMap<>();
        final LayeredGraph<String> graph;
        final double width;
        final double height;

        BlockLayout(Block block, boolean top) {
            List<String> nodes = new ArrayList<>();
            if (top) {
                nodes.add(START);
                size.put(START, new double[] {PILL_WIDTH, PILL_HEIGHT});
                link(START, block.startAt(), TransitionKind.NEXT);
            }
            for (State state : block.states()) {
                nodes.add(state.name());
                if (state.blocks().isEmpty()) {
                    size.put(state.name(), new double[] {stateWidth(state.name()), STATE_HEIGHT});
                } else {
                    List<BlockLayout> children = state.blocks().stream().map(b -> new BlockLayout(b, false)).toList();
                    inner.put(state.name(), children);
                    double w = children.stream().mapToDouble(c -> c.width).sum()
                            + SIBLING_GAP * (children.size() - 1) + 2 * PADDING;
                    double h = HEADER + children.stream().mapToDouble(c -> c.height).max().orElse(0) + PADDING;
                    size.put(state.name(), new double[] {Math.max(w, stateWidth(state.name()) + 40), h});
                }
                for (Transition transition : state.transitions()) {
                    link(state.name(), transition.target(), transition.kind());
                }
                if (state.end() && top) {
                    link(state.name(), END, TransitionKind.NEXT);
                }
            }
            if (top) {
                nodes.add(END);
                size.put(END, new double[] {PILL_WIDTH, PILL_HEIGHT});
            }
            // A transition to a state the definition lacks is drawn to nothing rather than failing the picture.
            links.removeIf(l -> !size.containsKey(l.to()));
            graph = routeAroundStates(nodes);
            boolean loops = links.stream().anyMatch(graph::isBackLink);
            double y = 0;
            double widest = 0;
            List<double[]> rows = new ArrayList<>();
            for (List<String> layer : graph.byLayer()) {
                double rowWidth = layer.stream().mapToDouble(n -> size.get(n)[0]).sum() + SIBLING_GAP * (layer.size() - 1);
                double rowHeight = layer.stream().mapToDouble(n -> size.get(n)[1]).max().orElse(0);
                rows.add(new double[] {rowWidth, rowHeight});
                widest = Math.max(widest, rowWidth);
            }
            width = widest + (loops ? LOOP_ROOM : 0);
            List<List<String>> layers = graph.byLayer();
            for (int l = 0; l < layers.size(); l++) {
                double x = (widest - rows.get(l)[0]) / 2;
                for (String node : layers.get(l)) {
                    double[] s = size.get(node);
                    position.put(node, new double[] {x, y + (rows.get(l)[1] - s[1]) / 2});
                    x += s[0] + SIBLING_GAP;
                }
                y += rows.get(l)[1] + LAYER_GAP;
            }
            height = Math.max(0, y - LAYER_GAP);
        }

        /**
         * The layering with a thin waypoint in each layer a long link crosses: the waypoints take a place in their
         * layer, so the link passes beside the states of that layer instead of through them.
         */
        private LayeredGraph<String> routeAroundStates(List<String> nodes) {
            LayeredGraph<String> plain = new LayeredGraph<>(nodes, links);
            List<String> withWaypoints = new ArrayList<>(nodes);
            List<LayeredGraph.Link<String>> hops = new ArrayList<>();
            for (LayeredGraph.Link<String> link : links) {
                int span = plain.isBackLink(link) ? 1 : plain.layerOf(link.to()) - plain.layerOf(link.from());
                if (span <= 1) {
                    hops.add(link);
                    continue;
                }
                List<String> points = new ArrayList<>();
                String previous = link.from();
                for (int i = 1; i < span; i++) {
                    String point = "\u0001" + link.from() + "\u0002" + link.to() + "\u0002" + i;
                    points.add(point);
                    withWaypoints.add(point);
                    size.put(point, new double[] {12, 0});
                    hops.add(new LayeredGraph.Link<>(previous, point));
                    previous = point;
                }
                hops.add(new LayeredGraph.Link<>(previous, link.to()));
                waypoints.put(link, points);
            }
            return new LayeredGraph<>(withWaypoints, hops);
        }

        private boolean isWaypoint(String node) {
            return node.startsWith("\u0001");
        }

        private void link(String from, String to, TransitionKind kind) {
            LayeredGraph.Link<String> link = new LayeredGraph.Link<>(from, to);
            if (!kinds.containsKey(link)) {
                links.add(link);
                kinds.put(link, kind);
            }
        }

        void draw(Svg svg, double dx, double dy) {
            for (LayeredGraph.Link<String> link : links) {
                drawLink(svg, link, dx, dy);
            }
            for (Map.Entry<String, double[]> entry : position.entrySet()) {
                String node = entry.getKey();
                double x = dx + entry.getValue()[0];
                double y = dy + entry.getValue()[1];
                double[] s = size.get(node);
                if (isWaypoint(node)) {
                    continue;
                }
                if (node.equals(START) || node.equals(END)) {
                    boolean reached = node.equals(START) || execution.execution().statusAsString().equals("SUCCEEDED");
                    svg.rect(x, y, s[0], s[1], s[1] / 2, reached ? "#f6f8fa" : "#ffffff", "#8c959f", null);
                    svg.text(x + s[0] / 2, y + 17, node.substring(1), 11.5, "#424a53", "bold", "middle");
                } else if (inner.containsKey(node)) {
                    drawContainer(svg, node, x, y, s);
                } else {
                    drawState(svg, node, x, y, s);
                }
            }
        }

        private void drawContainer(Svg svg, String node, double x, double y, double[] s) {
            StateOutcome outcome = outcome(node);
            svg.raw("<rect x=\"" + Svg.n(x) + "\" y=\"" + Svg.n(y) + "\" width=\"" + Svg.n(s[0]) + "\" height=\""
                    + Svg.n(s[1]) + "\" rx=\"8\" fill=\"" + outcome.fill() + "\" fill-opacity=\"0.45\" stroke=\""
                    + outcome.stroke() + "\" stroke-width=\"1.4\" stroke-dasharray=\"6 4\"><title>"
                    + gluelab.lab.display.Html.escape(tooltip(node)) + "</title></rect>");
            svg.text(x + 10, y + 17, node, 12, "#1f2328", "bold", null);
            svg.text(x + s[0] - 10, y + 17, typeOfState.get(node) + annotation(node), 10.5, outcome.stroke(), null, "end");
            List<BlockLayout> children = inner.get(node);
            double used = children.stream().mapToDouble(c -> c.width).sum() + SIBLING_GAP * (children.size() - 1);
            double cx = x + (s[0] - used) / 2;
            for (BlockLayout child : children) {
                child.draw(svg, cx, y + HEADER);
                cx += child.width + SIBLING_GAP;
            }
        }

        private void drawState(Svg svg, String node, double x, double y, double[] s) {
            StateOutcome outcome = outcome(node);
            svg.rect(x, y, s[0], s[1], 6, outcome.fill(), outcome.stroke(), tooltip(node));
            svg.text(x + s[0] / 2, y + 19, node, 12, "#1f2328", "bold", "middle");
            svg.text(x + s[0] / 2, y + 34, typeOfState.get(node) + annotation(node), 10.5, outcome.stroke(), null,
                    "middle");
        }

        private void drawLink(Svg svg, LayeredGraph.Link<String> link, double dx, double dy) {
            double[] from = position.get(link.from());
            double[] to = position.get(link.to());
            double[] fs = size.get(link.from());
            double[] ts = size.get(link.to());
            TransitionKind kind = kinds.get(link);
            String color = kind == TransitionKind.CATCH ? "#c45500" : "#57606a";
            String dash = kind == TransitionKind.CATCH ? "5 4" : null;
            if (!waypoints.containsKey(link) && graph.isBackLink(link)) {
                double x1 = dx + from[0] + fs[0];
                double y1 = dy + from[1] + fs[1] / 2;
                double x2 = dx + to[0] + ts[0];
                double y2 = dy + to[1] + ts[1] / 2;
                double out = dx + width - 6;
                svg.curvedArrow(x1, y1, out, y1, out, y2, x2, y2, color, 1.4, dash);
                return;
            }
            double x1 = dx + from[0] + fs[0] / 2;
            double y1 = dy + from[1] + fs[1];
            double x2 = dx + to[0] + ts[0] / 2;
            double y2 = dy + to[1];
            double labelX = (x1 + x2) / 2;
            double labelY = (y1 + y2) / 2;
            boolean firstHop = true;
            for (String point : waypoints.getOrDefault(link, List.of())) {
                double[] at = position.get(point);
                double px = dx + at[0] + size.get(point)[0] / 2;
                double py = dy + at[1];
                double bend = Math.max(14, (py - y1) / 2);
                svg.path("M" + Svg.n(x1) + "," + Svg.n(y1) + " C" + Svg.n(x1) + "," + Svg.n(y1 + bend) + " " + Svg.n(px)
                        + "," + Svg.n(py - bend) + " " + Svg.n(px) + "," + Svg.n(py), color, 1.4, null,
                        dash == null ? null : "stroke-dasharray=\"" + dash + "\"");
                if (firstHop) {
                    // A long link's label goes on its first hop, next to the state it leaves.
                    labelX = (x1 + px) / 2;
                    labelY = (y1 + py) / 2;
                    firstHop = false;
                }
                x1 = px;
                y1 = py;
            }
            double bend = Math.max(14, (y2 - y1) / 2);
            svg.curvedArrow(x1, y1, x1, y1 + bend, x2, y2 - bend, x2, y2, color, 1.4, dash);
            if (kind == TransitionKind.CATCH || kind == TransitionKind.DEFAULT) {
                svg.tag(labelX, labelY, kind == TransitionKind.CATCH ? "Catch" : "Default");
            }
        }
    }

    private static double stateWidth(String name) {
        return Math.min(260, Math.max(130, 24 + 7.4 * name.length()));
    }

    private String annotation(String node) {
        StateRun run = runs.get(node);
        if (run == null) {
            return "";
        }
        String text = run.entries() > 1 ? " · ×" + run.entries() : "";
        if (run.failedAttempts() > 0 && run.outcome() == StateOutcome.SUCCEEDED) {
            text += " · " + run.failedAttempts() + (run.failedAttempts() == 1 ? " retry" : " retries");
        }
        return text;
    }

    private String tooltip(String node) {
        StateRun run = runs.get(node);
        return node + " (" + typeOfState.get(node) + "): " + outcome(node).label()
                + (run == null ? "" : ", entered " + run.entries() + (run.entries() == 1 ? " time" : " times"));
    }

    /** The picture as an SVG document. */
    public String svg() {
        BlockLayout layout = new BlockLayout(machine, true);
        double title = 30;
        // Wide enough for the graph, the headline (about 8 px a character in bold 13 px) and the legend.
        double width = Math.max(Math.max(2 * MARGIN + layout.width, 560), 2 * MARGIN + 8.2 * headline().length());
        double height = 2 * MARGIN + title + layout.height + LEGEND;
        Svg svg = new Svg(width, height);
        svg.text(MARGIN, MARGIN + 12, headline(), 13, "#1f2328", "bold", null);
        layout.draw(svg, (width - layout.width) / 2, MARGIN + title);
        double x = MARGIN;
        double y = height - MARGIN - 12;
        for (StateOutcome outcome : StateOutcome.values()) {
            svg.rect(x, y, 14, 14, 3, outcome.fill(), outcome.stroke(), null);
            svg.text(x + 19, y + 11, outcome.label(), 11, "#424a53", null, null);
            x += 30 + 6.4 * outcome.label().length();
        }
        return svg.render(toString());
    }

    private String headline() {
        var described = execution.execution();
        Instant start = described.startDate();
        Instant stop = described.stopDate();
        String took = start == null || stop == null ? "" : " in " + seconds(Duration.between(start, stop));
        return "Execution " + described.name() + ": " + described.statusAsString() + took;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.svg(svg(), toString());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(headline());
        for (Map.Entry<String, StateOutcome> entry : outcomes().entrySet()) {
            text.append("\n  ").append(entry.getKey()).append(" (").append(typeOfState.get(entry.getKey()))
                    .append("): ").append(entry.getValue().label()).append(annotation(entry.getKey()));
        }
        return text.toString();
    }
}
