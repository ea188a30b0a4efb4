package gluelab.kernel.classroom;

import gluelab.kernel.notebook.CheckSpec;
import gluelab.kernel.notebook.Notebook;
import gluelab.kernel.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradebookTest {

    private static ClassNotebook notebook(String fileName) throws Exception {
        Path path = Fixtures.notebook("failed-check.ipynb");
        ClassNotebook read = ClassNotebook.read(path);
        return new ClassNotebook(fileName, path, Notebook.read(path), read.checks());
    }

    private static GradedNotebook graded(ClassNotebook notebook, double[] points, List<String> flags) {
        List<GradedCheck> checks = new java.util.ArrayList<>();
        for (int i = 0; i < notebook.checks().size(); i++) {
            CheckSpec check = notebook.checks().get(i);
            checks.add(new GradedCheck(check, points[i], points[i] == check.points(), "why", Optional.empty()));
        }
        return new GradedNotebook(notebook, checks, flags, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void oneRowPerLearnerWithEveryCheckEachNotebookAndTheTotals() throws Exception {
        ClassNotebook first = notebook("01-count.ipynb");
        ClassNotebook fifth = notebook("05-total.ipynb");
        LearnerGrade ada = new LearnerGrade("ada", "ada", List.of(graded(first, new double[] {1, 2, 1}, List.of()),
                graded(fifth, new double[] {1, 0, 1}, List.of("three-rows edited"))), Duration.ZERO);
        LearnerGrade ben = new LearnerGrade("Ben, \"B\"", "ben-b", List.of(GradedNotebook.notSubmitted(first),
                graded(fifth, new double[] {0.5, 0, 0}, List.of())), Duration.ZERO);

        assertEquals("learner_id,01-count:rows-present,01-count:three-rows,01-count:runs-after-a-failed-check,01-count,"
                        + "05-total:rows-present,05-total:three-rows,05-total:runs-after-a-failed-check,05-total,points,max_points,flags\r\n"
                        + "ada,1,2,1,4,1,0,1,2,6,8,05-total: three-rows edited\r\n"
                        + "\"Ben, \"\"B\"\"\",0,0,0,0,0.5,0,0,0.5,0.5,8,01-count: not submitted\r\n",
                Gradebook.csv(List.of(first, fifth), List.of(ada, ben)));
    }

    @Test
    void feedbackEscapesWhatTheLearnerWrote() throws Exception {
        ClassNotebook notebook = notebook("01-count.ipynb");
        GradedNotebook graded = GradedNotebook.ungraded(notebook, "<script>alert(1)</script>", "not graded");
        String html = FeedbackPage.html(new LearnerGrade("<b>x</b>", "x", List.of(graded), Duration.ZERO));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("Feedback for &lt;b&gt;x&lt;/b&gt;"));
        assertTrue(!html.contains("<script>"));
    }
}
