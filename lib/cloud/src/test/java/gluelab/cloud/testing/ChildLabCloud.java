package gluelab.cloud.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Lab Cloud in a child JVM, started exactly as {@code ./lab cloud} starts it ({@code java -cp
 * <target/classes + target/classpath.txt> gluelab.cloud.LabCloud --port P --state-dir D --glue-worker off}),
 * so a test can {@link #kill()} it like a crash ({@code kill -9}) and start another on the same state
 * directory. Run from the {@code cloud} module's directory, as Maven runs tests.
 */
public final class ChildLabCloud implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;

    private ChildLabCloud(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Lab Cloud on a free port, persisting in {@code stateDir}, and returns once it is healthy. */
    public static ChildLabCloud start(Path stateDir) {
        Path classes = Path.of("target/classes").toAbsolutePath();
        Path classpathFile = Path.of("target/classpath.txt");
        try {
            String classpath = classes + java.io.File.pathSeparator + Files.readString(classpathFile).trim();
            int port = freePort();
            Path log = Files.createTempFile("child-lab-cloud-" + port + "-", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx1g", "-cp", classpath, "gluelab.cloud.LabCloud",
                    "--port", Integer.toString(port), "--state-dir", stateDir.toAbsolutePath().toString(),
                    "--glue-worker", "off"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ChildLabCloud child = new ChildLabCloud(process, port, log);
            child.awaitHealthy();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Lab Cloud exited with " + process.exitValue() + " before it was "
                        + "healthy:\n" + output());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(endpoint().resolve("/_lab/health"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        kill();
        throw new IllegalStateException("Lab Cloud was not healthy within " + STARTUP + ":\n" + output());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** What the child printed so far, for failure messages. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** A client signed with {@code test/test} in us-east-1, aimed at this Lab Cloud. */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return client(builder, RunningLabCloud.TEST_CREDENTIALS);
    }

    public <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentialsProvider credentials) {
        return LabClients.aimedAt(builder, endpoint(), credentials, Region.US_EAST_1);
    }

    /** {@code GET} of an admin route ({@code /_lab/...}), as JSON. */
    public com.fasterxml.jackson.databind.JsonNode adminGet(String pathAndQuery) {
        return admin(java.net.http.HttpRequest.newBuilder(endpoint().resolve(pathAndQuery)).GET());
    }

    /** {@code POST /_lab/clock/advance} by {@code by}; returns the answer (from, to, fired). */
    public com.fasterxml.jackson.databind.JsonNode advanceClock(java.time.Duration by) {
        return admin(java.net.http.HttpRequest.newBuilder(endpoint().resolve("/_lab/clock/advance"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"seconds\":" + by.toSeconds() + "}")));
    }

    private com.fasterxml.jackson.databind.JsonNode admin(java.net.http.HttpRequest.Builder request) {
        try {
            String body = java.net.http.HttpClient.newHttpClient()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return gluelab.cloud.state.Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the process the way a crash does: SIGKILL on Linux, no shutdown hooks, nothing flushed. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Ends the process gracefully (SIGTERM), letting Lab Cloud close its state. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // A temporary log file; nothing depends on it.
        }
    }
}
