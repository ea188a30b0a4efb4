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

    /**
     * One notebook a target names: its name in the report (relative to the target), its file, and the edition it
     * runs in; no edition means it is reported as ungradable.
     */
    public record PlannedNotebook(String name, Path notebook, Optional<LabEdition> edition) {
    }

    /**
     * What {@link #grade} will run for {@code target}, without running anything: every notebook the target names,
     * in path order, each with the edition it sits in. Naming the target decides nothing else, so a file, a folder
     * and an edition's root grade a notebook alike exactly when their plans agree on it.
     */
    public List<PlannedNotebook> plan(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path base = absolute.toFile().isFile() ? absolute.getParent() : absolute;
        List<PlannedNotebook> planned = new ArrayList<>();
        for (Path notebook : NotebookFinder.find(absolute)) {
            planned.add(new PlannedNotebook(base.relativize(notebook).toString().replace('\\', '/'), notebook,
                    LabEdition.of(notebook)));
        }
        return planned;
    }

    public GradeReport grade(Path target) throws IOException {
        List<NotebookGrade> grades = new ArrayList<>();
        for (PlannedNotebook planned : plan(target)) {
            if (planned.edition().isEmpty()) {
                grades.add(NotebookGrade.unrunnable(planned.name(), LabEdition.notInAnEdition(planned.notebook())));
                continue;
            }
            try {
                grades.add(NotebookGrade.of(planned.name(),
                        planned.edition().get().asLabHome(() -> runner.run(planned.notebook()))));
            } catch (IOException e) {
                grades.add(NotebookGrade.unrunnable(planned.name(), "cannot run: " + e.getMessage()));
            }
        }
        return new GradeReport(grades);
    }
}
