package gluelab.kernel.grade;

import gluelab.lab.LabHome;
import gluelab.kernel.run.NotebookRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades notebooks by running each one headless. A learner edition (or checkout), or one notebook in its
 * {@code notebooks/}, is graded with {@value LabHome#HOME_PROPERTY} pointing at the edition while its notebooks
 * run, so they use its own {@code labs/} and {@code data/}.
 */
public final class Grader {

    private final NotebookRunner runner;

    public Grader() {
        this(new NotebookRunner());
    }

    public Grader(NotebookRunner runner) {
        this.runner = runner;
    }

    public GradeReport grade(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        List<Path> notebooks = NotebookFinder.find(absolute);
        Path base = absolute.toFile().isFile() ? absolute.getParent() : absolute;
        String previousHome = System.getProperty(LabHome.HOME_PROPERTY);
        Path editionRoot = NotebookFinder.editionRootOf(absolute);
        boolean edition = editionRoot != null;
        if (edition) {
            System.setProperty(LabHome.HOME_PROPERTY, editionRoot.toString());
        }
        try {
            List<NotebookGrade> grades = new ArrayList<>();
            for (Path notebook : notebooks) {
                String name = base.relativize(notebook).toString().replace('\\', '/');
                try {
                    grades.add(NotebookGrade.of(name, runner.run(notebook)));
                } catch (IOException e) {
                    grades.add(NotebookGrade.unrunnable(name, "cannot run: " + e.getMessage()));
                }
            }
            return new GradeReport(grades);
        } finally {
            if (edition) {
                if (previousHome == null) {
                    System.clearProperty(LabHome.HOME_PROPERTY);
                } else {
                    System.setProperty(LabHome.HOME_PROPERTY, previousHome);
                }
            }
        }
    }
}
