package gluelab.kernel.run;

import gluelab.kernel.notebook.Notebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The outcome of running one notebook headless: the executed notebook, its checks and the cell that stopped it. */
public record NotebookRun(Path source, Notebook executed, List<CheckResult> checks, Optional<FailedCell> failedCell) {

    public NotebookRun {
        checks = List.copyOf(checks);
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
        report.add(passedCount() + " passed, " + failedCount() + " failed");
        return report;
    }
}
