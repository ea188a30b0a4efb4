package gluelab.lab;

import gluelab.lab.display.Html;
import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import gluelab.lab.display.TextTable;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * Glue job runs as a table: run id, job, final state, what started it, when, how long, and the error.
 * <pre>
 * JobRunTable.of(run)                 // one run
 * JobRunTable.of(lab.jobRuns(job))    // every run of a job, oldest first
 * </pre>
 */
public final class JobRunTable implements Renderable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final List<String> HEADERS = List.of("run", "job", "state", "trigger", "started (UTC)", "duration", "error");
    private static final boolean[] RIGHT = {false, false, false, false, false, true, false};

    private final List<JobRun> runs;

    private JobRunTable(List<JobRun> runs) {
        this.runs = List.copyOf(runs);
    }

    public static JobRunTable of(JobRun... runs) {
        return new JobRunTable(Arrays.asList(runs));
    }

    public static JobRunTable of(List<JobRun> runs) {
        return new JobRunTable(runs);
    }

    public List<JobRun> runs() {
        return runs;
    }

    /** How long a run took (or has taken so far); null before it started. */
    public static Duration duration(JobRun run) {
        if (run.startedOn() == null) {
            return null;
        }
        if (run.completedOn() != null) {
            return Duration.between(run.startedOn(), run.completedOn());
        }
        if (run.executionTime() != null && run.executionTime() > 0) {
            return Duration.ofSeconds(run.executionTime());
        }
        return null;
    }

    /** A run id short enough to read: {@code jr_3f2a9c1b…}. */
    public static String shortId(String runId) {
        return runId == null ? "?" : runId.length() > 14 ? runId.substring(0, 12) + "…" : runId;
    }

    @Override
    public MimeBundle toMimeBundle() {
        List<List<String>> html = new ArrayList<>();
        List<List<String>> text = new ArrayList<>();
        for (JobRun run : runs) {
            List<String> cells = cells(run);
            text.add(cells);
            List<String> escaped = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                escaped.add(i == 2 ? statePill(run.jobRunStateAsString()) : Html.escape(cells.get(i)));
            }
            escaped.set(0, "<span title=\"" + Html.escape(run.id()) + "\" style=\"" + Html.MONO + "\">"
                    + Html.escape(cells.get(0)) + "</span>");
            html.add(escaped);
        }
        String caption = runs.size() + " job run" + (runs.size() == 1 ? "" : "s");
        return MimeBundle.html(Html.table(caption, HEADERS, null, html, RIGHT, null),
                caption + "\n" + TextTable.render(HEADERS, text, RIGHT));
    }

    private static List<String> cells(JobRun run) {
        Duration duration = duration(run);
        String id = shortId(run.id()) + (run.attempt() != null && run.attempt() > 0 ? " (attempt " + (run.attempt() + 1) + ")" : "");
        return List.of(id, nullToDash(run.jobName()), nullToDash(run.jobRunStateAsString()),
                run.triggerName() != null ? run.triggerName() : "manual",
                run.startedOn() == null ? "—" : TIME.format(run.startedOn()),
                duration == null ? "—" : Durations.describe(duration),
                run.errorMessage() == null ? "" : run.errorMessage());
    }

    static String statePill(String state) {
        String s = state == null ? "?" : state;
        return switch (s) {
            case "SUCCEEDED" -> Html.pill(s, "#dafbe1", "#1a7f37");
            case "FAILED", "ERROR" -> Html.pill(s, "#ffebe9", "#cf222e");
            case "TIMEOUT", "EXPIRED" -> Html.pill(s, "#fff8c5", "#9a6700");
            case "STOPPED", "STOPPING" -> Html.pill(s, "#eaeef2", "#57606a");
            default -> Html.pill(s, "#ddf4ff", "#0969da");
        };
    }

    private static String nullToDash(String value) {
        return value == null ? "—" : value;
    }

    @Override
    public String toString() {
        return toMimeBundle().plainText();
    }
}
