package gluelab.e2e.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.kernel.install.KernelspecInstaller;
import gluelab.lab.LabHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real notebooks through the real Jupyter protocol: Debian's nbclient starts the installed "Java (Glue Lab)"
 * kernel, as JupyterLab or nbconvert would, and runs notebooks 01 and 02 against a Lab Cloud. No cell may
 * end in an error or write to stderr, and the pictures must arrive as rich display data.
 */
class NotebooksThroughJupyterTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path HOME = LabHome.locate();
    private static final List<String> NOTEBOOKS = List.of("01", "02");

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults()
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER));

    @TempDir
    Path scratch;

    @Test
    void nbclientRunsRealNotebooksWithoutErrorsOrStderrAndWithRichPictures() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3 with nbclient (Debian: python3-nbclient)");
        Path jupyterPath = scratch.resolve("jupyter");
        KernelspecInstaller.install(HOME, jupyterPath.resolve("kernels").resolve(KernelspecInstaller.KERNEL_NAME));
        Path executed = scratch.resolve("executed");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(),
                HOME.resolve("lib/kernel/src/test/python/execute_with_nbclient.py").toString(), executed.toString()));
        List<Path> notebooks = new ArrayList<>();
        for (String number : NOTEBOOKS) {
            Path notebook = notebook(number);
            notebooks.add(notebook);
            command.add(notebook.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JUPYTER_PATH", jupyterPath.toString());
        builder.environment().put("LAB_ENDPOINT", cloud.endpoint().toString());
        builder.environment().put("GLUELAB_HOME", HOME.toString());
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("nbclient finished").isTrue();
        assertThat(process.exitValue()).as("nbclient:%n%s", log).isZero();

        for (Path notebook : notebooks) {
            JsonNode result = new ObjectMapper().readTree(executed.resolve(notebook.getFileName()).toFile());
            List<String> problems = new ArrayList<>();
            boolean rich = false;
            for (JsonNode cell : result.get("cells")) {
                for (JsonNode output : cell.path("outputs")) {
                    String type = output.path("output_type").asText();
                    if (type.equals("error")) {
                        problems.add("error: " + output.path("ename").asText() + ": " + output.path("evalue").asText());
                    }
                    if (type.equals("stream") && output.path("name").asText().equals("stderr")) {
                        problems.add("stderr: " + output.path("text"));
                    }
                    JsonNode data = output.path("data");
                    rich |= data.has("image/svg+xml") || data.has("text/html");
                }
            }
            assertThat(problems).as("%s", notebook.getFileName()).isEmpty();
            assertThat(rich).as("%s shows rich output (SVG or HTML)", notebook.getFileName()).isTrue();
        }
    }

    private static Path notebook(String number) throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("notebooks"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(number + "-")
                            && p.getFileName().toString().endsWith(".ipynb"))
                    .findFirst().orElseThrow(() -> new AssertionError("no notebook " + number + " in notebooks/"));
        }
    }
}
