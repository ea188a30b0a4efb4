package gluelab.kernel.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.kernel.eval.CellError;
import gluelab.kernel.eval.JavaSession;
import gluelab.kernel.notebook.Cell;
import gluelab.kernel.notebook.CheckSpec;
import gluelab.kernel.notebook.Notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a notebook top to bottom through the kernel's own evaluator ({@link JavaSession}), as nbclient would:
 * a fresh session per notebook started in the notebook's directory, code cells in order, markdown untouched. Each
 * executed cell records when it started and ended in {@code metadata.execution}, with nbclient's keys.
 *
 * <p>Check cells (nbgrader {@code grade: true}) pass when they end without an error and write nothing to
 * stderr. Any other cell that fails stops the run, like nbclient's default; the checks after it count as
 * failed, "not run".
 *
 * <p>Two time limits keep a stuck cell (a busy loop, a job that never ends) from holding the run: one per cell,
 * and optionally one for the whole notebook. A cell that reaches either is stopped and recorded as timed out; a
 * timed-out check fails and the run goes on, any other timed-out cell stops the run.
 */
public final class NotebookRunner {

    /** Long enough for a Glue job run on a cold Spark; a cell that takes longer is stuck. */
    public static final Duration DEFAULT_CELL_TIMEOUT = Duration.ofMinutes(10);

    private final Duration cellTimeout;
    private final Optional<Duration> notebookTimeout;

    public NotebookRunner() {
        this(DEFAULT_CELL_TIMEOUT);
    }

    public NotebookRunner(Duration cellTimeout) {
        this(cellTimeout, Optional.empty());
    }

    public NotebookRunner(Duration cellTimeout, Optional<Duration> notebookTimeout) {
        this.cellTimeout = cellTimeout;
        this.notebookTimeout = notebookTimeout;
    }

    public NotebookRun run(Path notebookPath) throws IOException {
        Notebook notebook = Notebook.read(notebookPath);
        List<CheckResult> checks = new ArrayList<>();
        FailedCell failed = null;
        String timedOut = null;
        int executionCount = 0;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cell-timeout");
            thread.setDaemon(true);
            return thread;
        });
        DisplayedOutputs displayed = new DisplayedOutputs();
        try (JavaSession session = JavaSession.start(notebookPath.toAbsolutePath().getParent())) {
            // The notebook's time starts with its first cell: starting the evaluator is not the learner's time.
            long deadline = notebookTimeout.map(limit -> System.nanoTime() + limit.toNanos()).orElse(Long.MAX_VALUE);
            List<Cell> cells = notebook.cells();
            for (int index = 0; index < cells.size(); index++) {
                Cell cell = cells.get(index);
                int cellNumber = index + 1;
                if (!cell.isCode()) {
                    continue;
                }
                Optional<CheckSpec> check = cell.check();
                cell.clearOutputs();
                boolean outOfTime = deadline - System.nanoTime() <= 0;
                if (outOfTime && failed == null && timedOut == null) {
                    timedOut = "the notebook ran longer than " + seconds(notebookTimeout.orElseThrow()) + " before cell " + cellNumber;
                }
                if (failed != null || outOfTime) {
                    String why = failed != null ? "cell " + failed.cellNumber() + (failed.timedOut() ? " timed out" : " failed")
                            : "the notebook ran out of time";
                    check.ifPresent(spec -> checks.add(new CheckResult(cellNumber, spec, false, "not run: " + why)));
                    continue;
                }
                if (cell.source().isBlank()) {
                    check.ifPresent(spec -> checks.add(new CheckResult(cellNumber, spec, true, "passed")));
                    continue;
                }
                executionCount++;
                OutputCollector outputs = new OutputCollector(executionCount, displayed);
                long remaining = deadline - System.nanoTime();
                boolean notebookLimit = remaining < cellTimeout.toNanos();
                String limit = notebookLimit
                        ? "timed out: the notebook ran longer than " + seconds(notebookTimeout.orElseThrow())
                        : "timed out: the cell ran longer than " + seconds(cellTimeout);
                AtomicBoolean stopped = new AtomicBoolean();
                ScheduledFuture<?> timeout = timer.schedule(() -> {
                    stopped.set(true);
                    session.interrupt(limit);
                }, notebookLimit ? remaining : cellTimeout.toNanos(), TimeUnit.NANOSECONDS);
                Optional<CellError> error;
                Instant began = Instant.now();
                try {
                    error = session.execute(executionCount, cell.source(), outputs);
                } finally {
                    timeout.cancel(false);
                }
                cell.setOutputs(outputs.outputs(), executionCount);
                recordTiming(cell, began, Instant.now());
                boolean cellTimedOut = stopped.get() && error.isPresent();
                if (cellTimedOut) {
                    timedOut = "cell " + cellNumber + " " + limit;
                }
                if (check.isPresent()) {
                    checks.add(cellTimedOut ? new CheckResult(cellNumber, check.get(), false, limit)
                            : judge(cellNumber, check.get(), error, outputs));
                } else if (error.isPresent()) {
                    failed = new FailedCell(cellNumber, cell.firstLine(), error.get(), cellTimedOut);
                }
            }
        } finally {
            timer.shutdownNow();
        }
        return new NotebookRun(notebookPath, notebook, checks, Optional.ofNullable(failed), Optional.ofNullable(timedOut));
    }

    /** As nbclient's {@code record_timing} does: when the cell started and when it ended, in its metadata. */
    private static void recordTiming(Cell cell, Instant began, Instant ended) {
        ObjectNode execution = cell.metadata().putObject("execution");
        execution.put("iopub.execute_input", began.toString());
        execution.put("shell.execute_reply", ended.toString());
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
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
