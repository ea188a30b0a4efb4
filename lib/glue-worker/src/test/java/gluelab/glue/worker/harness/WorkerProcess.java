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

import com.fasterxml.jackson.databind.ObjectMapper;

import gluelab.glue.protocol.GlueCommand;
import gluelab.glue.protocol.GlueEvent;
import gluelab.process.ProtocolException;

/**
 * Starts the Glue worker exactly as Lab Cloud does and speaks its protocol with the shared records:
 * {@code java <spark.jvm.flags> -Djava.security.manager=allow -cp <classpath> gluelab.glue.worker.GlueWorker}.
 * The worker's stderr goes to {@code target/glue-worker-stderr.log}.
 */
public final class WorkerProcess implements AutoCloseable {

    /** For the JSON that runs print (metric lines) and send (bookmark text). */
    public static final ObjectMapper JSON = new ObjectMapper();
    private static WorkerProcess shared;

    private final Process process;
    private final OutputStream stdin;
    private final List<GlueEvent> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<GlueEvent.Ready> ready = new CompletableFuture<>();
    private final Map<String, CompletableFuture<GlueEvent.Finished>> finished = new ConcurrentHashMap<>();

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

    private static WorkerProcess start() {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("spark.jvm.flags").trim().split("\\s+")));
        command.add("-Djava.security.manager=allow");
        command.add("-Xmx1g");
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
                GlueEvent event;
                try {
                    event = GlueEvent.LINES.read(line);
                } catch (ProtocolException notAnEvent) {
                    throw new AssertionError("The worker wrote a non-protocol line to stdout: " + line, notAnEvent);
                }
                events.add(event);
                if (Boolean.getBoolean("gluelab.trace")) {
                    System.out.println(System.currentTimeMillis() % 100000 + " " + line);
                }
                if (event instanceof GlueEvent.Ready readyEvent) {
                    ready.complete(readyEvent);
                } else if (event instanceof GlueEvent.Finished finishedEvent) {
                    finishedFuture(finishedEvent.runId()).complete(finishedEvent);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private CompletableFuture<GlueEvent.Finished> finishedFuture(String runId) {
        return finished.computeIfAbsent(runId, id -> new CompletableFuture<>());
    }

    private void awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("The worker did not become ready (see target/glue-worker-stderr.log)", e);
        }
    }

    public synchronized void send(GlueCommand command) {
        try {
            stdin.write((GlueCommand.LINES.write(command) + "\n").getBytes(StandardCharsets.UTF_8));
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
        send(GlueCommand.Stop.withDefaultGrace(runId));
    }

    public GlueEvent.Finished awaitFinished(String runId, Duration timeout) {
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

    public List<GlueEvent> eventsOf(String runId) {
        return events.stream().filter(e -> runId.equals(e.runId())).toList();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                send(new GlueCommand.Shutdown());
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (RuntimeException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
