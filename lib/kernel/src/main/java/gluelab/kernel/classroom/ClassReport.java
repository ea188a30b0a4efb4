package gluelab.kernel.classroom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A graded class: every learner's grades, the notebooks they were graded on, and where the gradebook and feedback went. */
public record ClassReport(List<ClassNotebook> notebooks, List<LearnerGrade> learners, Path gradebook, Path feedback,
                          int parallelism, Duration took) {

    public ClassReport {
        notebooks = List.copyOf(notebooks);
        learners = List.copyOf(learners);
    }

    /** Notebooks graded per minute of wall-clock time: learners times notebooks over the whole class's time. */
    public double notebooksPerMinute() {
        return learners.size() * notebooks.size() / (took.toMillis() / 60_000.0);
    }
}
