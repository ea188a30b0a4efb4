package gluelab.kernel.classroom;

import java.time.Duration;
import java.util.List;

/** One learner's grades: a row of the gradebook and a feedback page. */
public record LearnerGrade(String learnerId, String prefix, List<GradedNotebook> notebooks, Duration took) {

    public LearnerGrade {
        notebooks = List.copyOf(notebooks);
    }

    public double points() {
        return notebooks.stream().mapToDouble(GradedNotebook::points).sum();
    }

    public double maxPoints() {
        return notebooks.stream().mapToDouble(GradedNotebook::maxPoints).sum();
    }

    /** Every flag, each with its notebook's name: {@code 05-job-bookmarks: nb05-no-duplicates edited}. */
    public List<String> flags() {
        return notebooks.stream().flatMap(notebook -> notebook.flags().stream().map(flag -> notebook.notebook().name() + ": " + flag))
                .toList();
    }
}
