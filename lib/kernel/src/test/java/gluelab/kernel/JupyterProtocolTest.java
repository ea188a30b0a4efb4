package gluelab.kernel;

import gluelab.lab.LabHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.kernel.install.KernelspecInstaller;
import gluelab.kernel.testing.Fixtures;
import gluelab.kernel.testing.PreparedMavenRepository;
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

    /**
     * IJava's magics, display API and readable errors, through nbclient, on a kernel whose user has a prepared local
     * Maven repository and {@code <offline>true</offline>} in {@code ~/.m2/settings.xml}: nothing may come from a
     * network, and repositories on disk stand for remote ones.
     */
    @Test
    void theKernelSpeaksIJavaMagicsDisplayAndErrorsOffline() throws Exception {
        Path home = jupyter.resolve("home");
        PreparedMavenRepository local = PreparedMavenRepository.localWithTestLibraries(home.resolve("local-repository"),
                Fixtures.labRuntime("awssdk.version"));
        PreparedMavenRepository team = PreparedMavenRepository.remoteWith(jupyter.resolve("team-repository"),
                "gluelab.test:team-tool:1.0", "TeamTool", "ship it");
        PreparedMavenRepository shared = PreparedMavenRepository.remoteWith(jupyter.resolve("shared-repository"),
                "gluelab.test:pom-tool:2.0", "PomTool", "from a POM");
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings><localRepository>" + local.root()
                + "</localRepository><offline>true</offline></settings>");
        installKernelspecForUserHome("java-offline", home);
        Path magics = Fixtures.magicsNotebook(jupyter.resolve("magics"));
        Path ijava = jupyter.resolve("ijava/ijava.ipynb");
        writeNotebook(ijava, List.of(
                "%lsmagic",
                "%maven gluelab.test:greeter:1.0",
                "gluelab.test.greeter.Greeter.greet(\"Ada\")",
                "%addMavenRepo team " + team.uri() + "\n%maven gluelab.test:team-tool:1.0\ngluelab.test.team.TeamTool.motto()",
                "%%loadFromPOM\n<repository>\n  <id>shared</id>\n  <url>" + shared.uri() + "</url>\n</repository>\n"
                        + "<dependency>\n  <groupId>gluelab.test</groupId>\n  <artifactId>pom-tool</artifactId>\n  <version>2.0</version>\n</dependency>",
                "gluelab.test.team.PomTool.motto()",
                "%maven gluelab.test:nothing:9.9",
                "%maven gluelab.test:scala-tool:1.0",
                "%maven gluelab.test:json-tool:1.0",
                "%time 6 * 7",
                "%%time\nint base = 40;\nbase + 2",
                "String countdown = display(\"<b>3</b>\", \"text/html\");\nupdateDisplay(countdown, \"<b>liftoff</b>\", \"text/html\");",
                "display(MimeBundle.markdown(\"**bold**\"));\nrender(\"<i>it</i>\", \"text/html\")",
                "record Invoice(String customer, int cents) {}\n"
                        + "Display.register(Invoice.class, i -> MimeBundle.html(\"<b>\" + i.customer() + \"</b>\", i.customer()));\n"
                        + "new Invoice(\"Ada\", 1250)",
                "String s = null;\ns.length()",
                "record Order(int id) {}\nObject o = new Order(1);\nString t = (String) o;",
                "updateDisplay(countdown, \"<b>again</b>\", \"text/html\");"));
        Path executed = jupyter.resolve("executed-ijava");
        Path messages = jupyter.resolve("ijava-messages.jsonl");
        python(List.of(SCRIPTS.resolve("execute_with_nbclient.py").toString(), "--kernel", "java-offline",
                "--messages", messages.toString(), executed.toString(), ijava.toString(), magics.toString()));
        JsonNode cells = JSON.readTree(executed.resolve("ijava.ipynb").toFile()).path("cells");

        String listing = text(cells.get(0), "stdout");
        for (String magic : List.of("%maven ", "%addMavenRepo ", "%loadFromPOM ", "%%loadFromPOM ", "%lsmagic ", "%time ",
                "%%time ", "%jars ", "%classpath ", "%load ")) {
            assertTrue(listing.contains("\n  " + magic), () -> magic + " is not listed:\n" + listing);
        }
        assertEquals("Added to the class path:\n"
                + "  gluelab.test:greeter:1.0  (local repository)\n"
                + "  gluelab.test:greeting-words:1.0  (local repository; needed by gluelab.test:greeter:1.0)\n",
                text(cells.get(1), "stdout"));
        assertEquals("Hello, Ada!", result(cells.get(2)));
        assertTrue(text(cells.get(3), "stdout").contains("gluelab.test:team-tool:1.0  (downloaded from team (" + team.uri() + "))"),
                () -> text(cells.get(3), "stdout"));
        assertEquals("ship it", result(cells.get(3)));
        assertEquals("from a POM", result(cells.get(5)));

        JsonNode unknown = error(cells.get(6));
        assertEquals("MagicError", unknown.path("ename").asText());
        assertEquals("%maven: gluelab.test:nothing:9.9 was not found. Looked in the local repository " + local.root()
                + ", then team (" + team.uri() + "). Maven is offline (<offline>true</offline> in " + home.resolve(".m2/settings.xml")
                + "), so central (https://repo.maven.apache.org/maven2/) was not searched.", unknown.path("evalue").asText());
        String clash = error(cells.get(7)).path("evalue").asText();
        assertTrue(clash.startsWith("%maven: org.scala-lang:scala-library:2.13.14 (needed by gluelab.test:scala-tool:1.0) is a "
                + "second Scala library") && clash.contains("\"IllegalArgumentException: too many arguments\""), clash);
        assertTrue(text(cells.get(8), "stderr").startsWith("Not added: com.fasterxml.jackson.core:jackson-databind:2.17.0 (needed by "
                + "gluelab.test:json-tool:1.0): the class path already has the lab's " + Fixtures.kernelJarVersion("jackson-databind")),
                () -> text(cells.get(8), "stderr"));

        assertTrue(text(cells.get(9), "stdout").matches("(?s)CPU times: user .+, sys: .+, total: .+\nWall time: .+\n"),
                () -> text(cells.get(9), "stdout"));
        assertEquals("42", result(cells.get(9)));
        assertEquals("42", result(cells.get(10)));
        assertTrue(text(cells.get(10), "stdout").contains("Wall time: "), () -> text(cells.get(10), "stdout"));

        JsonNode countdown = cells.get(11).path("outputs");
        assertEquals(1, countdown.size(), countdown::toString);
        assertEquals("<b>again</b>", joined(countdown.get(0).path("data").path("text/html")),
                "nbclient applies both updates, the later one from another cell, to the one display");
        List<JsonNode> countdownMessages = messages(messages, "ijava.ipynb", 11);
        String displayId = countdownMessages.get(0).path("content").path("transient").path("display_id").asText();
        assertEquals(List.of("display_data", "update_display_data"), countdownMessages.stream().map(m -> m.path("msg_type").asText()).toList());
        assertEquals(displayId, countdownMessages.get(1).path("content").path("transient").path("display_id").asText());
        assertEquals("<b>liftoff</b>", countdownMessages.get(1).path("content").path("data").path("text/html").asText());
        assertFalse(displayId.isEmpty());
        JsonNode later = messages(messages, "ijava.ipynb", 16).get(0);
        assertEquals("update_display_data", later.path("msg_type").asText());
        assertEquals(displayId, later.path("content").path("transient").path("display_id").asText());

        JsonNode bundles = cells.get(12).path("outputs");
        assertEquals("**bold**", joined(bundles.get(0).path("data").path("text/markdown")));
        assertEquals("execute_result", bundles.get(1).path("output_type").asText());
        assertEquals("<i>it</i>", joined(bundles.get(1).path("data").path("text/html")));
        assertEquals("<b>Ada</b>", joined(cells.get(13).path("outputs").get(0).path("data").path("text/html")));

        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null", error(cells.get(14)).path("evalue").asText());
        JsonNode cast = error(cells.get(15));
        assertEquals("java.lang.ClassCastException", cast.path("ename").asText());
        assertTrue(cast.path("evalue").asText().startsWith("class Order cannot be cast to class java.lang.String (Order is in"),
                cast.path("evalue")::asText);
        assertEquals("\tat Cell In[16], line 3", cast.path("traceback").get(1).asText());

        JsonNode magicCells = JSON.readTree(executed.resolve("magics.ipynb").toFile()).path("cells");
        assertEquals("HELLO!", result(magicCells.get(1)));
        assertEquals("hello, lab", result(magicCells.get(2)));
        assertEquals("bye, lab", result(magicCells.get(3)));
    }

    @Test
    void theKernelCompletesInspectsInterruptsBusyCellsAndLabWaitsAbortsRunAllAfterAnErrorAndKeepsItsOwnLoggingOutOfStderr() throws Exception {
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

        JsonNode wait = report.path("interrupted_wait");
        assertEquals("error", wait.path("status").asText());
        JsonNode waitOutputs = wait.path("outputs");
        JsonNode progress = waitOutputs.get(0);
        assertEquals("display_data", progress.path("type").asText());
        String progressId = progress.path("content").path("transient").path("display_id").asText();
        assertFalse(progressId.isEmpty(), "the progress line has a display id");
        List<String> updates = new ArrayList<>();
        for (JsonNode output : waitOutputs) {
            if (output.path("type").asText().equals("update_display_data")) {
                assertEquals(progressId, output.path("content").path("transient").path("display_id").asText());
                updates.add(output.path("content").path("data").path("text/plain").asText());
            }
        }
        assertTrue(updates.size() >= 2, "the line was redrawn in place as the wait went on: " + updates);
        assertEquals("Run jr_1 of lab01-job: RUNNING", updates.get(0));
        assertEquals("Run jr_1 of lab01-job: RUNNING … interrupted.", updates.get(updates.size() - 1));
        assertEquals(0, waitOutputs.findValues("name").stream().filter(name -> name.asText().equals("stderr")).count());
        assertEquals("Interrupted", waitOutputs.get(waitOutputs.size() - 1).path("content").path("ename").asText());
        assertEquals("hello after the wait", report.path("after_interrupted_wait").path("outputs").get(0).path("content")
                .path("data").path("text/plain").asText());

        JsonNode runAll = report.path("run_all_after_an_error");
        assertEquals("[\"error\",\"aborted\",\"aborted\"]", runAll.path("statuses").toString(),
                "cells queued behind a failing one are aborted (stop_on_error)");
        assertEquals("[]", runAll.path("printed").toString());
        assertEquals("hello after Run All", report.path("after_run_all").path("outputs").get(0).path("content")
                .path("data").path("text/plain").asText());

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

    /** A kernelspec like the installed one whose JVM takes {@code home} as the user's home (and so its ~/.m2). */
    private static void installKernelspecForUserHome(String name, Path home) throws IOException {
        ObjectNode spec = (ObjectNode) JSON.readTree(jupyter.resolve("data/kernels/java/kernel.json").toFile());
        ArrayNode argv = (ArrayNode) spec.path("argv");
        argv.insert(1, "-Duser.home=" + home);
        spec.put("display_name", "Java (Glue Lab), home " + home);
        Path directory = Files.createDirectories(jupyter.resolve("data/kernels").resolve(name));
        JSON.writeValue(directory.resolve("kernel.json").toFile(), spec);
    }

    private static void writeNotebook(Path file, List<String> sources) throws IOException {
        ObjectNode notebook = JSON.createObjectNode();
        ArrayNode cells = notebook.putArray("cells");
        for (int i = 0; i < sources.size(); i++) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", "code").put("id", "cell-" + i).put("source", sources.get(i));
            cell.putObject("metadata");
            cell.putArray("outputs");
            cell.putNull("execution_count");
        }
        notebook.putObject("metadata");
        notebook.put("nbformat", 4).put("nbformat_minor", 5);
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), notebook);
    }

    /** The text a cell wrote to one stream ("stdout" or "stderr"). */
    private static String text(JsonNode cell, String stream) {
        StringBuilder text = new StringBuilder();
        for (JsonNode output : cell.path("outputs")) {
            if (output.path("output_type").asText().equals("stream") && output.path("name").asText().equals(stream)) {
                text.append(joined(output.path("text")));
            }
        }
        return text.toString();
    }

    private static String result(JsonNode cell) {
        for (JsonNode output : cell.path("outputs")) {
            if (output.path("output_type").asText().equals("execute_result")) {
                return joined(output.path("data").path("text/plain"));
            }
        }
        throw new AssertionError("no result in " + cell);
    }

    private static JsonNode error(JsonNode cell) {
        for (JsonNode output : cell.path("outputs")) {
            if (output.path("output_type").asText().equals("error")) {
                return output;
            }
        }
        throw new AssertionError("no error in " + cell);
    }

    /** nbformat's multiline text: a string, or a list of lines. */
    private static String joined(JsonNode text) {
        if (!text.isArray()) {
            return text.asText();
        }
        StringBuilder joined = new StringBuilder();
        text.forEach(line -> joined.append(line.asText()));
        return joined.toString();
    }

    /** The display messages execute_with_nbclient.py recorded for one cell. */
    private static List<JsonNode> messages(Path file, String notebook, int cell) throws IOException {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode message = JSON.readTree(line);
            String type = message.path("msg_type").asText();
            if (message.path("notebook").asText().equals(notebook) && message.path("cell").asInt() == cell
                    && (type.equals("display_data") || type.equals("update_display_data"))) {
                messages.add(message);
            }
        }
        return messages;
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
