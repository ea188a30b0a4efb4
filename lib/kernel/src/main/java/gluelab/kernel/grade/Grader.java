package gluelab.kernel.grade;

import gluelab.kernel.edition.LabEdition;
import gluelab.kernel.run.NotebookRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Grades notebooks by running each one headless, with the lab home set to the {@link LabEdition} the notebook
 * itself sits in, so it deploys that edition's own {@code labs/}. However the target is named (an edition's
 * root, its {@code notebooks/} folder, or one notebook), each notebook is graded the same way. A notebook that is
 * in no edition is not run: it is reported as ungradable, never run against another checkout's sources.
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
        List<NotebookGrade> grades = new ArrayList<>();
        for (Path notebook : notebooks) {
            String name = base.relativize(notebook).toString().replace('\\', '/');
            Optional<LabEdition> edition = LabEdition.of(notebook);
            if (edition.isEmpty()) {
                grades.add(NotebookGrade.unrunnable(name, LabEdition.notInAnEdition(notebook)));
                continue;
            }
            try {
                grades.add(NotebookGrade.of(name, edition.get().asLabHome(() -> runner.run(notebook))));
            } catch (IOException e) {
                grades.add(NotebookGrade.unrunnable(name, "cannot run: " + e.getMessage()));
            }
        }
        return new GradeReport(grades);
    }
}
