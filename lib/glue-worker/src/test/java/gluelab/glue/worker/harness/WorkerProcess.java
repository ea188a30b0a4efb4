package gluelab.glue.worker.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts the Glue worker exactly as Lab Cloud does and speaks its protocol:
 * {@code java <spark.jvm.flags> -Djava.security.manager=allow -cp <classpath> gluelab.glue.worker.GlueWorker}.
 * The worker's stderr goes to {@code target/glue-worker-stderr.log}.
 */
public final class WorkerProcess implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static WorkerProcess shared;

    private final Process process;
    private final OutputStream stdin;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
    private final Map<String, CompletableFuture<JsonNode>> finished = new ConcurrentHashMap<>();
    private final long startedNanos = System.nanoTime();
    private volatile long readyNanos;

    private WorkerProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::readEvents, "worker-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** One worker for the whole test JVM (it is warm Spark: starting it is the slow part). */
    public static synchronized WorkerProcess shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
            WorkerProcess started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return shared;
    }

    public static WorkerProcess start(String... extraJvmArgs) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("spark.jvm.flags").trim().split("\\s+")));
        command.add("-Djava.security.manager=allow");
        command.add("-Xmx1g");
        command.addAll(Arrays.asList(extraJvmArgs));
        String more = System.getProperty("gluelab.worker.jvmArgs", "").trim(); // e.g. -Dgluelab.worker.debugLoggers=…
        if (!more.isEmpty()) {
            command.addAll(Arrays.asList(more.split("\\s+")));
        }
        command.add("-cp");
        command.add(workerClasspath());
        command.add("gluelab.glue.worker.GlueWorker");
        try {
            Path log = Paths.get("target", "glue-worker-stderr.log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            WorkerProcess worker = new WorkerProcess(builder.start());
            worker.awaitReady(Duration.ofMinutes(3));
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The worker's runtime class path: its classes plus target/classpath.txt, as ./lab reads it. */
    public static String workerClasspath() {
        try {
            String dependencies = Files.readString(Paths.get(System.getProperty("worker.classpath.file"))).trim();
            return System.getProperty("worker.classes") + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readEvents() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                JsonNode event;
                try {
                    event = JSON.readTree(line);
                } catch (IOException notJson) {
                    throw new AssertionError("The worker wrote a non-protocol line to stdout: " + line);
                }
                events.add(event);
                if (Boolean.getBoolean("gluelab.trace")) {
                    System.out.println(System.currentTimeMillis() % 100000 + " " + line);
                }
                switch (event.path("ev").asText()) {
                    case "ready" -> {
                        readyNanos = System.nanoTime();
                        ready.complete(event);
                    }
                    case "finished" -> finishedFuture(event.path("runId").asText()).complete(event);
                    default -> { }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private CompletableFuture<JsonNode> finishedFuture(String runId) {
        return finished.computeIfAbsent(runId, id -> new CompletableFuture<>());
    }

    public JsonNode awaitReady(Duration timeout) {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("The worker did not become ready (see target/glue-worker-stderr.log)", e);
        }
    }

    /** Milliseconds from process start to the ready event, as seen from outside. */
    public long startToReadyMillis() {
        return TimeUnit.NANOSECONDS.toMillis(readyNanos - startedNanos);
    }

    public synchronized void send(Object command) {
        try {
            stdin.write((JSON.writeValueAsString(command) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the run command and returns its runId. */
    public String submit(RunSpec run) {
        finishedFuture(run.runId());
        send(run.toCommand());
        return run.runId();
    }

    public void stop(String runId) {
        send(Map.of("op", "stop", "runId", runId));
    }

    public JsonNode awaitFinished(String runId, Duration timeout) {
        try {
            return finishedFuture(runId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("Run " + runId + " did not finish in " + timeout + "; its events: " + eventsOf(runId), e);
        }
    }

    /** Runs to the end and returns the outcome. */
    public RunResult run(RunSpec run, Duration timeout) {
        submit(run);
        awaitFinished(run.runId(), timeout);
        return result(run.runId());
    }

    public RunResult result(String runId) {
        return new RunResult(runId, eventsOf(runId));
    }

    public List<JsonNode> eventsOf(String runId) {
        return events.stream().filter(e -> runId.equals(e.path("runId").asText(null))).toList();
    }

    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                send(Map.of("op", "shutdown"));
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (RuntimeException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
