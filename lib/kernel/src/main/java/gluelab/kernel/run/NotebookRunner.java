package gluelab.kernel.run;

import gluelab.kernel.eval.CellError;
import gluelab.kernel.eval.JavaSession;
import gluelab.kernel.notebook.Cell;
import gluelab.kernel.notebook.CheckSpec;
import gluelab.kernel.notebook.Notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a notebook top to bottom through the kernel's own evaluator ({@link JavaSession}), as nbclient would:
 * a fresh session per notebook started in the notebook's directory, code cells in order, markdown untouched.
 *
 * <p>Check cells (nbgrader {@code grade: true}) pass when they end without an error and write nothing to
 * stderr. Any other cell that fails stops the run, like nbclient's default; the checks after it count as
 * failed, "not run".
 */
public final class NotebookRunner {

    /** Long enough for a Glue job run on a cold Spark; a cell that takes longer is stuck. */
    public static final Duration DEFAULT_CELL_TIMEOUT = Duration.ofMinutes(10);

    private final Duration cellTimeout;

    public NotebookRunner() {
        this(DEFAULT_CELL_TIMEOUT);
    }

    public NotebookRunner(Duration cellTimeout) {
        this.cellTimeout = cellTimeout;
    }

    public NotebookRun run(Path notebookPath) throws IOException {
        Notebook notebook = Notebook.read(notebookPath);
        List<CheckResult> checks = new ArrayList<>();
        FailedCell failed = null;
        int executionCount = 0;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cell-timeout");
            thread.setDaemon(true);
            return thread;
        });
        DisplayedOutputs displayed = new DisplayedOutputs();
        try (JavaSession session = JavaSession.start(notebookPath.toAbsolutePath().getParent())) {
            List<Cell> cells = notebook.cells();
            for (int index = 0; index < cells.size(); index++) {
                Cell cell = cells.get(index);
                int cellNumber = index + 1;
                if (!cell.isCode()) {
                    continue;
                }
                Optional<CheckSpec> check = cell.check();
                cell.clearOutputs();
                if (failed != null) {
                    int stoppedAt = failed.cellNumber();
                    check.ifPresent(spec -> checks.add(new CheckResult(cellNumber, spec, false, "not run: cell " + stoppedAt + " failed")));
                    continue;
                }
                if (cell.source().isBlank()) {
                    check.ifPresent(spec -> checks.add(new CheckResult(cellNumber, spec, true, "passed")));
                    continue;
                }
                executionCount++;
                OutputCollector outputs = new OutputCollector(executionCount, displayed);
                ScheduledFuture<?> timeout = timer.schedule(
                        () -> session.interrupt("the cell ran longer than " + cellTimeout.toSeconds() + " s"),
                        cellTimeout.toMillis(), TimeUnit.MILLISECONDS);
                Optional<CellError> error;
                try {
                    error = session.execute(executionCount, cell.source(), outputs);
                } finally {
                    timeout.cancel(false);
                }
                cell.setOutputs(outputs.outputs(), executionCount);
                if (check.isPresent()) {
                    checks.add(judge(cellNumber, check.get(), error, outputs));
                } else if (error.isPresent()) {
                    failed = new FailedCell(cellNumber, cell.firstLine(), error.get());
                }
            }
        } finally {
            timer.shutdownNow();
        }
        return new NotebookRun(notebookPath, notebook, checks, Optional.ofNullable(failed));
    }

    private static CheckResult judge(int cellNumber, CheckSpec check, Optional<CellError> error, OutputCollector outputs) {
        if (error.isPresent()) {
            // The check API already marks its reason with ✘, and the report adds its own mark.
            return new CheckResult(cellNumber, check, false, error.get().reason().replaceFirst("^[✘✗]\\s*", ""));
        }
        if (!outputs.stderr().isEmpty()) {
            // nbgrader scores a check cell that wrote to stderr as 0, so it fails here too, saying what it wrote.
            return new CheckResult(cellNumber, check, false, "wrote to stderr: " + firstLine(outputs.stderr()).orElse("(blank)"));
        }
        String message = firstLine(outputs.stdout())
                .map(line -> line.replaceFirst("^[✔✓]\\s*", ""))
                .filter(line -> !line.isBlank())
                .orElse("passed");
        return new CheckResult(cellNumber, check, true, message);
    }

    private static Optional<String> firstLine(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst();
    }
}
