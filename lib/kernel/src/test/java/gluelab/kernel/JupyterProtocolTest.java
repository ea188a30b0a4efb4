package gluelab.kernel;

import gluelab.lab.LabHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.kernel.install.KernelspecInstaller;
import gluelab.kernel.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kernel end to end, through the real Jupyter protocol: the installed kernelspec is started by
 * jupyter_client and nbclient (Debian's python3-nbclient), exactly as JupyterLab and nbconvert would.
 */
class JupyterProtocolTest {

    /** Notebooks nbclient must run without errors or stderr; add the real notebooks here as they land. */
    static final List<Path> NOTEBOOKS = List.of(
            Fixtures.notebook("all-pass.ipynb"),
            Fixtures.notebook("rich-display.ipynb"),
            Fixtures.notebook("language-features.ipynb"));

    private static final Path PYTHON = Path.of(System.getProperty("gluelab.python", "/usr/bin/python3"));
    private static final Path SCRIPTS = Path.of(System.getProperty("basedir", ".")).resolve("src/test/python");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path jupyter;

    @BeforeAll
    static void installKernelspec() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "needs " + PYTHON + " with nbclient (Debian: python3-nbclient)");
        KernelspecInstaller.install(LabHome.locate(), jupyter.resolve("data/kernels/java"));
    }

    @Test
    void nbclientRunsNotebooksWithoutErrorsOrStderrAndReceivesRichOutput() throws Exception {
        Path executed = jupyter.resolve("executed");
        List<String> arguments = new ArrayList<>(List.of(SCRIPTS.resolve("execute_with_nbclient.py").toString(), executed.toString()));
        NOTEBOOKS.forEach(notebook -> arguments.add(notebook.toString()));
        python(arguments);

        Set<String> displayedTypes = new HashSet<>();
        for (Path notebook : NOTEBOOKS) {
            JsonNode cells = JSON.readTree(executed.resolve(notebook.getFileName().toString()).toFile()).path("cells");
            for (JsonNode cell : cells) {
                for (JsonNode output : cell.path("outputs")) {
                    String where = notebook.getFileName() + ", cell " + cell.path("id").asText() + ": " + output;
                    assertFalse(output.path("output_type").asText().equals("error"), where);
                    assertFalse(output.path("name").asText().equals("stderr"), where);
                    if (output.path("output_type").asText().equals("display_data")) {
                        output.path("data").fieldNames().forEachRemaining(displayedTypes::add);
                    }
                }
                if (cell.path("cell_type").asText().equals("code")) {
                    assertTrue(cell.path("execution_count").isInt(), notebook.getFileName() + " cell " + cell.path("id").asText() + " did not run");
                }
            }
        }
        assertTrue(displayedTypes.contains("image/svg+xml") && displayedTypes.contains("text/html"), displayedTypes::toString);
    }

    @Test
    void theKernelCompletesInspectsInterruptsAndKeepsItsOwnLoggingOutOfStderr() throws Exception {
        JsonNode report = JSON.readTree(python(List.of(SCRIPTS.resolve("drive_kernel.py").toString())));

        assertEquals("java", report.path("kernel_info").path("language_info").path("name").asText());
        assertTrue(report.path("complete").path("matches").toString().contains("toUpperCase("));
        assertEquals(9, report.path("complete").path("cursor_start").asInt());
        assertTrue(report.path("inspect").path("data").path("text/plain").asText().contains("Math.max(int a, int b)"));
        assertEquals("complete", report.path("is_complete_yes").path("status").asText());
        assertEquals("incomplete", report.path("is_complete_no").path("status").asText());

        JsonNode interrupted = report.path("interrupted");
        assertEquals("error", interrupted.path("status").asText());
        JsonNode outputs = interrupted.path("outputs");
        assertEquals("spinning\n", outputs.get(0).path("content").path("text").asText());
        assertEquals("Interrupted", outputs.get(outputs.size() - 1).path("content").path("ename").asText());
        assertEquals("hello again", report.path("after_interrupt").path("outputs").get(0).path("content").path("data").path("text/plain").asText());

        JsonNode streams = report.path("streams").path("outputs");
        assertEquals(List.of("stdout:out 1\n", "stderr:err 1\n", "stdout:out 2\n"), List.of(
                streamText(streams.get(0)), streamText(streams.get(1)), streamText(streams.get(2))));
        assertEquals("", report.path("kernel_stderr").asText());
        assertEquals("", report.path("kernel_stdout").asText());
    }

    @Test
    void theKernelExitsWhenTheProcessThatStartedItDies() throws Exception {
        Process parent = new ProcessBuilder("sleep", "120").start();
        Path connectionFile = jupyter.resolve("orphan-connection.json");
        Files.writeString(connectionFile, JSON.writeValueAsString(Map.of(
                "transport", "tcp", "ip", "127.0.0.1", "signature_scheme", "hmac-sha256", "key", "orphan-test",
                "shell_port", freePort(), "iopub_port", freePort(), "stdin_port", freePort(),
                "control_port", freePort(), "hb_port", freePort())));
        List<String> argv = new ArrayList<>();
        JSON.readTree(jupyter.resolve("data/kernels/java/kernel.json").toFile()).path("argv")
                .forEach(part -> argv.add(part.asText().replace("{connection_file}", connectionFile.toString())));
        ProcessBuilder kernelBuilder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(jupyter.resolve("orphan-kernel.out").toFile());
        kernelBuilder.environment().put("JPY_PARENT_PID", String.valueOf(parent.pid()));
        Process kernel = kernelBuilder.start();
        try {
            assertFalse(kernel.waitFor(3, TimeUnit.SECONDS), "the kernel must keep running while its parent lives");
            parent.destroy();
            assertTrue(kernel.waitFor(15, TimeUnit.SECONDS), "the kernel must exit once its parent is gone");
        } finally {
            kernel.destroyForcibly();
            parent.destroyForcibly();
        }
    }

    private static String streamText(JsonNode output) {
        return output.path("content").path("name").asText() + ":" + output.path("content").path("text").asText();
    }

    /** Runs a Python script against the kernelspec installed here; returns its stdout, fails on a non-zero exit. */
    private static String python(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(PYTHON.toString());
        command.addAll(arguments);
        Path stdout = Files.createTempFile(jupyter, "python", ".out");
        Path stderr = Files.createTempFile(jupyter, "python", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("JUPYTER_PATH", jupyter.resolve("data").toString());
        builder.environment().put("JUPYTER_RUNTIME_DIR", jupyter.resolve("runtime").toString());
        builder.environment().put("JUPYTER_PLATFORM_DIRS", "1");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("python timed out: " + command);
        }
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + read(stderr));
        return read(stdout);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
