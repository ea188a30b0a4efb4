package gluelab.kernel.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.kernel.notebook.CheckSpec;
import gluelab.kernel.run.CheckResult;
import gluelab.kernel.run.FailedCell;
import gluelab.kernel.run.NotebookRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The grades of a set of notebooks: as a table for people, and as {@code grades.json} for tools. */
public record GradeReport(List<NotebookGrade> notebooks) {

    public GradeReport {
        notebooks = List.copyOf(notebooks);
    }

    public long passed() {
        return notebooks.stream().mapToLong(NotebookGrade::passed).sum();
    }

    public long failed() {
        return notebooks.stream().mapToLong(NotebookGrade::failed).sum();
    }

    public double score() {
        return notebooks.stream().mapToDouble(NotebookGrade::score).sum();
    }

    public double maxScore() {
        return notebooks.stream().mapToDouble(NotebookGrade::maxScore).sum();
    }

    public boolean allPassed() {
        return !notebooks.isEmpty() && notebooks.stream().allMatch(NotebookGrade::succeeded);
    }

    /** One row per check (and per failed cell or unrunnable notebook), the score, then {@code N passed, M failed}. */
    public List<String> tableLines() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"notebook", "check", "points", "", "reason"});
        for (NotebookGrade notebook : notebooks) {
            notebook.problem().ifPresent(problem -> rows.add(new String[] {notebook.name(), "-", "-", "✘", problem}));
            List<Row> ordered = new ArrayList<>();
            notebook.checks().forEach(check -> ordered.add(Row.of(check)));
            notebook.run().flatMap(run -> run.failedCell()).ifPresent(failed -> ordered.add(Row.of(failed)));
            ordered.sort((a, b) -> Integer.compare(a.cellNumber, b.cellNumber));
            ordered.forEach(row -> rows.add(new String[] {notebook.name(), row.check, row.points, row.mark, row.reason}));
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                line.append(String.format("%-" + widths[column] + "s  ", row[column]));
            }
            lines.add(line.append(row[4]).toString().stripTrailing());
        }
        lines.add("score: " + pointsText(score()) + "/" + pointsText(maxScore()) + " points in " + notebooks.size() + " notebook"
                + (notebooks.size() == 1 ? "" : "s"));
        lines.add(passed() + " passed, " + failed() + " failed");
        return lines;
    }

    public void writeJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ArrayNode notebookNodes = root.putArray("notebooks");
        for (NotebookGrade notebook : notebooks) {
            ObjectNode node = notebookNodes.addObject();
            node.put("notebook", notebook.name());
            node.put("score", notebook.score());
            node.put("max_score", notebook.maxScore());
            node.put("passed", notebook.passed());
            node.put("failed", notebook.failed());
            node.put("succeeded", notebook.succeeded());
            notebook.problem().ifPresentOrElse(problem -> node.put("problem", problem), () -> node.putNull("problem"));
            notebook.run().flatMap(NotebookRun::timedOut)
                    .ifPresentOrElse(limit -> node.put("timed_out", limit), () -> node.putNull("timed_out"));
            FailedCell failed = notebook.run().flatMap(run -> run.failedCell()).orElse(null);
            if (failed == null) {
                node.putNull("failed_cell");
            } else {
                ObjectNode cell = node.putObject("failed_cell");
                cell.put("cell", failed.cellNumber());
                cell.put("source", failed.firstLine());
                cell.put("ename", failed.error().ename());
                cell.put("evalue", failed.error().evalue());
                cell.put("timed_out", failed.timedOut());
            }
            ArrayNode checks = node.putArray("checks");
            for (CheckResult check : notebook.checks()) {
                ObjectNode checkNode = checks.addObject();
                checkNode.put("grade_id", check.check().gradeId());
                checkNode.put("points", check.earnedPoints());
                checkNode.put("max_points", check.check().points());
                checkNode.put("passed", check.passed());
                checkNode.put("reason", check.message());
            }
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("notebooks", notebooks.size());
        totals.put("score", score());
        totals.put("max_score", maxScore());
        totals.put("passed", passed());
        totals.put("failed", failed());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json.writeValueAsString(root) + "\n");
    }

    private static String pointsText(double points) {
        return CheckSpec.pointsText(points);
    }

    private record Row(int cellNumber, String check, String points, String mark, String reason) {

        static Row of(CheckResult result) {
            return new Row(result.cellNumber(), result.check().gradeId(),
                    pointsText(result.earnedPoints()) + "/" + result.check().pointsText(), result.passed() ? "✔" : "✘", result.message());
        }

        static Row of(FailedCell failed) {
            return new Row(failed.cellNumber(), "cell " + failed.cellNumber(), "-", "✘",
                    "failed (" + failed.firstLine() + "): " + failed.error().ename() + ": " + failed.error().reason());
        }
    }
}
