package gluelab.kernel.classroom;

import gluelab.kernel.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionsTest {

    @TempDir
    Path temp;

    private void notebookAt(Path path) throws Exception {
        Files.createDirectories(path.getParent());
        Files.copy(Fixtures.notebook("all-pass.ipynb"), path);
    }

    @Test
    void aFolderOfLearnerEditionsHasOneLearnerPerFolderWithTheirOwnLabs() throws Exception {
        Path submissions = temp.resolve("submissions");
        notebookAt(submissions.resolve("ada/notebooks/05-job-bookmarks.ipynb"));
        notebookAt(submissions.resolve("ada/notebooks/.ipynb_checkpoints/05-job-bookmarks-checkpoint.ipynb"));
        Files.createDirectories(submissions.resolve("ada/labs/05-job-bookmarks"));
        notebookAt(submissions.resolve("ben/notebooks/week1/01-csv-to-parquet.ipynb"));
        Files.createDirectories(submissions.resolve(".git"));

        List<Submission> learners = Submissions.in(submissions);

        assertEquals(List.of("ada", "ben"), learners.stream().map(Submission::learnerId).toList());
        assertEquals(Map.of("05-job-bookmarks.ipynb", submissions.resolve("ada/notebooks/05-job-bookmarks.ipynb")),
                learners.get(0).notebooks());
        assertEquals(List.of(submissions.resolve("ada/labs")), learners.get(0).labsFolders());
        assertEquals(List.of("01-csv-to-parquet.ipynb"), List.copyOf(learners.get(1).notebooks().keySet()));
        assertEquals(List.of(), learners.get(1).labsFolders());
        assertTrue(Submissions.isClass(submissions));
    }

    @Test
    void nbgradersSubmittedFolderHasOneLearnerPerStudentWithTheirAssignmentsNotebooksAndLabs() throws Exception {
        Path course = temp.resolve("course");
        notebookAt(course.resolve("submitted/s1001/05-job-bookmarks/05-job-bookmarks.ipynb"));
        Files.createDirectories(course.resolve("submitted/s1001/05-job-bookmarks/labs/05-job-bookmarks"));
        notebookAt(course.resolve("submitted/s1001/01-csv-to-parquet/01-csv-to-parquet.ipynb"));
        notebookAt(course.resolve("submitted/s1002/05-job-bookmarks/05-job-bookmarks.ipynb"));
        Files.createDirectories(course.resolve("source/05-job-bookmarks"));

        for (Path named : List.of(course, course.resolve("submitted"))) {
            List<Submission> learners = Submissions.in(named);
            assertEquals(List.of("s1001", "s1002"), learners.stream().map(Submission::learnerId).toList());
            assertEquals(List.of("01-csv-to-parquet.ipynb", "05-job-bookmarks.ipynb"),
                    learners.get(0).notebooks().keySet().stream().sorted().toList());
            assertEquals(List.of(course.resolve("submitted/s1001/05-job-bookmarks/labs")), learners.get(0).labsFolders());
            assertTrue(Submissions.isClass(named));
        }
    }

    @Test
    void anEditionOrAFolderInsideOneIsNeverAClass() throws Exception {
        Path edition = temp.resolve("edition");
        notebookAt(edition.resolve("notebooks/week1/all-pass.ipynb"));
        Files.createDirectories(edition.resolve("labs"));

        assertFalse(Submissions.isClass(edition));
        assertFalse(Submissions.isClass(edition.resolve("notebooks")));
        assertFalse(Submissions.isClass(temp.resolve("nowhere")));
    }
}
