package gluelab.cli.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.services.glue.worker.WorkerClasspath;
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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A real Spark standalone cluster on loopback, for the benchmarks and the tests of {@code --spark-master}: one
 * Master and N Workers from Spark's own classes ({@code org.apache.spark.deploy.master.Master},
 * {@code …worker.Worker}), each in its own JVM on the Glue worker's class path, each Worker with one core and
 * 1 GB for executors. The Workers launch executors as Spark does, from a Spark home whose {@code jars/} is what a
 * Spark distribution holds: the worker's class path without the Lab's code, hadoop-aws, the AWS SDK, Iceberg,
 * Deequ and the PostgreSQL driver, so that those reach the executors only if Lab Cloud gives them.
 * {@link #close()} ends every JVM it started, with the executors below the Workers, and deletes its directory.
 */
public final class LocalSparkCluster implements AutoCloseable {

    private static final List<String> NOT_IN_A_SPARK_DISTRIBUTION = List.of("gluelab/", "org/apache/hadoop/fs/s3a/",
            "software/amazon/", "org/apache/iceberg/", "com/amazon/deequ/", "org/postgresql/");
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final int masterPort = freePort();
    private final int masterUiPort = freePort();
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> workDirectories = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> classpath;
    private final Path root;

    private LocalSparkCluster(List<String> classpath, Path root) {
        this.classpath = classpath;
        this.root = root;
    }

    /** A cluster of {@code workers} one-core Workers, started: every Worker has registered with the Master. */
    public static LocalSparkCluster start(int workers) throws IOException, InterruptedException {
        List<String> classpath = Stream.of(WorkerClasspath.find().split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
        LocalSparkCluster cluster = new LocalSparkCluster(classpath, Files.createTempDirectory("spark-cluster-"));
        try {
            cluster.startDaemons(workers);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:PORT}. */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The master's view ({@code /json}): its workers and applications. */
    public JsonNode masterState() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    /** The stderr log of every executor the Workers launched for {@code appId}, one text per executor. */
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

    @Override
    public void close() {
        // Workers first, each with the executors it launched, then the master.
        for (int i = processes.size() - 1; i >= 0; i--) {
            end(processes.get(i));
        }
        processes.clear();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory
        }
    }

    private void startDaemons(int workers) throws IOException, InterruptedException {
        Path sparkHome = sparkDistribution(root.resolve("spark-home"));
        startDaemon("master", sparkHome, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUiPort));
        for (int i = 1; i <= workers; i++) {
            Path work = Files.createDirectories(root.resolve("worker-" + i));
            workDirectories.add(work);
            startDaemon("worker-" + i, sparkHome, "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                    "--work-dir", work.toString(), masterUrl());
        }
        awaitAliveWorkers(workers);
    }

    private void startDaemon(String name, Path sparkHome, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(WorkerCommandLine.sparkFlags());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.12");
        builder.environment().remove("SPARK_CONF_DIR");
        processes.add(builder.start());
    }

    private void awaitAliveWorkers(int workers) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        String lastSeen = "no answer from the master's web UI";
        while (true) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("A Spark daemon exited at start: " + daemonLogs());
                }
            }
            try {
                JsonNode state = masterState();
                if (state.path("aliveworkers").asInt() == workers) {
                    return;
                }
                lastSeen = state.toString();
            } catch (IOException notListeningYet) {
                lastSeen = notListeningYet.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Spark's " + workers + " workers did not register in " + START_LIMIT
                        + " (last seen: " + lastSeen + "): " + daemonLogs());
            }
            Thread.sleep(200);
        }
    }

    private String daemonLogs() throws IOException {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(root)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                logs.append("\n--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        }
        return logs.toString();
    }

    /** A Spark home whose {@code jars/} links the jars of the class path that a Spark distribution would hold. */
    private Path sparkDistribution(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        int index = 0;
        for (String entry : classpath) {
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
