package gluelab.lab.targets;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.lab.Durations;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Lab Cloud a checkout started in the background, known by the process id its launcher recorded in
 * {@code build/lab-cloud/lab-cloud.pid}: what {@code ./lab status} reports and {@code ./lab stop} stops. Stopping
 * goes by that id, never by a pattern that could match someone else's process, and is graceful: Lab Cloud's
 * shutdown flushes its state and stops its Glue worker before the process ends.
 */
public final class LabCloudProcess {

    static final String PID_FILE = "lab-cloud.pid";
    private static final Duration GRACEFUL = Duration.ofSeconds(30);

    /** What {@code status} found. */
    public enum State {
        /** The recorded process runs and answers at its endpoint. */
        RUNNING,
        /** The recorded process runs but does not answer (starting, or stuck). */
        NOT_ANSWERING,
        /** No process of ours is recorded, or the recorded one has ended. */
        STOPPED
    }

    private final Path runDir;

    public LabCloudProcess(Path runDir) {
        this.runDir = runDir;
    }

    public static LabCloudProcess forHome(Path home) {
        return new LabCloudProcess(home.resolve("build").resolve("lab-cloud"));
    }

    /** Records the Lab Cloud just started: its process id, endpoint and start time, one per line. */
    void record(long pid, URI endpoint) {
        String started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).map(Object::toString).orElse("");
        try {
            Files.createDirectories(runDir);
            Files.writeString(pidFile(), pid + "\n" + endpoint + "\n" + started + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded process, if it is still a Lab Cloud; a record left by one that has ended is removed. */
    Optional<Recorded> recorded() {
        Path file = pidFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<ProcessHandle> process = lines.size() < 3 ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> startedAt(p).equals(lines.get(2).trim()));
        if (process.isEmpty()) {
            forget();
            return Optional.empty();
        }
        return Optional.of(new Recorded(process.get(), URI.create(lines.get(1).trim())));
    }

    /** The recorded Lab Cloud, and whether it answers. */
    public State status(PrintStream out) {
        Optional<Recorded> recorded = recorded();
        if (recorded.isEmpty()) {
            out.println("Lab Cloud is not running (no Lab Cloud started by this checkout is running; the first notebook or"
                    + " ./lab up starts one).");
            return State.STOPPED;
        }
        Recorded cloud = recorded.get();
        LabCloudAdmin admin = new LabCloudAdmin(cloud.endpoint());
        if (admin.probe() != LabCloudAdmin.Probe.LAB_CLOUD) {
            out.println("Lab Cloud (pid " + cloud.process().pid() + ") runs but does not answer at " + cloud.endpoint()
                    + ": it may still be starting. Its log: " + log());
            return State.NOT_ANSWERING;
        }
        JsonNode health = admin.health();
        out.println("Lab Cloud " + health.path("version").asText() + " is running");
        out.println("  endpoint:    " + cloud.endpoint());
        out.println("  pid:         " + cloud.process().pid());
        out.println("  up for:      " + Durations.describe(Duration.ofMillis(health.path("uptimeMillis").asLong())));
        out.println("  state:       " + (health.path("persistent").asBoolean() ? runDir.resolve("state") : "in memory"));
        out.println("  glue worker: " + health.path("glueWorker").asText("-"));
        out.println("  services:    " + health.path("services").size());
        out.println("  log:         " + log());
        out.println("Stop it with ./lab stop.");
        return State.RUNNING;
    }

    /**
     * Stops the recorded Lab Cloud: asks it to end (SIGTERM, so its shutdown flushes state), waits for it, and only
     * if it has not ended after a grace period, kills it. Returns whether there was one to stop.
     */
    public boolean stop(PrintStream out) {
        Optional<Recorded> recorded = recorded();
        if (recorded.isEmpty()) {
            out.println("Lab Cloud is not running: nothing to stop. (A Lab Cloud in the foreground, ./lab cloud, stops with"
                    + " Ctrl-C.)");
            return false;
        }
        ProcessHandle process = recorded.get().process();
        long began = System.nanoTime();
        out.print("Stopping Lab Cloud (pid " + process.pid() + ", " + recorded.get().endpoint() + ") ");
        out.flush();
        process.destroy();
        boolean ended = waitFor(process, GRACEFUL);
        if (!ended) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(10));
            out.println("it did not end within " + GRACEFUL.toSeconds() + " s and was killed; state written before then is"
                    + " kept. Its log: " + log());
        } else {
            out.println("stopped in " + Durations.describe(Duration.ofNanos(System.nanoTime() - began))
                    + "; its state is kept in " + runDir.resolve("state") + ".");
        }
        forget();
        return true;
    }

    Path pidFile() {
        return runDir.resolve(PID_FILE);
    }

    private Path log() {
        return runDir.resolve("lab-cloud.log");
    }

    private void forget() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A process id can be reused once its process has ended, so the recorded process is ours only if it also started
     * when ours did. (Its command line cannot tell: Java reads only its first 4 KB, which the class path fills.)
     */
    private static String startedAt(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("");
    }

    private static boolean waitFor(ProcessHandle process, Duration limit) {
        try {
            process.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** A recorded, live Lab Cloud process and where it answers. */
    record Recorded(ProcessHandle process, URI endpoint) {
    }
}
