package gluelab.kernel.student;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.kernel.notebook.Cell;
import gluelab.kernel.notebook.Notebook;
import gluelab.kernel.run.NotebookRun;
import gluelab.kernel.run.NotebookRunner;
import gluelab.kernel.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudentEditionWriterTest {

    private static final String NOTEBOOK = "notebooks/01-count-rows.ipynb";
    private static final String LAB_SOURCE = "labs/01-count-rows/RowCounter.java";

    @TempDir
    Path temp;

    private Path instructor;
    private Path learner;

    @BeforeEach
    void writeLearnerEdition() throws Exception {
        instructor = Fixtures.copyDirectory("lab-repo", temp.resolve("instructor"));
        learner = temp.resolve("learner");
        StudentEditionWriter.Summary summary = StudentEditionWriter.write(instructor, learner);
        assertEquals(new StudentEditionWriter.Summary(1, 1, 2, 2), summary);
    }

    @Test
    void notebookSolutionsBecomeStubsNamingTheExercise() throws Exception {
        Cell solution = Notebook.read(learner.resolve(NOTEBOOK)).cells().get(2);
        assertEquals("""
                int total = 0;
                // YOUR CODE HERE
                throw new UnsupportedOperationException("Exercise: Add up the amount column, skipping the header and blank lines. (see the markdown above)");
                System.out.println("total: " + total);""", solution.source());
        assertTrue(solution.nbgrader().orElseThrow().path("solution").asBoolean());
        assertEquals("total-amounts", solution.nbgrader().orElseThrow().path("grade_id").asText());
    }

    @Test
    void learnerNotebooksHaveNoOutputsAndKeepTheirChecks() throws Exception {
        JsonNode cells = new ObjectMapper().readTree(learner.resolve(NOTEBOOK).toFile()).path("cells");
        for (JsonNode cell : cells) {
            if (cell.path("cell_type").asText().equals("code")) {
                assertEquals(0, cell.path("outputs").size());
                assertTrue(cell.path("execution_count").isNull());
            }
        }
        JsonNode check = cells.get(4).path("metadata").path("nbgrader");
        assertEquals(List.of(true, "row-count", 2, 3),
                List.of(check.path("grade").asBoolean(), check.path("grade_id").asText(), check.path("points").asInt(), check.path("schema_version").asInt()));
        assertEquals("cell-05", cells.get(4).path("id").asText());
    }

    /**
     * The checksums are those nbgrader's {@code compute_checksum} gives for the learner's cells (computed with a
     * transcription of it in Python, {@code hashlib.md5}), so nbgrader's validate and autograde accept the edition.
     */
    @Test
    void gradeAndSolutionCellsCarryTheChecksumNbgraderKeeps() throws Exception {
        JsonNode cells = new ObjectMapper().readTree(learner.resolve(NOTEBOOK).toFile()).path("cells");
        JsonNode check = cells.get(4).path("metadata").path("nbgrader");
        assertEquals("cd9b77e8613d3102ff75edc2a42df064", check.path("checksum").asText());
        assertEquals("code", check.path("cell_type").asText());
        assertEquals("78c4c7c8d80620bd6ddc141b741246a5", cells.get(5).path("metadata").path("nbgrader").path("checksum").asText());
        JsonNode solution = cells.get(2).path("metadata").path("nbgrader");
        assertEquals("96932aa2472f4c3ac818e4edda1d98ec", solution.path("checksum").asText());
        assertFalse(cells.get(1).path("metadata").has("nbgrader"), "a cell nbgrader does not know gets no metadata");
    }

    @Test
    void labSourcesGetStubsAndStillCompile() throws Exception {
        String source = Files.readString(learner.resolve(LAB_SOURCE));
        assertTrue(source.contains("""
                        // YOUR CODE HERE
                        throw new UnsupportedOperationException("Exercise: Skip the header line and count the lines that are not blank. (see the notebook)");
                """), source);
        assertFalse(source.contains("skip(1)"));
        assertDoesNotThrow(() -> Fixtures.compile("RowCounter", source, temp.resolve("classes")));
    }

    @Test
    void otherLabFilesAreCopiedUnchanged() throws Exception {
        String ruleset = "labs/01-count-rows/extract.dqdl";
        assertArrayEquals(Files.readAllBytes(instructor.resolve(ruleset)), Files.readAllBytes(learner.resolve(ruleset)));
    }

    @Test
    void theSampleDataComesAlongForTheNotebooksToRead() throws Exception {
        String data = "data/extract.txt";
        assertArrayEquals(Files.readAllBytes(instructor.resolve(data)), Files.readAllBytes(learner.resolve(data)));
    }

    @Test
    void theInstructorEditionPassesItsChecksAndTheLearnerEditionFailsThem() throws Exception {
        NotebookRun solved = new NotebookRunner().run(instructor.resolve(NOTEBOOK));
        assertTrue(solved.succeeded(), solved.reportLines()::toString);
        assertEquals(2, solved.passedCount());

        NotebookRun unsolved = new NotebookRunner().run(learner.resolve(NOTEBOOK));
        assertFalse(unsolved.succeeded());
        assertEquals(0, unsolved.passedCount());
        assertEquals(List.of(
                "✘ cell 3 failed (int total = 0;): java.lang.UnsupportedOperationException: Exercise: Add up the amount column, skipping the header and blank lines. (see the markdown above)",
                "✘ row-count (2 pt): not run: cell 3 failed",
                "✘ total (1 pt): not run: cell 3 failed",
                "0 passed, 2 failed"), unsolved.reportLines());
    }

    @Test
    void unbalancedMarkersAreReportedAndNothingIsWritten() throws Exception {
        Path broken = Fixtures.copyDirectory("lab-repo", temp.resolve("broken"));
        Path job = broken.resolve("labs/01-count-rows/Job.java");
        Files.writeString(job, "class Job {\n    void run() {\n        // BEGIN SOLUTION\n        work();\n    }\n}\n");
        Path out = temp.resolve("broken-learner");
        var error = assertThrows(UnbalancedSolutionMarkersException.class, () -> StudentEditionWriter.write(broken, out));
        assertEquals("labs/01-count-rows/Job.java, line 3: BEGIN SOLUTION without an END SOLUTION after it", error.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void theLearnerEditionIsNeverWrittenOverTheInstructors() {
        assertThrows(IllegalArgumentException.class, () -> StudentEditionWriter.write(instructor, instructor));
        assertThrows(IllegalArgumentException.class, () -> StudentEditionWriter.write(instructor, instructor.resolve("labs/out")));
    }
}
