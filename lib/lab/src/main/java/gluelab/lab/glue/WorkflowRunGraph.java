package gluelab.lab.glue;

import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import gluelab.lab.states.StateOutcome;
import gluelab.lab.svg.LayeredGraph;
import gluelab.lab.svg.Svg;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawl;
import software.amazon.awssdk.services.glue.model.Edge;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.Node;
import software.amazon.awssdk.services.glue.model.WorkflowRun;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatistics;

/**
 * A workflow run drawn as the Glue console draws it, from {@code GetWorkflowRun} with {@code IncludeGraph}:
 * triggers, jobs and crawlers from left to right along the graph's edges, each job and crawler coloured by the
 * state of its run in this workflow run, each trigger labelled with its type and condition, and the run's
 * statistics underneath.
 */
public final class WorkflowRunGraph implements Renderable {

    private static final double NODE_WIDTH = 168;
    private static final double NODE_HEIGHT = 54;
    private static final double TRIGGER_HEIGHT = 40;
    private static final double COLUMN_GAP = 48;
    private static final double ROW_GAP = 20;
    private static final double MARGIN = 16;

    private final WorkflowRun run;

    private WorkflowRunGraph(WorkflowRun run) {
        this.run = run;
    }

    public static WorkflowRunGraph of(GlueClient glue, String workflowName, String runId) {
        return new WorkflowRunGraph(glue.getWorkflowRun(r -> r.name(workflowName).runId(runId).includeGraph(true)).run());
    }

    public WorkflowRun run() {
        return run;
    }

    /** A job's or crawler's state in this run (its latest run or crawl), or the trigger's type. */
    public String stateOf(Node node) {
        return switch (node.typeAsString()) {
            case "JOB" -> jobRuns(node).stream().max(Comparator.comparing(JobRun::startedOn))
                    .map(JobRun::jobRunStateAsString).orElse("NOT_RUN");
            case "CRAWLER" -> crawls(node).stream().max(Comparator.comparing(Crawl::startedOn))
                    .map(Crawl::stateAsString).orElse("NOT_RUN");
            default -> node.triggerDetails() == null || node.triggerDetails().trigger() == null ? "TRIGGER"
                    : node.triggerDetails().trigger().typeAsString();
        };
    }

    private static List<JobRun> jobRuns(Node node) {
        return node.jobDetails() == null ? List.of() : node.jobDetails().jobRuns();
    }

    private static List<Crawl> crawls(Node node) {
        return node.crawlerDetails() == null ? List.of() : node.crawlerDetails().crawls();
    }

    private static StateOutcome outcomeOf(String state) {
        return switch (state) {
            case "SUCCEEDED" -> StateOutcome.SUCCEEDED;
            case "FAILED", "ERROR", "TIMEOUT" -> StateOutcome.FAILED;
            case "STOPPED", "STOPPING", "CANCELLED", "CANCELLING" -> StateOutcome.CANCELLED;
            case "STARTING", "RUNNING", "WAITING" -> StateOutcome.IN_PROGRESS;
            default -> StateOutcome.NOT_RUN;
        };
    }

    /** The picture as an SVG document. */
    public String svg() {
        List<Node> nodes = run.graph() == null ? List.of() : run.graph().nodes();
        Map<String, Node> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.uniqueId(), n));
        List<LayeredGraph.Link<String>> links = new ArrayList<>();
        for (Edge edge : run.graph() == null ? List.<Edge>of() : run.graph().edges()) {
            if (byId.containsKey(edge.sourceId()) && byId.containsKey(edge.destinationId())) {
                links.add(new LayeredGraph.Link<>(edge.sourceId(), edge.destinationId()));
            }
        }
        LayeredGraph<String> graph = new LayeredGraph<>(nodes.stream().map(Node::uniqueId).toList(), links);
        List<List<String>> columns = graph.byLayer();
        int tallest = columns.stream().mapToInt(List::size).max().orElse(1);
        double columnHeight = tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP;
        double title = 28;
        double footer = 30;
        double width = Math.max(Math.max(2 * MARGIN + columns.size() * NODE_WIDTH + (columns.size() - 1) * COLUMN_GAP,
                520), 2 * MARGIN + 8.2 * headline().length());
        double height = 2 * MARGIN + title + columnHeight + footer;
        Map<String, double[]> at = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            List<String> column = columns.get(c);
            double used = column.size() * NODE_HEIGHT + (column.size() - 1) * ROW_GAP;
            double y = MARGIN + title + (columnHeight - used) / 2;
            for (String id : column) {
                at.put(id, new double[] {MARGIN + c * (NODE_WIDTH + COLUMN_GAP), y});
                y += NODE_HEIGHT + ROW_GAP;
            }
        }
        Svg svg = new Svg(width, height);
        svg.text(MARGIN, MARGIN + 12, headline(), 13, "#1f2328", "bold", null);
        for (LayeredGraph.Link<String> link : links) {
            double[] from = at.get(link.from());
            double[] to = at.get(link.to());
            double x1 = from[0] + NODE_WIDTH;
            double y1 = from[1] + NODE_HEIGHT / 2;
            double x2 = to[0];
            double y2 = to[1] + NODE_HEIGHT / 2;
            double bend = Math.max(20, Math.abs(x2 - x1) / 2);
            svg.curvedArrow(x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2, "#57606a", 1.4, null);
        }
        for (Node node : nodes) {
            draw(svg, node, at.get(node.uniqueId()));
        }
        svg.text(MARGIN, height - MARGIN - 2, statistics(), 11.5, "#424a53", null, null);
        return svg.render(toString());
    }

    private void draw(Svg svg, Node node, double[] at) {
        String state = stateOf(node);
        boolean trigger = node.typeAsString().equals("TRIGGER");
        double y = trigger ? at[1] + (NODE_HEIGHT - TRIGGER_HEIGHT) / 2 : at[1];
        double h = trigger ? TRIGGER_HEIGHT : NODE_HEIGHT;
        String kind = switch (node.typeAsString()) {
            case "JOB" -> "Glue job";
            case "CRAWLER" -> "Crawler";
            default -> "Trigger";
        };
        if (trigger) {
            svg.rect(at[0], y, NODE_WIDTH, h, h / 2, "#f6f8fa", "#9a5cd0", kind + " " + node.name() + ": " + condition(node));
            svg.text(at[0] + NODE_WIDTH / 2, y + 16, node.name(), 11.5, "#1f2328", "bold", "middle");
            String condition = condition(node);
            svg.text(at[0] + NODE_WIDTH / 2, y + 30, shorten(condition.isEmpty() ? state : condition, 28), 10,
                    "#6f42c1", null, "middle");
            return;
        }
        StateOutcome outcome = outcomeOf(state);
        svg.rect(at[0], y, NODE_WIDTH, h, 6, outcome.fill(), outcome.stroke(), kind + " " + node.name() + ": " + state);
        svg.text(at[0] + 10, y + 17, kind, 10.5, "#57606a", null, null);
        svg.text(at[0] + 10, y + 33, shorten(node.name(), 24), 12, "#1f2328", "bold", null);
        svg.text(at[0] + 10, y + 47, state.equals("NOT_RUN") ? "not run" : state, 10.5, outcome.stroke(), "bold", null);
    }

    private static String condition(Node node) {
        if (node.triggerDetails() == null || node.triggerDetails().trigger() == null
                || node.triggerDetails().trigger().predicate() == null) {
            return "";
        }
        var predicate = node.triggerDetails().trigger().predicate();
        List<String> parts = predicate.conditions().stream()
                .map(c -> (c.jobName() != null ? c.jobName() + " " + c.stateAsString()
                        : c.crawlerName() + " " + c.crawlStateAsString()))
                .toList();
        return parts.isEmpty() ? "" : "on " + String.join(predicate.logicalAsString() == null ? " AND "
                : " " + predicate.logicalAsString() + " ", parts);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private String headline() {
        return "Workflow " + run.name() + ", run " + run.workflowRunId() + ": " + run.statusAsString();
    }

    private String statistics() {
        WorkflowRunStatistics s = run.statistics();
        if (s == null) {
            return "";
        }
        return "Actions: " + s.totalActions() + " in total, " + s.succeededActions() + " succeeded, "
                + s.failedActions() + " failed, " + s.runningActions() + " running, " + s.stoppedActions()
                + " stopped, " + s.timeoutActions() + " timed out";
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.svg(svg(), toString());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(headline());
        for (Node node : run.graph() == null ? List.<Node>of() : run.graph().nodes()) {
            text.append("\n  ").append(node.typeAsString()).append(' ').append(node.name()).append(": ")
                    .append(stateOf(node));
            String condition = condition(node);
            if (!condition.isEmpty()) {
                text.append(' ').append(condition);
            }
        }
        String statistics = statistics();
        if (!statistics.isEmpty()) {
            text.append("\n  ").append(statistics);
        }
        return text.toString();
    }
}
