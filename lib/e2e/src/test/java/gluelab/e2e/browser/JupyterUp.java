package gluelab.e2e.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gluelab.lab.LabHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./lab up --no-browser --jupyter notebook --port <free>} in a JVM of its own, as a learner starts it, with
 * its Jupyter settings (kernelspec, runtime, config) in a folder of the test's, against the test's Lab Cloud.
 * Debian's Jupyter Notebook 6 is the one CI installs, so the test asks for it even where JupyterLab exists.
 */
final class JupyterUp implements AutoCloseable {

    private static final Path NOTEBOOK = Path.of("/usr/bin/jupyter-notebook");
    private static final String URL_LINE = "lab: Jupyter is at ";

    private final Process process;
    private final URI url;
    private final StringBuffer log;

    private JupyterUp(Process process, URI url, StringBuffer log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Skips (off CI) or fails (on CI) unless Debian's Jupyter Notebook is installed. */
    static void assumeInstalled() {
        String missing = "the browser tests need Debian's Jupyter Notebook (apt-get install jupyter-notebook)";
        if (HeadlessChromium.isCi()) {
            assertTrue(Files.isExecutable(NOTEBOOK), missing + ": CI installs it in .ci/run");
        } else {
            assumeTrue(Files.isExecutable(NOTEBOOK), missing + "; skipped");
        }
    }

    /** Starts Jupyter on {@code notebookDir}, its kernels talking to {@code endpoint}; returns once it listens. */
    static JupyterUp start(Path notebookDir, URI endpoint, Path settings) throws IOException, InterruptedException {
        Path home = LabHome.locate();
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "gluelab.cli.LabCli",
                "up", "--no-browser", "--jupyter", "notebook", "--port", String.valueOf(freePort()),
                "--notebook-dir=" + notebookDir));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(home.toFile());
        builder.environment().put("GLUELAB_HOME", home.toString());
        builder.environment().put("LAB_ENDPOINT", endpoint.toString());
        builder.environment().put("JUPYTER_PATH", settings.resolve("data").toString());
        builder.environment().put("JUPYTER_DATA_DIR", settings.resolve("data").toString());
        builder.environment().put("JUPYTER_CONFIG_DIR", settings.resolve("config").toString());
        builder.environment().put("JUPYTER_RUNTIME_DIR", settings.resolve("runtime").toString());
        Process process = builder.start();
        StringBuffer log = new StringBuffer();
        CompletableFuture<URI> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.append(line).append('\n');
                    if (line.startsWith(URL_LINE)) {
                        url.complete(URI.create(line.substring(URL_LINE.length()).strip()));
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
            url.completeExceptionally(new IllegalStateException("./lab up ended without printing the URL"));
        }, "jupyter-up-log");
        reader.setDaemon(true);
        reader.start();
        try {
            return new JupyterUp(process, url.get(2, TimeUnit.MINUTES), log);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            stop(process);
            throw new AssertionError("./lab up did not print \"" + URL_LINE + "…\":\n" + log, e);
        }
    }

    /** The URL {@code ./lab up} printed, with the token. */
    URI url() {
        return url;
    }

    /** A notebook's page: {@code /notebooks/<path>?token=…}. */
    String notebookPage(String relativePath) {
        return url.getScheme() + "://" + url.getAuthority() + "/notebooks/" + relativePath + "?" + url.getQuery();
    }

    String log() {
        return log.toString();
    }

    @Override
    public void close() {
        stop(process);
    }

    /** Stops {@code ./lab up}, Jupyter under it and the kernels under Jupyter. */
    private static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
