package gluelab.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One child process of a {@link WarmProcessPool}: started, then ready once its owner says so
 * ({@link #markReady()}), kept warm for more work, and ended by the pool (idle, evicted, closed) or by itself.
 * The owner talks to it through stdin ({@link #sendLine}) and stdout ({@link ProcessOwner#stdoutLine}), or
 * through whatever the process calls back (a Lambda runtime calls Lab Cloud over HTTP).
 */
public final class WarmProcess {

    /** STARTING until ready; RETIRING once the pool asked it to end; EXITED when it has. */
    public enum State { STARTING, READY, RETIRING, EXITED }

    private static final Logger LOG = Logger.getLogger(WarmProcess.class.getName());
    private static final long EXIT_AFTER_STDOUT_CLOSED_SECONDS = 30;

    private final Consumer<WarmProcess> readySignal;
    private final String id;
    private final String key;
    private final ProcessSpec spec;
    private final Process process;
    private final BufferedWriter stdin;
    private final Instant startedAt;
    private volatile State state = State.STARTING;
    private volatile String endReason;
    private volatile DrainTrackingInputStream stdout;
    private volatile boolean stdoutProbed;

    // Guarded by the pool's lock.
    final Set<String> held = new LinkedHashSet<>();
    final List<String> undelivered = new ArrayList<>();
    Instant idleSince;

    /** @param readySignal what {@link #markReady()} tells (the pool) */
    WarmProcess(String id, String key, ProcessSpec spec, Process process, Instant startedAt,
                Consumer<WarmProcess> readySignal) {
        this.readySignal = readySignal;
        this.id = id;
        this.key = key;
        this.spec = spec;
        this.process = process;
        this.startedAt = startedAt;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    }

    public String id() {
        return id;
    }

    /** What kind of work it takes (the Glue worker has one kind; a Lambda environment serves one function). */
    public String key() {
        return key;
    }

    public long pid() {
        return process.pid();
    }

    public State state() {
        return state;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Path logFile() {
        return spec.logFile();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The ready signal: work waiting for this process is delivered now, in the order it came. */
    public void markReady() {
        readySignal.accept(this);
    }

    /** Writes one line to the process's stdin; false if it no longer reads (its exit is reported separately). */
    public boolean sendLine(String line) {
        try {
            synchronized (stdin) {
                stdin.write(line);
                stdin.write('\n');
                stdin.flush();
            }
            return true;
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot write to process " + id + ": " + e.getMessage());
            return false;
        }
    }

    public void closeInput() {
        try {
            synchronized (stdin) {
                stdin.close();
            }
        } catch (IOException alreadyGone) {
            // Nothing to close.
        }
    }

    /** Ends the process at once; the work it held is reported lost, {@code reason} saying why. */
    public void kill(String reason) {
        endReason = reason;
        process.destroyForcibly();
    }

    /** Where reading stdout stands: see {@link DrainTrackingInputStream#drainedMark()}; -1 before it is read. */
    /** Whether {@link #stdoutDrainedMark()} can ever say drained: the pipe can be probed (Linux's /proc). */
    public boolean canTellStdoutDrained() {
        return stdoutProbed;
    }

    public long stdoutDrainedMark() {
        DrainTrackingInputStream reading = stdout;
        return reading == null ? -1 : reading.drainedMark();
    }

    /** The last line of its log, e.g. the error that ended it. */
    public Optional<String> lastLogLine() {
        return LogTail.lastLine(spec.logFile());
    }

    @Override
    public String toString() {
        return id + " (pid " + process.pid() + ", " + state + ")";
    }

    void state(State next) {
        state = next;
    }

    String endReason() {
        return endReason;
    }

    /** Reads stdout on a daemon thread until it closes, then waits for the exit and tells {@code exited}. */
    void startReading(BiConsumer<WarmProcess, String> lines, BiConsumer<WarmProcess, Integer> exited) {
        // Where the pipe cannot be probed, it is never known drained: its owner waits for as long as it allows.
        Optional<PipeProbe> probe = PipeProbe.open(process.pid(), 1);
        stdoutProbed = probe.isPresent();
        process.onExit().whenComplete((ended, error) -> probe.ifPresent(PipeProbe::close));
        stdout = new DrainTrackingInputStream(process.getInputStream(),
                probe.isPresent() ? probe.get()::waiting : () -> 1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    try {
                        lines.accept(this, line);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "A line of process " + id + " was not handled: " + line, e);
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "The stdout of process " + id + " closed: " + e.getMessage());
            }
            exited.accept(this, waitForExit());
        }, id + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    boolean awaitExit(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void terminate() {
        process.destroy();
    }

    void destroyForcibly() {
        process.destroyForcibly();
    }

    private int waitForExit() {
        if (awaitExit(TimeUnit.SECONDS.toMillis(EXIT_AFTER_STDOUT_CLOSED_SECONDS))) {
            return process.exitValue();
        }
        process.destroyForcibly();
        return awaitExit(5_000) ? process.exitValue() : -1;
    }
}
