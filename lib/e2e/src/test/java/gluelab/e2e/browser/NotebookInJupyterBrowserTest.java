package gluelab.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.e2e.LabCloudWithWorker;
import gluelab.kernel.install.KernelspecInstaller;
import gluelab.kernel.student.StudentEditionWriter;
import gluelab.lab.LabHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The learner's real path: {@code ./lab up} starts Debian's Jupyter Notebook, headless Chromium opens notebook 01
 * and runs it with Cell → Run All on the "Java (Glue Lab)" kernel, and the page is read as a learner reads it.
 * The notebook is served from a copy of the checkout's edition (its {@code labs/} and {@code data/} linked), so
 * Jupyter's autosave never writes into {@code notebooks/}. Screenshots go to {@code build/screenshots/}.
 */
class NotebookInJupyterBrowserTest {

    private static final Path HOME = LabHome.locate();
    private static final Path SCREENSHOTS = HOME.resolve("build/screenshots");
    private static final String NOTEBOOK = "01-csv-to-parquet.ipynb";

    @RegisterExtension
    static RunningLabCloud cloud = LabCloudWithWorker.shared();

    @TempDir
    Path scratch;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        HeadlessChromium.assumeInstalled();
        JupyterUp.assumeInstalled();
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void notebook01RunsInJupyterOnTheLabKernelWithItsPicturesTablesTimelineAndEveryCheckPassing() throws Exception {
        Path edition = Files.createDirectories(scratch.resolve("instructor"));
        Files.createDirectories(edition.resolve("notebooks"));
        Files.copy(HOME.resolve("notebooks").resolve(NOTEBOOK), edition.resolve("notebooks").resolve(NOTEBOOK));
        Files.createSymbolicLink(edition.resolve("labs"), HOME.resolve("labs"));
        Files.createSymbolicLink(edition.resolve("data"), HOME.resolve("data"));
        List<Integer> checks = checkCells(edition.resolve("notebooks").resolve(NOTEBOOK));
        int timelineCell = cellWith(edition.resolve("notebooks").resolve(NOTEBOOK), "lab.timeline(");

        try (JupyterUp jupyter = JupyterUp.start(edition.resolve("notebooks"), cloud.endpoint(), scratch.resolve("jupyter"))) {
            ClassicNotebookPage page = ClassicNotebookPage.open(browser, jupyter.notebookPage(NOTEBOOK));
            assertThat(page.kernelName()).isEqualTo(KernelspecInstaller.DISPLAY_NAME);
            page.runAll();
            page.waitForRunToEnd();

            List<WebElement> cells = page.cells();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                String errors = ClassicNotebookPage.outputs(cells.get(i), "output_error")
                        + ClassicNotebookPage.outputs(cells.get(i), "output_stderr");
                if (!errors.isBlank()) {
                    problems.add("cell " + i + ": " + errors);
                }
            }
            assertThat(problems).as("error or stderr output, Jupyter's log:%n%s", jupyter.log()).isEmpty();

            WebElement architecture = cells.get(3);
            assertThat(ClassicNotebookPage.hasSvg(architecture)).as("the architecture picture is an SVG").isTrue();
            assertThat(architecture.findElement(By.cssSelector(".output_subarea svg")).getText())
                    .contains("csv-to-parquet", "CloudWatch Logs");
            List<WebElement> tables = browser.findElements(By.cssSelector(".output_html table"));
            assertThat(tables).as("HTML tables (the CSV, the job run, the Parquet read back)").hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser.findElements(By.cssSelector(".output_html table tbody tr"))).hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser.findElement(By.cssSelector(".output_html")).getText()).isNotBlank();
            WebElement timeline = cells.get(timelineCell);
            assertThat(ClassicNotebookPage.hasSvg(timeline)).as("lab.timeline() draws an SVG").isTrue();
            assertThat(timeline.findElement(By.cssSelector(".output_subarea svg")).getText())
                    .as("the timeline has a lane for each bucket and for the job").contains("lab01-raw", "lab01-refined", "lab01-csv-to-parquet");

            for (int check : checks) {
                String printed = ClassicNotebookPage.outputs(cells.get(check), "output_stdout");
                assertThat(printed).as("check cell %d", check).startsWith("✔").doesNotContain("✘");
            }
            page.scrollTo(cells.get(checks.get(0) - 1));
            HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("notebook-01-in-jupyter.png"));
        }
    }

    @Test
    void aLearnerEditionOfNotebook01StopsAtItsExerciseWithAFriendlyMessageBeforeAnyCheckRuns() throws Exception {
        Path edition = scratch.resolve("learner");
        StudentEditionWriter.write(HOME, edition);
        List<Integer> checks = checkCells(edition.resolve("notebooks").resolve(NOTEBOOK));

        try (JupyterUp jupyter = JupyterUp.start(edition.resolve("notebooks"), cloud.endpoint(), scratch.resolve("jupyter"))) {
            ClassicNotebookPage page = ClassicNotebookPage.open(browser, jupyter.notebookPage(NOTEBOOK));
            page.runAll();
            page.waitForRunToEnd();

            List<WebElement> cells = page.cells();
            String exercise = ClassicNotebookPage.outputs(cells.get(18), "output_error");
            assertThat(exercise).contains("Exercise: Create the Glue job with glue.createJob(...) (see the markdown above)");
            // Run All stops at the first error (stop_on_error): the checks were queued behind it and never ran.
            for (int check : checks) {
                assertThat(ClassicNotebookPage.prompt(cells.get(check))).as("check cell %d after the exercise", check)
                        .isEqualTo("In [ ]:");
                assertThat(ClassicNotebookPage.outputs(cells.get(check), "output_stdout")).doesNotContain("✔");
            }
            page.scrollTo(cells.get(16));
            HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("notebook-01-learner-edition-in-jupyter.png"));
        }
    }

    /** The indexes of the nbgrader check cells ({@code grade: true}), counting every cell. */
    private static int cellWith(Path notebook, String code) throws IOException {
        JsonNode cells = new ObjectMapper().readTree(notebook.toFile()).path("cells");
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).path("cell_type").asText().equals("code") && cells.get(i).path("source").toString().contains(code)) {
                return i;
            }
        }
        throw new AssertionError(notebook + " has no code cell with " + code);
    }

    private static List<Integer> checkCells(Path notebook) throws IOException {
        JsonNode cells = new ObjectMapper().readTree(notebook.toFile()).path("cells");
        List<Integer> checks = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).path("metadata").path("nbgrader").path("grade").asBoolean()) {
                checks.add(i);
            }
        }
        assertThat(checks).as("check cells in %s", notebook).isNotEmpty();
        return checks;
    }
}
