package gluelab.kernel.classroom;

import gluelab.kernel.notebook.CheckSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./lab grade submissions/ [--notebooks 01,05] [--out DIR] [--parallel N] [--cell-timeout S]
 * [--notebook-timeout S]}: grades a class ({@link ClassGrader}) and prints one line per learner, the totals and
 * where the gradebook and the feedback are.
 */
public final class ClassGrade {

    public static final int GRADED = 0;
    public static final int CANNOT_GRADE = 2;

    private ClassGrade() {
    }

    public static int run(Path submissions, Path instructorHome, GradingOptions options, PrintStream out) {
        ClassReport report;
        try {
            report = new ClassGrader(instructorHome, options, out).grade(submissions);
        } catch (IOException | IllegalArgumentException e) {
            out.println("✘ cannot grade " + submissions + ": " + e.getMessage());
            return CANNOT_GRADE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("✘ grading was interrupted");
            return CANNOT_GRADE;
        }
        summary(report).forEach(out::println);
        return GRADED;
    }

    public static List<String> summary(ClassReport report) {
        List<String> lines = new ArrayList<>();
        int width = report.learners().stream().mapToInt(learner -> learner.learnerId().length()).max().orElse(7);
        width = Math.max(width, "learner".length());
        lines.add(String.format("%-" + width + "s  %9s  %s", "learner", "points", "flags"));
        for (LearnerGrade learner : report.learners()) {
            lines.add(String.format("%-" + width + "s  %9s  %s", learner.learnerId(),
                    CheckSpec.pointsText(learner.points()) + "/" + CheckSpec.pointsText(learner.maxPoints()),
                    String.join("; ", learner.flags())).stripTrailing());
        }
        lines.add(String.format(Locale.ROOT, "%d learners × %d notebooks graded in %d s, %d at a time: %.1f notebooks per minute",
                report.learners().size(), report.notebooks().size(), report.took().toSeconds(), report.parallelism(),
                report.notebooksPerMinute()));
        lines.add("gradebook: " + report.gradebook());
        lines.add("feedback:  " + report.feedback());
        return lines;
    }
}
