package gluelab.kernel.classroom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How a class is graded.
 *
 * @param notebooks       the notebooks to grade, by number ({@code 05}) or file name; empty means every notebook of
 *                        the instructor's that some learner handed in
 * @param out             where the gradebook, the feedback and each learner's workspace go
 * @param parallelism     how many learners are graded at once, each in a kernel JVM of their own
 * @param cellTimeout     how long one cell may run
 * @param notebookTimeout how long one notebook may run
 */
public record GradingOptions(List<String> notebooks, Path out, int parallelism, Duration cellTimeout, Duration notebookTimeout) {

    /** A Glue job run on a warm worker takes seconds; three minutes for one cell is stuck. */
    public static final Duration DEFAULT_CELL_TIMEOUT = Duration.ofMinutes(3);
    public static final Duration DEFAULT_NOTEBOOK_TIMEOUT = Duration.ofMinutes(10);

    public GradingOptions {
        notebooks = List.copyOf(notebooks);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        if (cellTimeout.isNegative() || cellTimeout.isZero() || notebookTimeout.isNegative() || notebookTimeout.isZero()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
    }

    public static GradingOptions defaults(Path out) {
        return new GradingOptions(List.of(), out, 2, DEFAULT_CELL_TIMEOUT, DEFAULT_NOTEBOOK_TIMEOUT);
    }

    public GradingOptions withNotebooks(List<String> chosen) {
        return new GradingOptions(chosen, out, parallelism, cellTimeout, notebookTimeout);
    }

    public GradingOptions withParallelism(int learnersAtOnce) {
        return new GradingOptions(notebooks, out, learnersAtOnce, cellTimeout, notebookTimeout);
    }

    public GradingOptions withTimeouts(Duration cell, Duration notebook) {
        return new GradingOptions(notebooks, out, parallelism, cell, notebook);
    }

    /** Whether {@code fileName} is one of the chosen notebooks: {@code 5}, {@code 05} and {@code 05-job-bookmarks} all name one. */
    public boolean chooses(String fileName) {
        if (notebooks.isEmpty()) {
            return true;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String chosen : notebooks) {
            String name = chosen.strip().toLowerCase(Locale.ROOT);
            String prefix = name.matches("\\d+") ? String.format("%02d", Integer.parseInt(name)) : name.replaceFirst("\\.ipynb$", "");
            if (lower.equals(prefix + ".ipynb") || lower.startsWith(prefix + "-")) {
                return true;
            }
        }
        return false;
    }
}
