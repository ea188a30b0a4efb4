package gluelab.kernel.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.kernel.notebook.Cell;
import gluelab.kernel.notebook.CheckSpec;
import gluelab.kernel.notebook.MultilineText;
import gluelab.kernel.notebook.Notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A learner's feedback as one HTML page, like nbgrader's: for each notebook the score, each check with ✔ or ✘ and
 * why, what stopped the run (a compiler's message in full), then the notebook as it ran, with each check cell's
 * score beside it. Everything the learner's code printed is escaped, and rich output is shown only as text or as
 * an image, so the page runs no script whoever opens it.
 */
public final class FeedbackPage {

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
            table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
            th, td { text-align: left; padding: 0.25rem 0.6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
            .passed { color: #1a7f37; } .failed { color: #c62828; }
            .flags li { color: #c62828; }
            pre { background: #f6f8fa; padding: 0.5rem; overflow-x: auto; white-space: pre-wrap; }
            pre.stderr, pre.error { background: #fdecea; }
            .cell { border-left: 3px solid #ddd; margin: 0.75rem 0; padding-left: 0.75rem; }
            .cell.check { border-left-color: #555; }
            .score { font-weight: bold; }
            """;

    private FeedbackPage() {
    }

    public static void write(Path file, LearnerGrade learner) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, html(learner), StandardCharsets.UTF_8);
    }

    public static String html(LearnerGrade learner) throws IOException {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Feedback for ")
                .append(escape(learner.learnerId())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        page.append("<h1>Feedback for ").append(escape(learner.learnerId())).append("</h1>\n");
        page.append("<p class=\"score\">Score: ").append(points(learner.points())).append(" / ").append(points(learner.maxPoints()))
                .append(" points</p>\n");
        for (GradedNotebook notebook : learner.notebooks()) {
            notebook(page, notebook);
        }
        return page.append("</body>\n</html>\n").toString();
    }

    private static void notebook(StringBuilder page, GradedNotebook notebook) throws IOException {
        page.append("<section>\n<h2>").append(escape(notebook.notebook().name())).append(": ").append(points(notebook.points()))
                .append(" / ").append(points(notebook.maxPoints())).append("</h2>\n");
        if (!notebook.flags().isEmpty()) {
            page.append("<ul class=\"flags\">\n");
            notebook.flags().forEach(flag -> page.append("<li>").append(escape(flag)).append("</li>\n"));
            page.append("</ul>\n");
        }
        page.append("<table>\n<tr><th>check</th><th>points</th><th></th><th>why</th></tr>\n");
        for (GradedCheck check : notebook.checks()) {
            page.append("<tr class=\"").append(check.passed() ? "passed" : "failed").append("\"><td>").append(escape(check.check().gradeId()))
                    .append("</td><td>").append(points(check.points())).append(" / ").append(check.check().pointsText())
                    .append("</td><td>").append(check.passed() ? "✔" : "✘").append("</td><td>").append(escape(check.reason()))
                    .append("</td></tr>\n");
        }
        page.append("</table>\n");
        notebook.stoppedCell().ifPresent(stopped -> page.append("<p>The run stopped at cell ").append(stopped.cellNumber())
                .append(" (<code>").append(escape(stopped.firstLine())).append("</code>)")
                .append(stopped.doesNotCompile() ? ", which does not compile:" : stopped.timedOut() ? ", which timed out:" : ":")
                .append("</p>\n<pre class=\"error\">").append(escape(stopped.ename() + ": " + stopped.evalue())).append("</pre>\n"));
        if (notebook.executed().isPresent() && Files.isRegularFile(notebook.executed().get())) {
            page.append("<details>\n<summary>The notebook as it ran</summary>\n");
            cells(page, Notebook.read(notebook.executed().get()), notebook.checks());
            page.append("</details>\n");
        }
        page.append("</section>\n");
    }

    private static void cells(StringBuilder page, Notebook executed, List<GradedCheck> checks) {
        Map<String, GradedCheck> byId = new HashMap<>();
        checks.forEach(check -> byId.put(check.check().gradeId(), check));
        List<Cell> cells = executed.cells();
        for (int index = 0; index < cells.size(); index++) {
            Cell cell = cells.get(index);
            GradedCheck check = cell.check().map(spec -> byId.get(spec.gradeId())).orElse(null);
            page.append("<div class=\"cell").append(check != null ? " check" : "").append("\">\n");
            if (check != null) {
                page.append("<p class=\"score ").append(check.passed() ? "passed" : "failed").append("\">")
                        .append(check.passed() ? "✔ " : "✘ ").append(escape(check.check().gradeId())).append(": ")
                        .append(points(check.points())).append(" / ").append(check.check().pointsText()).append(" — ")
                        .append(escape(check.reason())).append("</p>\n");
            }
            page.append("<pre class=\"").append(cell.isCode() ? "source" : "markdown").append("\">")
                    .append(escape(cell.source())).append("</pre>\n");
            if (cell.isCode()) {
                cell.outputs().forEach(output -> output(page, output));
            }
            page.append("</div>\n");
        }
    }

    private static void output(StringBuilder page, JsonNode output) {
        switch (output.path("output_type").asText()) {
            case "stream" -> page.append("<pre class=\"").append(output.path("name").asText().equals("stderr") ? "stderr" : "stdout")
                    .append("\">").append(escape(MultilineText.read(output.path("text")))).append("</pre>\n");
            case "error" -> {
                StringBuilder text = new StringBuilder();
                output.path("traceback").forEach(line -> text.append(line.asText()).append('\n'));
                page.append("<pre class=\"error\">").append(escape(text.toString().strip())).append("</pre>\n");
            }
            default -> {
                JsonNode data = output.path("data");
                if (data.has("image/svg+xml")) {
                    String svg = MultilineText.read(data.get("image/svg+xml"));
                    page.append("<img alt=\"a picture the cell drew\" src=\"data:image/svg+xml;base64,")
                            .append(Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8))).append("\">\n");
                } else if (data.has("image/png")) {
                    page.append("<img alt=\"a picture the cell drew\" src=\"data:image/png;base64,")
                            .append(MultilineText.read(data.get("image/png")).replaceAll("\\s", "")).append("\">\n");
                } else if (data.has("text/plain")) {
                    page.append("<pre class=\"stdout\">").append(escape(MultilineText.read(data.get("text/plain")))).append("</pre>\n");
                }
            }
        }
    }

    private static String points(double points) {
        return CheckSpec.pointsText(points);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
