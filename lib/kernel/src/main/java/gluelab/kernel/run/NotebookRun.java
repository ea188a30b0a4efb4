package gluelab.kernel.run;

import gluelab.kernel.notebook.Notebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of running one notebook headless: the executed notebook, its checks, the cell that stopped it, and
 * which time limit was reached, if one was ({@code cell 5 timed out: the cell ran longer than 60 s}).
 */
public record NotebookRun(Path source, Notebook executed, List<CheckResult> checks, Optional<FailedCell> failedCell,
                          Optional<String> timedOut) {

    public NotebookRun {
        checks = List.copyOf(checks);
    }

    public NotebookRun(Path source, Notebook executed, List<CheckResult> checks, Optional<FailedCell> failedCell) {
        this(source, executed, checks, failedCell, Optional.empty());
    }

    public long passedCount() {
        return checks.stream().filter(CheckResult::passed).count();
    }

    public long failedCount() {
        return checks.size() - passedCount();
    }

    /** Every check passed and no other cell failed. */
    public boolean succeeded() {
        return failedCell.isEmpty() && failedCount() == 0;
    }

    /** The report, in notebook order: one line per check, the failed cell where it happened, then the tally. */
    public List<String> reportLines() {
        record Line(int cellNumber, String text) {
        }
        List<Line> lines = new ArrayList<>();
        checks.forEach(check -> lines.add(new Line(check.cellNumber(), check.reportLine())));
        failedCell.ifPresent(failed -> lines.add(new Line(failed.cellNumber(), failed.reportLine())));
        lines.sort(Comparator.comparingInt(Line::cellNumber));
        List<String> report = new ArrayList<>(lines.stream().map(Line::text).toList());
        timedOut.filter(limit -> limit.startsWith("the notebook")).ifPresent(limit -> report.add("✘ " + limit));
        report.add(passedCount() + " passed, " + failedCount() + " failed");
        return report;
    }
}
