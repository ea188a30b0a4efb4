package gluelab.kernel.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.kernel.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookRunnerTest {

    @TempDir
    Path executed;

    private record Outcome(int exitStatus, List<String> report, JsonNode notebook) {
        JsonNode cell(int number) {
            return notebook.path("cells").get(number - 1);
        }
    }

    private Outcome run(Path notebook) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = RunNotebook.run(notebook, executed, new PrintStream(printed, true, StandardCharsets.UTF_8));
        Path executedCopy = executed.resolve(notebook.getFileName().toString());
        JsonNode json = Files.exists(executedCopy) ? new ObjectMapper().readTree(executedCopy.toFile()) : null;
        return new Outcome(status, Fixtures.lines(printed.toString(StandardCharsets.UTF_8)), json);
    }

    @Test
    void aNotebookWhoseChecksAllPassExitsZeroAndReportsEachCheck() throws Exception {
        Outcome outcome = run(Fixtures.notebook("all-pass.ipynb"));
        assertEquals(List.of(
                "✔ orders-loaded (1 pt): 3 orders loaded",
                "✔ total-amount (2 pt): the total is 50.0",
                "2 passed, 0 failed"), outcome.report());
        assertEquals(0, outcome.exitStatus());
    }

    @Test
    void theExecutedNotebookHoldsOutputsAsJupyterStoresThem() throws Exception {
        Outcome outcome = run(Fixtures.notebook("all-pass.ipynb"));
        JsonNode markdown = outcome.cell(1);
        assertEquals("cell-01", markdown.path("id").asText());
        assertFalse(markdown.has("outputs"));

        JsonNode printing = outcome.cell(2);
        assertEquals(1, printing.path("execution_count").asInt());
        assertEquals("stream", printing.path("outputs").get(0).path("output_type").asText());
        assertEquals("stdout", printing.path("outputs").get(0).path("name").asText());
        assertEquals("3 orders loaded\n", printing.path("outputs").get(0).path("text").get(0).asText());

        JsonNode displaying = outcome.cell(3).path("outputs").get(0);
        assertEquals("display_data", displaying.path("output_type").asText());
        assertEquals("<b>3 orders</b>", displaying.path("data").path("text/html").get(0).asText());
        assertEquals("3 orders", displaying.path("data").path("text/plain").get(0).asText());
        assertTrue(displaying.path("metadata").isObject());

        JsonNode result = outcome.cell(4).path("outputs").get(0);
        assertEquals("execute_result", result.path("output_type").asText());
        assertEquals(3, result.path("execution_count").asInt());
        assertEquals("50.0", result.path("data").path("text/plain").get(0).asText());

        JsonNode check = outcome.cell(6);
        assertTrue(check.path("metadata").path("nbgrader").path("grade").asBoolean());
        assertEquals(4, check.path("execution_count").asInt());
    }

    @Test
    void aFailedCheckGivesItsReasonWhileLaterChecksStillRun() throws Exception {
        Outcome outcome = run(Fixtures.notebook("failed-check.ipynb"));
        assertEquals(List.of(
                "✔ rows-present (1 pt): rows are present",
                "✘ three-rows (2 pt): expected 3 rows, got 2",
                "✔ runs-after-a-failed-check (1 pt): passed",
                "2 passed, 1 failed"), outcome.report());
        assertEquals(1, outcome.exitStatus());
        JsonNode error = outcome.cell(4).path("outputs").get(0);
        assertEquals("error", error.path("output_type").asText());
        assertEquals("java.lang.AssertionError", error.path("ename").asText());
        assertEquals("expected 3 rows, got 2", error.path("evalue").asText());
        assertEquals("java.lang.AssertionError: expected 3 rows, got 2", error.path("traceback").get(0).asText());
    }

    @Test
    void anErrorInAnOrdinaryCellStopsTheRunAndNamesTheCell() throws Exception {
        Outcome outcome = run(Fixtures.notebook("error-in-cell.ipynb"));
        assertEquals(List.of(
                "✔ before-the-error (1 pt): nothing to check yet",
                "✘ cell 4 failed (String region = requireSetting(config, \"region\");): java.lang.IllegalStateException: no region configured",
                "✘ after-the-error (1 pt): not run: cell 4 failed",
                "1 passed, 1 failed"), outcome.report());
        assertEquals(1, outcome.exitStatus());

        JsonNode error = outcome.cell(4).path("outputs").get(0);
        assertEquals("no region configured", error.path("evalue").asText());
        assertEquals(List.of(
                "java.lang.IllegalStateException: no region configured",
                "\tat requireSetting(Cell In[2], line 6)",
                "\tat Cell In[3], line 1"), textsOf(error.path("traceback")));
        JsonNode neverRun = outcome.cell(6);
        assertTrue(neverRun.path("execution_count").isNull());
        assertEquals(0, neverRun.path("outputs").size());
    }

    @Test
    void aCellThatRunsPastItsTimeLimitIsStoppedAndRecordedAsTimedOut(@TempDir Path checkout) throws Exception {
        Path notebook = inAnEdition(checkout, "stuck-cells.ipynb");
        NotebookRun run = new NotebookRunner(Duration.ofSeconds(2)).run(notebook);

        assertEquals(List.of(
                "✔ before-the-loops (1 pt): started",
                "✘ busy-check (1 pt): timed out: the cell ran longer than 2 s",
                "✘ cell 4 timed out (long steps = 0;): Interrupted: execution was interrupted: timed out: the cell ran longer than 2 s",
                "✘ after-the-loops (2 pt): not run: cell 4 timed out",
                "1 passed, 2 failed"), run.reportLines());
        assertEquals(java.util.Optional.of("cell 4 timed out: the cell ran longer than 2 s"), run.timedOut());
    }

    @Test
    void aNotebookThatRunsPastItsTimeLimitStopsWhereItIsAndTheRestIsNotRun(@TempDir Path checkout) throws Exception {
        Path notebook = inAnEdition(checkout, "stuck-cells.ipynb");
        long started = System.nanoTime();
        NotebookRun run = new NotebookRunner(Duration.ofMinutes(1), java.util.Optional.of(Duration.ofSeconds(3))).run(notebook);

        assertEquals(List.of(
                "✔ before-the-loops (1 pt): started",
                "✘ busy-check (1 pt): timed out: the notebook ran longer than 3 s",
                "✘ after-the-loops (2 pt): not run: the notebook ran out of time",
                "1 passed, 2 failed"), run.reportLines());
        assertEquals(java.util.Optional.of("cell 3 timed out: the notebook ran longer than 3 s"), run.timedOut());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 30, "the limit held the run to about 3 s");
    }

    @Test
    void aCheckThatWritesToStderrFailsEvenIfItPrintsASuccess() throws Exception {
        Outcome outcome = run(Fixtures.notebook("check-writes-stderr.ipynb"));
        assertEquals(List.of(
                "✔ quiet-check (1 pt): quiet",
                "✘ noisy-check (1 pt): wrote to stderr: warning: using the default bucket",
                "1 passed, 1 failed"), outcome.report());
        assertEquals(1, outcome.exitStatus());
        JsonNode ordinaryCell = outcome.cell(2).path("outputs").get(0);
        assertEquals("stderr", ordinaryCell.path("name").asText());
    }

    @Test
    void richOutputsKeepTheirMimeTypesAndTheirPlaceAmongPrintedText() throws Exception {
        Outcome outcome = run(Fixtures.notebook("rich-display.ipynb"));
        assertEquals(0, outcome.exitStatus(), outcome.report()::toString);

        JsonNode pictures = outcome.cell(2).path("outputs");
        assertTrue(pictures.get(0).path("data").path("image/svg+xml").get(0).asText().startsWith("<svg"));
        assertEquals("**2** tables in the catalog", pictures.get(1).path("data").path("text/markdown").get(0).asText());

        JsonNode renderableResult = outcome.cell(4).path("outputs").get(0);
        assertEquals("execute_result", renderableResult.path("output_type").asText());
        assertTrue(renderableResult.path("data").path("text/html").get(0).asText().contains("<td>orders-etl</td>"));
        assertEquals("orders-etl: 42 rows", renderableResult.path("data").path("text/plain").get(0).asText());

        JsonNode ordered = outcome.cell(5).path("outputs");
        assertEquals(List.of("stream", "display_data", "stream"),
                List.of(ordered.get(0).path("output_type").asText(), ordered.get(1).path("output_type").asText(), ordered.get(2).path("output_type").asText()));

        JsonNode plain = outcome.cell(6).path("outputs").get(0);
        assertEquals(List.of("text/plain"), List.copyOf(iterable(plain.path("data").fieldNames())));
    }

    @Test
    void classesRecordsEnumsVarTextBlocksAndRedefinitionsWorkAcrossCells() throws Exception {
        Outcome outcome = run(Fixtures.notebook("language-features.ipynb"));
        assertEquals(List.of(
                "✔ catalog-has-two-tables (1 pt): the catalog has 2 tables",
                "✔ redefined-method-is-used (1 pt): redefinitions replace earlier ones",
                "2 passed, 0 failed"), outcome.report());
        assertEquals("5 lines of DDL; orders are comma separated\n", outcome.cell(3).path("outputs").get(0).path("text").get(0).asText());
        assertEquals("14", outcome.cell(4).path("outputs").get(0).path("data").path("text/plain").get(0).asText());
    }

    @Test
    void magicsLoadFilesAndExtendTheClassPathRelativeToTheNotebook(@TempDir Path checkout) throws Exception {
        java.nio.file.Files.createDirectories(checkout.resolve("labs"));
        Outcome outcome = run(Fixtures.magicsNotebook(checkout.resolve("notebooks/magics")));
        assertEquals(0, outcome.exitStatus(), outcome.report()::toString);
        assertEquals("HELLO!", outcome.cell(2).path("outputs").get(0).path("data").path("text/plain").get(0).asText());
        assertEquals("hello, lab", outcome.cell(3).path("outputs").get(0).path("data").path("text/plain").get(0).asText());
        assertEquals("bye, lab", outcome.cell(4).path("outputs").get(0).path("data").path("text/plain").get(0).asText());
    }

    @Test
    void aNotebookInNoEditionIsNotRunAgainstAnotherCheckoutsLabs(@TempDir Path downloads) throws Exception {
        Path loose = downloads.resolve("all-pass.ipynb");
        java.nio.file.Files.copy(Fixtures.notebook("all-pass.ipynb"), loose);

        Outcome outcome = run(loose);
        assertEquals(RunNotebook.CANNOT_RUN, outcome.exitStatus());
        assertTrue(outcome.report().get(0).contains("is not in a lab edition"), outcome.report()::toString);
    }

    @Test
    void aMissingNotebookCannotRun() throws Exception {
        Outcome outcome = run(executed.resolve("nowhere.ipynb"));
        assertEquals(RunNotebook.CANNOT_RUN, outcome.exitStatus());
        assertTrue(outcome.report().get(0).startsWith("✘ no notebook at"));
    }

    private static Path inAnEdition(Path checkout, String name) throws Exception {
        Files.createDirectories(checkout.resolve("labs"));
        Path notebook = Files.createDirectories(checkout.resolve("notebooks")).resolve(name);
        Files.copy(Fixtures.notebook(name), notebook);
        return notebook;
    }

    private static List<String> textsOf(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new java.util.ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
