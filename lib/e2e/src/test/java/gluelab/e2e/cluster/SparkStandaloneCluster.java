package gluelab.e2e.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.services.glue.worker.WorkerCommandLine;
import java.io.File;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Spark standalone cluster on loopback, from Spark's own classes: one Master and {@code workers} Workers
 * ({@code org.apache.spark.deploy.master.Master}, {@code …worker.Worker}), each in its own JVM, each Worker with
 * one core. The Workers launch executors as Spark does, from a Spark home whose {@code jars/} is what a Spark
 * distribution holds: this test class path without the Lab's code, hadoop-aws, the AWS SDK, Iceberg, Deequ and
 * the PostgreSQL driver, so that those reach the executors only if Lab Cloud ships them. Every JVM it starts
 * (with the executors below the Workers) is ended after the tests, whatever their outcome.
 */
public final class SparkStandaloneCluster implements BeforeAllCallback, AfterAllCallback {

    private static final List<String> NOT_IN_A_SPARK_DISTRIBUTION = List.of("gluelab/", "org/apache/hadoop/fs/s3a/",
            "software/amazon/", "org/apache/iceberg/", "com/amazon/deequ/", "org/postgresql/");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final int workers;
    private final int masterPort = freePort();
    private final int masterUiPort = freePort();
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> workDirectories = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Path root;

    public SparkStandaloneCluster(int workers) {
        this.workers = workers;
    }

    /** {@code spark://127.0.0.1:PORT}, known before the cluster starts. */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        root = Files.createTempDirectory("spark-cluster-");
        Path sparkHome = sparkDistribution(root.resolve("spark-home"));
        try {
            start("master", sparkHome, "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUiPort));
            for (int i = 1; i <= workers; i++) {
                Path work = Files.createDirectories(root.resolve("worker-" + i));
                workDirectories.add(work);
                start("worker-" + i, sparkHome, "org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                        "--work-dir", work.toString(), masterUrl());
            }
            awaitAliveWorkers();
        } catch (Exception | AssertionError e) {
            afterAll(context);
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Workers first, each with the executors it launched, then the master.
        for (int i = processes.size() - 1; i >= 0; i--) {
            end(processes.get(i));
        }
        processes.clear();
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temporary directory
            }
        }
    }

    /** The master's view ({@code /json}): its workers and applications. */
    public JsonNode masterState() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    /** The stderr logs of every executor the Workers launched for {@code appId}, one text per executor. */
    public List<String> executorLogs(String appId) throws IOException {
        List<String> logs = new ArrayList<>();
        for (Path work : workDirectories) {
            Path app = work.resolve(appId);
            if (!Files.isDirectory(app)) {
                continue;
            }
            try (Stream<Path> executors = Files.list(app)) {
                for (Path executor : executors.sorted().toList()) {
                    Path stderr = executor.resolve("stderr");
                    if (Files.isRegularFile(stderr)) {
                        logs.add(Files.readString(stderr));
                    }
                }
            }
        }
        return logs;
    }

    private void start(String name, Path sparkHome, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(WorkerCommandLine.sparkFlags());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, testClasspath()));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.12");
        builder.environment().remove("SPARK_CONF_DIR");
        processes.add(builder.start());
    }

    private void awaitAliveWorkers() throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("A Spark daemon exited at start; see the logs in " + root);
                }
            }
            try {
                if (masterState().path("aliveworkers").asInt() == workers) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the master's web UI is not up yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Spark's " + workers + " workers did not register in " + START_LIMIT
                        + "; see the logs in " + root);
            }
            Thread.sleep(200);
        }
    }

    /** A Spark home whose {@code jars/} links the jars of this class path that a Spark distribution would hold. */
    private static Path sparkDistribution(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        int index = 0;
        for (String entry : testClasspath()) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(jar) && !holdsAny(jar, NOT_IN_A_SPARK_DISTRIBUTION)) {
                Files.createSymbolicLink(jars.resolve(String.format("%03d-%s", ++index, jar.getFileName())), jar.toAbsolutePath());
            }
        }
        return home;
    }

    private static boolean holdsAny(Path jar, List<String> packages) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> packages.stream().anyMatch(e.getName()::startsWith));
        }
    }

    /** Surefire runs tests from a manifest-only jar; it names the real class path in a property. */
    private static List<String> testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(classpath.split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
    }

    private static void end(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
