package gluelab.kernel.classroom;

import gluelab.kernel.grade.GradeReport;
import gluelab.kernel.grade.Grader;
import gluelab.kernel.run.NotebookRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code LearnerGrading <results dir> <cell limit s> <notebook limit s> <notebook>...}: the kernel JVM of one
 * learner. It grades each notebook against the edition it sits in (the learner's workspace), under the settings
 * its environment gives ({@code LAB_PREFIX}, {@code LAB_ENDPOINT}, {@code LAB_DATA_DIR}), and writes, as each one
 * ends, {@code <name>.grades.json} (the {@code grades.json} format of {@code ./lab grade}) and the executed
 * {@code <name>.ipynb} into the results folder, so what was graded before a hard stop is kept.
 */
public final class LearnerGrading {

    static final String RESULT_SUFFIX = ".grades.json";

    private LearnerGrading() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: LearnerGrading <results dir> <cell limit s> <notebook limit s> <notebook>...");
            System.exit(2);
        }
        Path results = Path.of(args[0]);
        NotebookRunner runner = new NotebookRunner(Duration.ofSeconds(Long.parseLong(args[1])),
                Optional.of(Duration.ofSeconds(Long.parseLong(args[2]))));
        int status = 0;
        for (int i = 3; i < args.length; i++) {
            Path notebook = Path.of(args[i]);
            try {
                grade(runner, notebook, results);
            } catch (IOException | RuntimeException e) {
                System.err.println("cannot grade " + notebook + ": " + e);
                status = 1;
            }
        }
        // Learner code may leave threads running (a server, an executor): they end with this JVM.
        System.exit(status);
    }

    private static void grade(NotebookRunner runner, Path notebook, Path results) throws IOException {
        GradeReport report = new Grader(runner).grade(notebook);
        String fileName = notebook.getFileName().toString();
        report.notebooks().get(0).run().ifPresent(run -> {
            try {
                run.executed().write(results.resolve(fileName));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        report.writeJson(results.resolve(resultName(fileName)));
    }

    static String resultName(String notebookFileName) {
        return notebookFileName.replaceFirst("\\.ipynb$", "") + RESULT_SUFFIX;
    }
}
