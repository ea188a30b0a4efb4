package gluelab.kernel.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.kernel.student.StudentEditionWriter;
import gluelab.kernel.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradeTest {

    @TempDir
    Path temp;

    private record Outcome(int exitStatus, List<String> table, JsonNode grades) {
    }

    private Outcome grade(Path target) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path json = temp.resolve("out/grades.json");
        int status = Grade.run(target, json, new PrintStream(printed, true, StandardCharsets.UTF_8));
        JsonNode grades = Files.exists(json) ? new ObjectMapper().readTree(json.toFile()) : null;
        return new Outcome(status, Fixtures.lines(printed.toString(StandardCharsets.UTF_8)), grades);
    }

    @Test
    void aDirectoryIsGradedRecursivelyWithoutJupyterCheckpoints() throws Exception {
        Path course = Files.createDirectories(temp.resolve("course/notebooks"));
        Files.createDirectories(temp.resolve("course/labs"));
        Files.createDirectories(course.resolve("week1/.ipynb_checkpoints"));
        Files.copy(Fixtures.notebook("all-pass.ipynb"), course.resolve("week1/all-pass.ipynb"));
        Files.copy(Fixtures.notebook("all-pass.ipynb"), course.resolve("week1/.ipynb_checkpoints/all-pass-checkpoint.ipynb"));
        Files.copy(Fixtures.notebook("failed-check.ipynb"), course.resolve("failed-check.ipynb"));

        Outcome outcome = grade(course);
        assertEquals(List.of(
                "notebook              check                      points     reason",
                "failed-check.ipynb    rows-present               1/1     ✔  rows are present",
                "failed-check.ipynb    three-rows                 0/2     ✘  expected 3 rows, got 2",
                "failed-check.ipynb    runs-after-a-failed-check  1/1     ✔  passed",
                "week1/all-pass.ipynb  orders-loaded              1/1     ✔  3 orders loaded",
                "week1/all-pass.ipynb  total-amount               2/2     ✔  the total is 50.0",
                "score: 5/7 points in 2 notebooks",
                "4 passed, 1 failed"), outcome.table());
        assertEquals(Grade.SOME_FAILED, outcome.exitStatus());
    }

    @Test
    void aNotebookInNoEditionIsReportedAndNeverRunAgainstAnotherCheckoutsLabs() throws Exception {
        Path loose = Files.createDirectories(temp.resolve("downloads"));
        Files.copy(Fixtures.notebook("all-pass.ipynb"), loose.resolve("all-pass.ipynb"));

        Outcome outcome = grade(loose.resolve("all-pass.ipynb"));
        assertEquals(Grade.SOME_FAILED, outcome.exitStatus());
        assertTrue(outcome.table().get(1).contains("is not in a lab edition"), outcome.table()::toString);
        assertEquals(0.0, outcome.grades().path("totals").path("max_score").asDouble());
        assertEquals("score: 0/0 points in 1 notebook", outcome.table().get(2));
    }

    @Test
    void gradesJsonHoldsEveryCheckAndTheTotals() throws Exception {
        Outcome outcome = grade(Fixtures.notebook("failed-check.ipynb"));
        JsonNode notebook = outcome.grades().path("notebooks").get(0);
        assertEquals("failed-check.ipynb", notebook.path("notebook").asText());
        JsonNode failed = notebook.path("checks").get(1);
        assertEquals("three-rows", failed.path("grade_id").asText());
        assertEquals(0.0, failed.path("points").asDouble());
        assertEquals(2.0, failed.path("max_points").asDouble());
        assertEquals(false, failed.path("passed").asBoolean());
        assertEquals("expected 3 rows, got 2", failed.path("reason").asText());
        JsonNode totals = outcome.grades().path("totals");
        assertEquals(List.of(2.0, 4.0, 2, 1), List.of(totals.path("score").asDouble(), totals.path("max_score").asDouble(),
                totals.path("passed").asInt(), totals.path("failed").asInt()));
    }

    @Test
    void aLearnerEditionIsGradedAgainstItsOwnLabsAndFails() throws Exception {
        Path instructor = Fixtures.copyDirectory("lab-repo", temp.resolve("instructor"));
        Path learner = temp.resolve("learner");
        StudentEditionWriter.write(instructor, learner);

        Outcome learnerGrades = grade(learner);
        assertEquals(Grade.SOME_FAILED, learnerGrades.exitStatus());
        assertEquals("0 passed, 2 failed", learnerGrades.table().get(learnerGrades.table().size() - 1));
        JsonNode failedCell = learnerGrades.grades().path("notebooks").get(0).path("failed_cell");
        assertEquals(3, failedCell.path("cell").asInt());
        assertTrue(failedCell.path("evalue").asText().startsWith("Exercise: Add up the amount column"));

        Outcome instructorGrades = grade(instructor);
        assertEquals(Grade.ALL_PASSED, instructorGrades.exitStatus(), instructorGrades.table()::toString);
        assertEquals("2 passed, 0 failed", instructorGrades.table().get(instructorGrades.table().size() - 1));
    }

    /**
     * An edition whose one notebook passes only when it is graded with the lab home set to that edition; graded
     * from inside {@code instructor/}, the checkout a grader is usually started in.
     */
    @ParameterizedTest(name = "named by {0}")
    @ValueSource(strings = {"its root", "its notebooks folder", "the notebook file"})
    void anEditionsNotebooksAreGradedAgainstThatEditionsLabsHoweverTheEditionIsNamed(String named) throws Exception {
        Path edition = temp.resolve("learner");
        Files.createDirectories(edition.resolve("labs/01-own"));
        Files.createDirectories(edition.resolve("notebooks"));
        Path notebook = edition.resolve("notebooks/01-own.ipynb");
        Files.writeString(notebook, """
                {"cells": [{"cell_type": "code", "execution_count": null, "id": "own-labs", "outputs": [],
                  "metadata": {"nbgrader": {"grade": true, "grade_id": "own-labs", "locked": true, "points": 1,
                                            "schema_version": 3, "solution": false, "task": false}},
                  "source": "String home = System.getProperty(\\"gluelab.home\\");\\nif (home == null || !java.nio.file.Files.isDirectory(java.nio.file.Path.of(home, \\"labs\\", \\"01-own\\"))) throw new AssertionError(\\"graded against \\" + home);\\nSystem.out.println(\\"its own labs\\");"}],
                 "metadata": {"kernelspec": {"name": "java", "display_name": "Java (Glue Lab)", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        Path instructor = Fixtures.copyDirectory("lab-repo", temp.resolve("instructor"));
        String before = System.getProperty("gluelab.home");
        System.setProperty("gluelab.home", instructor.toString());
        try {
            Path target = switch (named) {
                case "its root" -> edition;
                case "its notebooks folder" -> edition.resolve("notebooks");
                default -> notebook;
            };
            Outcome outcome = grade(target);
            assertEquals(Grade.ALL_PASSED, outcome.exitStatus(), outcome.table()::toString);
            assertEquals("score: 1/1 points in 1 notebook", outcome.table().get(2));
            assertEquals(instructor.toString(), System.getProperty("gluelab.home"), "the home is put back after grading");
        } finally {
            if (before == null) {
                System.clearProperty("gluelab.home");
            } else {
                System.setProperty("gluelab.home", before);
            }
        }
    }

    @Test
    void nothingToGradeIsAnError() throws Exception {
        Files.createDirectories(temp.resolve("empty"));
        assertEquals(Grade.CANNOT_GRADE, grade(temp.resolve("empty")).exitStatus());
    }
}
