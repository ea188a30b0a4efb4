package gluelab.kernel.classroom;

import gluelab.kernel.notebook.CheckSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class's gradebook as CSV (RFC 4180), in the layout LMS grade imports take: one row per learner, the learner id
 * first; then one column per check ({@code <notebook>:<grade_id>}) and one per notebook (its total), each with the
 * points earned; then {@code points} and {@code max_points} over all notebooks, and {@code flags}: what a grader
 * should look at (a tampered check, a time limit reached, a submission that does not compile).
 */
public final class Gradebook {

    private Gradebook() {
    }

    public static List<String> header(List<ClassNotebook> notebooks) {
        List<String> header = new ArrayList<>();
        header.add("learner_id");
        for (ClassNotebook notebook : notebooks) {
            notebook.checks().forEach(check -> header.add(notebook.name() + ":" + check.gradeId()));
            header.add(notebook.name());
        }
        header.addAll(List.of("points", "max_points", "flags"));
        return header;
    }

    public static List<String> row(LearnerGrade learner) {
        List<String> row = new ArrayList<>();
        row.add(learner.learnerId());
        for (GradedNotebook notebook : learner.notebooks()) {
            notebook.checks().forEach(check -> row.add(CheckSpec.pointsText(check.points())));
            row.add(CheckSpec.pointsText(notebook.points()));
        }
        row.add(CheckSpec.pointsText(learner.points()));
        row.add(CheckSpec.pointsText(learner.maxPoints()));
        row.add(String.join("; ", learner.flags()));
        return row;
    }

    /** The whole file: the header, then one line per learner, CRLF-terminated as RFC 4180 has it. */
    public static String csv(List<ClassNotebook> notebooks, List<LearnerGrade> learners) {
        StringBuilder csv = new StringBuilder(line(header(notebooks)));
        learners.forEach(learner -> csv.append(line(row(learner))));
        return csv.toString();
    }

    public static void write(Path file, List<ClassNotebook> notebooks, List<LearnerGrade> learners) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, csv(notebooks, learners), StandardCharsets.UTF_8);
    }

    static String line(List<String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String field : fields) {
            boolean needsQuotes = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
            quoted.add(needsQuotes ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        return String.join(",", quoted) + "\r\n";
    }
}
