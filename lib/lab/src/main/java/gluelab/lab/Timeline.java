package gluelab.lab;

import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import gluelab.lab.svg.ServiceStyle;
import gluelab.lab.svg.Svg;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * A picture of what happened, on the lab clock: one lane per service and resource (a bucket, a job, a log
 * group), API calls as dots, service events as diamonds, and Glue job runs as bars from start to end,
 * coloured by how they ended. Hover a mark for its details.
 * <pre>
 * lab.timeline()                                   // this lab's events and the runs of its jobs
 * Timeline.of(lab.events(), lab.jobRuns(job))      // the same, by hand
 * </pre>
 */
public final class Timeline implements Renderable {

    private static final double WIDTH = 920;
    private static final double LABEL_WIDTH = 200;
    private static final double PLOT_RIGHT = WIDTH - 24;
    private static final double LANE_HEIGHT = 26;
    private static final double TOP = 10;
    private static final int MAX_LANES = 24;
    private static final long[] TICK_STEPS_MILLIS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000,
            15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000,
            21_600_000, 43_200_000, 86_400_000, 172_800_000, 604_800_000};
    private static final DateTimeFormatter MARK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final List<TimelineEvent> events;
    private final List<JobRun> runs;

    private Timeline(List<TimelineEvent> events, List<JobRun> runs) {
        this.events = List.copyOf(events);
        this.runs = runs.stream().filter(run -> run.startedOn() != null).toList();
    }

    public static Timeline of(List<TimelineEvent> events) {
        return new Timeline(events, List.of());
    }

    public static Timeline of(List<TimelineEvent> events, List<JobRun> runs) {
        return new Timeline(events, runs);
    }

    public List<TimelineEvent> events() {
        return events;
    }

    public List<JobRun> runs() {
        return runs;
    }

    /** A lane: a service and the resource its marks are about. */
    private record Lane(ServiceStyle style, String service, String resource) {
        String label() {
            return resource == null ? service : resource;
        }
    }

    /** The picture as an SVG document. */
    public String svg() {
        Map<String, Lane> lanes = lanes();
        Instant[] range = range();
        Instant start = range[0];
        Instant end = range[1];
        double span = Math.max(1, Duration.between(start, end).toMillis());
        int laneCount = Math.max(1, lanes.size());
        double plotBottom = TOP + laneCount * LANE_HEIGHT;
        double height = plotBottom + 56;
        Svg svg = new Svg(WIDTH, height);
        List<String> keys = new ArrayList<>(lanes.keySet());
        for (int i = 0; i < keys.size(); i++) {
            Lane lane = lanes.get(keys.get(i));
            double y = TOP + i * LANE_HEIGHT;
            if (i % 2 == 0) {
                svg.rect(0, y, WIDTH, LANE_HEIGHT, 0, "#f6f8fa", null, null);
            }
            double badgeWidth = 8 + 6 * lane.style().badge().length();
            svg.rect(8, y + 5, badgeWidth, 16, 3, lane.style().color(), null, lane.style().displayName());
            svg.text(8 + badgeWidth / 2, y + 17, lane.style().badge(), 10, "#ffffff", "bold", "middle");
            svg.text(14 + badgeWidth, y + 17, shorten(lane.label(), 26), 11.5, "#1f2328", null, null);
        }
        if (lanes.isEmpty()) {
            svg.text(LABEL_WIDTH, TOP + 17, "Nothing happened yet.", 12, "#57606a", null, null);
        }
        long step = tickStep((long) span);
        drawAxis(svg, start, span, step, plotBottom);
        for (JobRun run : runs) {
            int lane = keys.indexOf(runLaneKey(run));
            if (lane < 0) {
                continue;
            }
            double y = TOP + lane * LANE_HEIGHT;
            Instant runEnd = run.completedOn() != null ? run.completedOn() : end;
            double x1 = x(run.startedOn(), start, span);
            double x2 = Math.max(x1 + 3, x(runEnd, start, span));
            String state = run.jobRunStateAsString();
            svg.rect(x1, y + 7, x2 - x1, LANE_HEIGHT - 14, 3, runColor(state), null,
                    JobRunTable.shortId(run.id()) + " " + state + " " + MARK_TIME.format(run.startedOn()) + " → "
                            + (run.completedOn() == null ? "…" : MARK_TIME.format(run.completedOn()) + " ("
                            + Durations.describe(Duration.between(run.startedOn(), run.completedOn())) + ")")
                            + (run.errorMessage() == null ? "" : ": " + run.errorMessage()));
        }
        for (TimelineEvent event : events) {
            int lane = keys.indexOf(laneKey(event));
            if (lane < 0) {
                continue;
            }
            double cx = x(event.time(), start, span);
            double cy = TOP + lane * LANE_HEIGHT + LANE_HEIGHT / 2;
            String title = MARK_TIME.format(event.time()) + " " + event.service() + " " + event.name()
                    + (event.resource() == null ? "" : " " + event.resource())
                    + (event.status() == null ? "" : " → " + event.status());
            if (event.isEvent()) {
                svg.polygon(Svg.n(cx) + "," + Svg.n(cy - 6) + " " + Svg.n(cx + 6) + "," + Svg.n(cy) + " " + Svg.n(cx) + ","
                        + Svg.n(cy + 6) + " " + Svg.n(cx - 6) + "," + Svg.n(cy), "#24292f", title);
            } else {
                svg.circle(cx, cy, 3.8, callColor(event, ServiceStyle.ofServiceId(event.service())), title);
            }
        }
        drawLegend(svg, height - 14);
        return svg.render("Timeline of " + events.size() + " events and " + runs.size() + " job runs");
    }

    private Map<String, Lane> lanes() {
        // Lanes in order of first appearance.
        Map<String, Lane> lanes = new LinkedHashMap<>();
        List<Object[]> marks = new ArrayList<>();
        for (TimelineEvent event : events) {
            marks.add(new Object[] {event.time(), laneKey(event), new Lane(ServiceStyle.ofServiceId(event.service()),
                    event.service(), laneResource(event.service(), event.resource()))});
        }
        for (JobRun run : runs) {
            marks.add(new Object[] {run.startedOn(), runLaneKey(run), new Lane(ServiceStyle.GLUE_JOB, "glue", run.jobName())});
        }
        marks.sort((a, b) -> ((Instant) a[0]).compareTo((Instant) b[0]));
        for (Object[] mark : marks) {
            String key = (String) mark[1];
            if (!lanes.containsKey(key) && lanes.size() < MAX_LANES) {
                lanes.put(key, (Lane) mark[2]);
            }
        }
        return lanes;
    }

    private static String laneKey(TimelineEvent event) {
        return event.service() + "|" + laneResource(event.service(), event.resource());
    }

    private static String runLaneKey(JobRun run) {
        return "glue|" + run.jobName();
    }

    /** The resource a lane is about: a bucket rather than each key, a log group rather than each stream. */
    static String laneResource(String service, String resource) {
        if (resource == null || resource.isEmpty()) {
            return null;
        }
        if ("s3".equals(service)) {
            int slash = resource.indexOf('/');
            return slash < 0 ? resource : resource.substring(0, slash);
        }
        if ("logs".equals(service)) {
            int stream = resource.lastIndexOf('/');
            return stream > 0 && resource.substring(stream + 1).startsWith("jr_") ? resource.substring(0, stream) : resource;
        }
        return resource;
    }

    private Instant[] range() {
        Instant min = null;
        Instant max = null;
        for (TimelineEvent event : events) {
            min = min == null || event.time().isBefore(min) ? event.time() : min;
            max = max == null || event.time().isAfter(max) ? event.time() : max;
        }
        for (JobRun run : runs) {
            min = min == null || run.startedOn().isBefore(min) ? run.startedOn() : min;
            Instant runEnd = run.completedOn() != null ? run.completedOn() : run.startedOn();
            max = max == null || runEnd.isAfter(max) ? runEnd : max;
        }
        if (min == null) {
            Instant now = Instant.now();
            return new Instant[] {now, now.plusSeconds(1)};
        }
        long padding = Math.max(50, Duration.between(min, max).toMillis() / 40);
        return new Instant[] {min.minusMillis(padding), max.plusMillis(padding)};
    }

    private static double x(Instant time, Instant start, double span) {
        return LABEL_WIDTH + (PLOT_RIGHT - LABEL_WIDTH) * Duration.between(start, time).toMillis() / span;
    }

    private static long tickStep(long spanMillis) {
        for (long step : TICK_STEPS_MILLIS) {
            if (spanMillis / step <= 7) {
                return step;
            }
        }
        return TICK_STEPS_MILLIS[TICK_STEPS_MILLIS.length - 1];
    }

    private static void drawAxis(Svg svg, Instant start, double span, long step, double y) {
        svg.line(LABEL_WIDTH, y, PLOT_RIGHT, y, "#8c959f", 1, null);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(step < 1000 ? "HH:mm:ss.SSS"
                : step < 60_000 ? "HH:mm:ss" : step < 86_400_000 ? "HH:mm" : "MM-dd HH:mm").withZone(ZoneOffset.UTC);
        long first = Math.floorDiv(start.toEpochMilli(), step) * step + step;
        for (long t = first; t <= start.toEpochMilli() + (long) span; t += step) {
            double x = x(Instant.ofEpochMilli(t), start, span);
            svg.line(x, TOP, x, y, "#d0d7de", 1, "2,3");
            svg.line(x, y, x, y + 4, "#8c959f", 1, null);
            svg.text(x, y + 16, format.format(Instant.ofEpochMilli(t)), 10.5, "#57606a", null, "middle");
        }
        svg.text(8, y + 16, "lab clock (UTC) " + DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC)
                .format(start), 10.5, "#57606a", null, null);
    }

    private static void drawLegend(Svg svg, double y) {
        double x = LABEL_WIDTH;
        svg.circle(x + 4, y - 4, 3.8, "#57606a", null);
        svg.text(x + 12, y, "API call (amber 4xx, red 5xx)", 10.5, "#57606a", null, null);
        x += 180;
        svg.polygon(Svg.n(x + 4) + "," + Svg.n(y - 10) + " " + Svg.n(x + 10) + "," + Svg.n(y - 4) + " " + Svg.n(x + 4) + ","
                + Svg.n(y + 2) + " " + Svg.n(x - 2) + "," + Svg.n(y - 4), "#24292f", null);
        svg.text(x + 14, y, "event", 10.5, "#57606a", null, null);
        x += 60;
        String[][] states = {{"SUCCEEDED", "succeeded"}, {"FAILED", "failed"}, {"TIMEOUT", "timed out"},
                {"STOPPED", "stopped"}, {"RUNNING", "running"}};
        svg.text(x, y, "job run:", 10.5, "#57606a", null, null);
        x += 46;
        for (String[] state : states) {
            svg.rect(x, y - 9, 16, 10, 2, runColor(state[0]), null, null);
            svg.text(x + 20, y, state[1], 10.5, "#57606a", null, null);
            x += 26 + 6 * state[1].length();
        }
    }

    static String runColor(String state) {
        if (state == null) {
            return "#0969da";
        }
        return switch (state) {
            case "SUCCEEDED" -> "#2da44e";
            case "FAILED", "ERROR" -> "#cf222e";
            case "TIMEOUT", "EXPIRED" -> "#bf8700";
            case "STOPPED", "STOPPING" -> "#8c959f";
            default -> "#0969da";
        };
    }

    private static String callColor(TimelineEvent event, ServiceStyle style) {
        Integer status = event.status();
        if (status != null && status >= 500) {
            return "#cf222e";
        }
        if (status != null && status >= 400) {
            return "#d4a72c";
        }
        return style.color();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.svg(svg(), toString());
    }

    @Override
    public String toString() {
        Map<String, Lane> lanes = lanes();
        StringBuilder text = new StringBuilder("Timeline: " + events.size() + " events, " + runs.size() + " job runs");
        for (Map.Entry<String, Lane> entry : lanes.entrySet()) {
            long count = events.stream().filter(e -> laneKey(e).equals(entry.getKey())).count();
            List<String> laneRuns = runs.stream().filter(r -> runLaneKey(r).equals(entry.getKey()))
                    .map(r -> JobRunTable.shortId(r.id()) + " " + r.jobRunStateAsString()).toList();
            text.append("\n  ").append(entry.getValue().style().badge()).append(' ').append(entry.getValue().label())
                    .append(": ").append(count).append(" mark").append(count == 1 ? "" : "s");
            if (!laneRuns.isEmpty()) {
                text.append(", runs ").append(String.join(", ", laneRuns));
            }
        }
        return text.toString();
    }
}
