package gluelab.cloud.services.glue.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.state.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lab Cloud's side of the Glue worker protocol (lib/README.md): starts the worker JVM, sends it
 * {@code run}/{@code stop}/{@code shutdown} commands as JSON lines on its stdin, and reads its events from
 * its stdout. Runs submitted while the worker starts wait for its {@code ready}. If the worker dies,
 * every run it held is reported lost and the next run starts a new worker; Lab Cloud itself never
 * goes down with it. The worker's stderr (Spark's own logging) goes to a file.
 */
public final class GlueWorkerClient implements JobRunExecutor {

    static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(GlueWorkerClient.class.getName());

    private final Supplier<List<String>> commandLine;
    private final Path workDirectory;
    private final Path logFile;
    private final WorkerEvents events;
    private final Object lock = new Object();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "glue-worker-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private WorkerProcess current;
    private volatile String status = "lazy";
    private volatile String lastStartFailure;
    private volatile boolean closed;

    /**
     * @param commandLine   the worker's command; throws {@link IllegalStateException} (with a message for the
     *                      learner) when the worker is not built
     * @param workDirectory where the worker runs (Spark writes scratch files there)
     */
    public GlueWorkerClient(Supplier<List<String>> commandLine, Path workDirectory, WorkerEvents events) {
        this.commandLine = commandLine;
        this.workDirectory = workDirectory;
        this.logFile = workDirectory.resolve("glue-worker.log");
        this.events = events;
    }

    /** Starts the worker now, in the background, so the first run finds Spark warm. */
    public void startInBackground() {
        Thread starter = new Thread(() -> {
            synchronized (lock) {
                if (!closed) {
                    ensureStarted();
                }
            }
        }, "glue-worker-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public void submit(WorkerRunCommand command) {
        String failure = null;
        synchronized (lock) {
            if (closed) {
                failure = "Lab Cloud is shutting down; the run was not started.";
            } else {
                WorkerProcess worker = ensureStarted();
                if (worker == null) {
                    failure = "The Glue worker could not be started: " + lastStartFailure;
                } else {
                    worker.submit(command);
                }
            }
        }
        if (failure != null) {
            events.lost(command.runId(), failure);
        }
    }

    @Override
    public void stop(String runId) {
        boolean neverSent;
        synchronized (lock) {
            neverSent = current != null && current.stop(runId);
        }
        if (neverSent) {
            events.finished(runId, "STOPPED", null);
        }
    }

    @Override
    public String status() {
        return status;
    }

    /** The worker's stderr, for messages that send the learner there. */
    Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        WorkerProcess worker;
        synchronized (lock) {
            closed = true;
            worker = current;
        }
        if (worker != null) {
            worker.shutdown();
        }
        watchdog.shutdownNow();
    }

    private WorkerProcess ensureStarted() {
        if (current != null) {
            return current;
        }
        status = "starting";
        try {
            List<String> command = commandLine.get();
            Files.createDirectories(workDirectory);
            Process process = new ProcessBuilder(command)
                    .directory(workDirectory.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            current = new WorkerProcess(process);
            current.startReading();
            WorkerProcess started = current;
            watchdog.schedule(() -> started.giveUpIfNotReady(), STARTUP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Starting the Glue worker (pid " + process.pid() + "); its log is " + logFile);
            return current;
        } catch (IOException | RuntimeException e) {
            status = "down";
            lastStartFailure = e.getMessage();
            LOG.log(Level.WARNING, "The Glue worker could not be started: " + e.getMessage());
            return null;
        }
    }

    /** One worker JVM: its pipes, the runs waiting for it to be ready, and the runs it holds. */
    private final class WorkerProcess {

        private final Process process;
        private final BufferedWriter stdin;
        private final List<WorkerRunCommand> pending = new ArrayList<>();
        private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
        private boolean ready;
        private volatile String exitReason;

        WorkerProcess(Process process) {
            this.process = process;
            this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        }

        void startReading() {
            Thread reader = new Thread(this::readEvents, "glue-worker-events-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        /** Called holding the client's lock. */
        void submit(WorkerRunCommand command) {
            if (ready) {
                inFlight.add(command.runId());
                send(command.toJson());
            } else {
                pending.add(command);
            }
        }

        /** Called holding the client's lock; true if the run was still waiting and is simply dropped. */
        boolean stop(String runId) {
            if (pending.removeIf(c -> c.runId().equals(runId))) {
                return true;
            }
            if (inFlight.contains(runId)) {
                ObjectNode stop = Json.object();
                stop.put("op", "stop");
                stop.put("runId", runId);
                send(stop);
            }
            return false;
        }

        void giveUpIfNotReady() {
            synchronized (lock) {
                if (current == this && !ready) {
                    exitReason = "it did not become ready within " + STARTUP_LIMIT.toMinutes() + " minutes";
                    process.destroyForcibly();
                }
            }
        }

        void shutdown() {
            ObjectNode shutdown = Json.object();
            shutdown.put("op", "shutdown");
            send(shutdown);
            try {
                stdin.close();
            } catch (IOException ignored) {
                // Already gone.
            }
            try {
                if (!process.waitFor(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroy();
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private void send(ObjectNode command) {
            try {
                synchronized (stdin) {
                    stdin.write(Json.MAPPER.writeValueAsString(command));
                    stdin.write('\n');
                    stdin.flush();
                }
            } catch (IOException e) {
                // The worker is going away; its reader reports the runs it held.
                LOG.log(Level.FINE, "Cannot write to the Glue worker: " + e.getMessage());
            }
        }

        private void readEvents() {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    try {
                        handle(line);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Glue worker event not handled: " + line, e);
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "The Glue worker's stdout closed: " + e.getMessage());
            }
            exited(waitForExit());
        }

        private void handle(String line) {
            JsonNode event;
            try {
                event = Json.MAPPER.readTree(line);
            } catch (IOException e) {
                LOG.fine("The Glue worker wrote a line that is not an event: " + line);
                return;
            }
            if (event == null || !event.isObject()) {
                return;
            }
            String runId = text(event, "runId");
            switch (event.path("ev").asText()) {
                case "ready" -> {
                    synchronized (lock) {
                        ready = true;
                        status = "ready";
                        for (WorkerRunCommand command : pending) {
                            inFlight.add(command.runId());
                            send(command.toJson());
                        }
                        pending.clear();
                    }
                    LOG.info("The Glue worker is ready (Spark " + text(event, "sparkVersion") + ", started in "
                            + event.path("startupMillis").asLong() + " ms)");
                }
                case "running" -> events.running(runId);
                case "log" -> events.log(runId, text(event, "stream"), text(event, "message"));
                case "bookmark" -> events.bookmark(runId, text(event, "state"));
                case "finished" -> {
                    inFlight.remove(runId);
                    events.finished(runId, text(event, "state"), text(event, "errorMessage"));
                }
                case "error" -> {
                    if (runId != null && inFlight.remove(runId)) {
                        events.lost(runId, "The Glue worker could not run it: " + text(event, "message"));
                    } else {
                        LOG.warning("The Glue worker reported: " + text(event, "message"));
                    }
                }
                default -> LOG.fine("Unknown Glue worker event: " + line);
            }
        }

        private int waitForExit() {
            try {
                if (process.waitFor(30, TimeUnit.SECONDS)) {
                    return process.exitValue();
                }
                process.destroyForcibly();
                return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        private void exited(int code) {
            List<String> lost = new ArrayList<>();
            synchronized (lock) {
                if (current == this) {
                    current = null;
                    if (!closed) {
                        status = "down";
                    }
                }
                pending.forEach(c -> lost.add(c.runId()));
                pending.clear();
                lost.addAll(inFlight);
                inFlight.clear();
            }
            if (closed) {
                return;
            }
            String lastLine = lastLogLine();
            String message = "The Glue worker process exited (code " + code + ")"
                    + (exitReason == null ? "" : " because " + exitReason)
                    + " while this run was in flight"
                    + (lastLine == null ? "" : "; its last words: " + lastLine)
                    + ". Lab Cloud starts a new worker for the next run (worker log: " + logFile + ").";
            LOG.warning("The Glue worker exited (code " + code + "), losing " + lost.size() + " run(s)");
            for (String runId : lost) {
                events.lost(runId, message);
            }
        }
    }

    /** The last non-blank line of the worker's log, e.g. the OutOfMemoryError that ended it. */
    private String lastLogLine() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 8192);
            byte[] tail = new byte[size];
            file.seek(length - size);
            file.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).split("\\R");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    String line = lines[i].strip();
                    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // No log to quote.
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
