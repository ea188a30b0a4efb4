package gluelab.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Warm child processes that do work for Lab Cloud: the Glue worker (one JVM of warm Spark running many job
 * runs) and, next, Lambda execution environments (one JVM per environment, one invocation at a time).
 * <ul>
 *   <li>Work has a key (what kind of process can do it) and an id. It goes to a process of its key with room
 *   ({@link Limits#workPerProcess()}); if there is none, a new process is started, unless
 *   {@link Limits#maxProcesses()} run already: then an idle process of another key is ended to make room,
 *   or the work waits, in order, until a process has room.</li>
 *   <li>A process is ready when its owner says so ({@link WarmProcess#markReady()}: a protocol event on its
 *   stdout, or a call back from it); work given to it before that waits, and is delivered on ready. One that
 *   is not ready within {@link Limits#startupLimit()} is killed.</li>
 *   <li>Work is done when its owner says so ({@link #complete}). When a process dies, all the work it held is
 *   reported lost ({@link ProcessOwner#lost}) with its exit code and the last line of its stderr; the next
 *   work starts a fresh process. Lab Cloud never goes down with it.</li>
 *   <li>Processes that have been idle for a while are ended by {@link #reapIdle}, which the owner calls on its
 *   own schedule (e.g. the lab clock's).</li>
 * </ul>
 *
 * @param <W> a unit of work
 */
public final class WarmProcessPool<W> implements AutoCloseable {

    /**
     * @param maxProcesses   how many processes may run at once (their JVMs share the machine's cores)
     * @param workPerProcess how much work one process does at once
     * @param startupLimit   how long a process may take to become ready before it is killed
     * @param shutdownGrace  how long a process asked to end may take before it is terminated
     */
    public record Limits(int maxProcesses, int workPerProcess, Duration startupLimit, Duration shutdownGrace) {

        public Limits {
            if (maxProcesses < 1 || workPerProcess < 1) {
                throw new IllegalArgumentException("A pool needs room for at least one process and one piece of work");
            }
        }

        /** One process doing any amount of work at once (the Glue worker). */
        public static Limits oneProcess(Duration startupLimit, Duration shutdownGrace) {
            return new Limits(1, Integer.MAX_VALUE, startupLimit, shutdownGrace);
        }
    }

    /**
     * LAZY: no process runs, and none has died unexpectedly (none started yet, or the last one was ended on
     * purpose); STARTING: one is starting, none is ready; READY: at least one is ready; DOWN: none runs, and
     * the last one died or could not be started.
     */
    public enum Status { LAZY, STARTING, READY, DOWN }

    private static final Logger LOG = Logger.getLogger(WarmProcessPool.class.getName());
    private static final long KILL_AFTER_TERMINATE_MILLIS = 5_000;

    /** One piece of work: waiting for a process, given to one (undelivered until it is ready), or delivered. */
    private static final class Assignment<W> {
        final String key;
        final String id;
        final W work;
        WarmProcess holder;
        boolean delivered;

        Assignment(String key, String id, W work) {
            this.key = key;
            this.id = id;
            this.work = work;
        }
    }

    private record Loss<W>(W work, WorkLoss why) {
    }

    private final String name;
    private final Limits limits;
    private final ProcessOwner<W> owner;
    private final InstantSource clock;
    private final Object lock = new Object();
    private final Map<String, WarmProcess> processes = new LinkedHashMap<>();
    private final Map<String, Assignment<W>> assignments = new HashMap<>();
    private final Deque<Assignment<W>> waiting = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService timers;
    private boolean lastEndedUnexpectedly;
    private boolean closed;

    /**
     * @param name  names the processes ({@code name-1}, {@code name-2}, …), their threads and log lines
     * @param clock the clock idle time is measured on
     */
    public WarmProcessPool(String name, Limits limits, ProcessOwner<W> owner, InstantSource clock) {
        this.name = name;
        this.limits = limits;
        this.owner = owner;
        this.clock = clock;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name + "-timers");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes work of {@code key}; {@code id} names it to {@link #complete}, {@link #withdraw} and {@link #holder}. */
    public void submit(String key, String id, W work) {
        List<Loss<W>> losses = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                losses.add(new Loss<>(work, new WorkLoss.PoolClosed()));
            } else {
                if (assignments.containsKey(id)) {
                    throw new IllegalArgumentException("Work " + id + " is already in the pool");
                }
                Assignment<W> assignment = new Assignment<>(key, id, work);
                assignments.put(id, assignment);
                waiting.add(assignment);
                placeWaitingWork(losses);
            }
        }
        report(losses);
    }

    /** Starts a process for {@code key} now, if none runs and there is room, so the first work finds it warm. */
    public void prestart(String key) {
        synchronized (lock) {
            boolean running = processes.values().stream().anyMatch(p -> p.key().equals(key) && p.state() != WarmProcess.State.RETIRING);
            if (closed || running || processes.size() >= limits.maxProcesses()) {
                return;
            }
            try {
                start(key);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, name + " could not be started: " + e.getMessage());
            }
        }
    }

    /** The work is done: its process has room again. Returns the work, or null if the pool no longer holds it. */
    public W complete(String id) {
        List<Loss<W>> losses = new ArrayList<>();
        Assignment<W> assignment;
        synchronized (lock) {
            assignment = assignments.get(id);
            if (assignment == null) {
                return null;
            }
            remove(assignment);
            placeWaitingWork(losses);
        }
        report(losses);
        return assignment.work;
    }

    /**
     * Takes back work that no process has received yet (waiting for room, or for its process to be ready):
     * true if it was dropped, false if it was delivered already (or is unknown).
     */
    public boolean withdraw(String id) {
        synchronized (lock) {
            Assignment<W> assignment = assignments.get(id);
            if (assignment == null || assignment.delivered) {
                return false;
            }
            remove(assignment);
            return true;
        }
    }

    /** The process the work was delivered to, while it is being done. */
    public Optional<WarmProcess> holder(String id) {
        synchronized (lock) {
            Assignment<W> assignment = assignments.get(id);
            return assignment != null && assignment.delivered ? Optional.of(assignment.holder) : Optional.empty();
        }
    }

    /** A running process by id (as {@link ProcessOwner#spec} was told it). */
    public Optional<WarmProcess> process(String processId) {
        synchronized (lock) {
            return Optional.ofNullable(processes.get(processId));
        }
    }

    public List<WarmProcess> processes() {
        synchronized (lock) {
            return List.copyOf(processes.values());
        }
    }

    /** Ends the ready processes that have held no work for {@code idleFor} or longer; returns how many. */
    public int reapIdle(Duration idleFor) {
        synchronized (lock) {
            Instant cutoff = clock.instant().minus(idleFor);
            List<WarmProcess> idle = processes.values().stream()
                    .filter(p -> isIdle(p) && !p.idleSince.isAfter(cutoff)).toList();
            idle.forEach(this::retire);
            return idle.size();
        }
    }

    /**
     * Ends the ready processes that hold no work and that {@code unusable} refuses (e.g. a Lambda environment whose
     * role credentials have expired on the lab clock), so that the next work starts a fresh one; returns how many.
     */
    public int retireIdle(java.util.function.Predicate<WarmProcess> unusable) {
        synchronized (lock) {
            List<WarmProcess> refused = processes.values().stream().filter(p -> isIdle(p) && unusable.test(p)).toList();
            refused.forEach(this::retire);
            return refused.size();
        }
    }

    public Status status() {
        synchronized (lock) {
            if (processes.values().stream().anyMatch(p -> p.state() == WarmProcess.State.READY)) {
                return Status.READY;
            }
            if (processes.values().stream().anyMatch(p -> p.state() == WarmProcess.State.STARTING)) {
                return Status.STARTING;
            }
            return lastEndedUnexpectedly ? Status.DOWN : Status.LAZY;
        }
    }

    /**
     * Ends every process (politely, then by force after the grace) and waits for them. Work still held or
     * waiting is not reported: whoever closes the pool is going away.
     */
    @Override
    public void close() {
        List<WarmProcess> ending;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            waiting.clear();
            ending = List.copyOf(processes.values());
            ending.forEach(p -> p.state(WarmProcess.State.RETIRING));
        }
        for (WarmProcess process : ending) {
            askToStop(process);
        }
        for (WarmProcess process : ending) {
            if (!process.awaitExit(limits.shutdownGrace().toMillis())) {
                process.terminate();
                if (!process.awaitExit(KILL_AFTER_TERMINATE_MILLIS)) {
                    process.destroyForcibly();
                }
            }
        }
        timers.shutdownNow();
    }

    // --- what processes report -------------------------------------------------------------------------------

    private void ready(WarmProcess process) {
        List<Loss<W>> losses = new ArrayList<>();
        synchronized (lock) {
            if (process.state() != WarmProcess.State.STARTING) {
                return;
            }
            process.state(WarmProcess.State.READY);
            for (String id : process.undelivered) {
                Assignment<W> assignment = assignments.get(id);
                if (assignment != null) {
                    deliver(assignment);
                }
            }
            process.undelivered.clear();
            if (process.held.isEmpty()) {
                process.idleSince = clock.instant();
            }
            placeWaitingWork(losses);
        }
        report(losses);
    }

    /** Reports the work the process held, then tells its owner it ended, then lets waiting work take its place. */
    private void exited(WarmProcess process, int exitCode) {
        List<W> held = new ArrayList<>();
        boolean reporting;
        synchronized (lock) {
            boolean onPurpose = process.state() == WarmProcess.State.RETIRING;
            processes.remove(process.id());
            process.state(WarmProcess.State.EXITED);
            for (String id : process.held) {
                Assignment<W> assignment = assignments.remove(id);
                if (assignment != null) {
                    held.add(assignment.work);
                }
            }
            process.held.clear();
            process.undelivered.clear();
            lastEndedUnexpectedly = !onPurpose;
            reporting = !closed;
        }
        if (reporting && !held.isEmpty()) {
            LOG.warning(name + " process " + process.id() + " exited (code " + exitCode + "), losing " + held.size()
                    + " piece(s) of work; its log is " + process.logFile());
            WorkLoss why = new WorkLoss.ProcessExited(process.id(), exitCode, process.endReason(),
                    process.lastLogLine().orElse(null), process.logFile());
            report(held.stream().map(work -> new Loss<>(work, why)).toList());
        } else {
            LOG.info(name + " process " + process.id() + " exited (code " + exitCode + ")");
        }
        try {
            owner.exited(process, exitCode);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The end of " + process + " was not handled", e);
        }
        List<Loss<W>> losses = new ArrayList<>();
        synchronized (lock) {
            if (!closed) {
                placeWaitingWork(losses);
            }
        }
        report(losses);
    }

    // --- placement, under the lock ---------------------------------------------------------------------------

    /** Places waiting work in order; work that finds no room stays, and may make an idle process of another key end. */
    private void placeWaitingWork(List<Loss<W>> losses) {
        int unplaced = 0;
        for (Iterator<Assignment<W>> it = waiting.iterator(); it.hasNext(); ) {
            Assignment<W> assignment = it.next();
            WarmProcess target = roomFor(assignment.key);
            if (target == null && processes.size() < limits.maxProcesses()) {
                try {
                    target = start(assignment.key);
                } catch (IOException | RuntimeException e) {
                    it.remove();
                    assignments.remove(assignment.id);
                    losses.add(new Loss<>(assignment.work, new WorkLoss.ProcessNotStarted(e.getMessage())));
                    continue;
                }
            }
            if (target == null) {
                unplaced++;
                if (retiringCount() < unplaced) {
                    retireLeastRecentlyUsedIdle();
                }
                continue;
            }
            it.remove();
            assignment.holder = target;
            target.held.add(assignment.id);
            target.idleSince = null;
            if (target.state() == WarmProcess.State.READY) {
                deliver(assignment);
            } else {
                target.undelivered.add(assignment.id);
            }
        }
    }

    /** A process of the key that takes more work: a ready one first, else one still starting. */
    private WarmProcess roomFor(String key) {
        WarmProcess starting = null;
        for (WarmProcess process : processes.values()) {
            if (!process.key().equals(key) || process.held.size() >= limits.workPerProcess()) {
                continue;
            }
            if (process.state() == WarmProcess.State.READY) {
                return process;
            }
            if (process.state() == WarmProcess.State.STARTING && starting == null) {
                starting = process;
            }
        }
        return starting;
    }

    private WarmProcess start(String key) throws IOException {
        String id = name + "-" + sequence.incrementAndGet();
        try {
            ProcessSpec spec = owner.spec(key, id);
            Files.createDirectories(spec.workingDirectory());
            Path logDirectory = spec.logFile().toAbsolutePath().getParent();
            if (logDirectory != null) {
                Files.createDirectories(logDirectory);
            }
            ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workingDirectory().toFile());
            if (spec.stderrToStdout()) {
                builder.redirectErrorStream(true);
            } else {
                builder.redirectError(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
            }
            if (!spec.inheritEnvironment()) {
                builder.environment().clear();
            }
            builder.environment().putAll(spec.environment());
            WarmProcess process = new WarmProcess(id, key, spec, builder.start(), clock.instant(), this::ready);
            processes.put(id, process);
            process.startReading(owner::stdoutLine, this::exited);
            timers.schedule(() -> giveUpIfNotReady(process), limits.startupLimit().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Starting " + name + " process " + id + " (pid " + process.pid() + "); its log is " + spec.logFile());
            return process;
        } catch (IOException | RuntimeException e) {
            lastEndedUnexpectedly = true;
            LOG.warning(name + " process " + id + " could not be started: " + e.getMessage());
            throw e;
        }
    }

    private void giveUpIfNotReady(WarmProcess process) {
        synchronized (lock) {
            if (process.state() == WarmProcess.State.STARTING) {
                process.kill("it did not become ready within " + describe(limits.startupLimit()));
            }
        }
    }

    private void deliver(Assignment<W> assignment) {
        assignment.delivered = true;
        try {
            owner.deliver(assignment.holder, assignment.work);
        } catch (RuntimeException e) {
            // The process is going away; its exit reports the work.
            LOG.log(Level.WARNING, "Work " + assignment.id + " could not be delivered to " + assignment.holder, e);
        }
    }

    private void remove(Assignment<W> assignment) {
        assignments.remove(assignment.id);
        WarmProcess holder = assignment.holder;
        if (holder == null) {
            waiting.remove(assignment);
            return;
        }
        holder.held.remove(assignment.id);
        holder.undelivered.remove(assignment.id);
        if (holder.held.isEmpty() && holder.state() == WarmProcess.State.READY) {
            holder.idleSince = clock.instant();
        }
    }

    private boolean isIdle(WarmProcess process) {
        return process.state() == WarmProcess.State.READY && process.held.isEmpty() && process.idleSince != null;
    }

    private long retiringCount() {
        return processes.values().stream().filter(p -> p.state() == WarmProcess.State.RETIRING).count();
    }

    private void retireLeastRecentlyUsedIdle() {
        processes.values().stream().filter(this::isIdle)
                .min(Comparator.comparing((WarmProcess p) -> p.idleSince))
                .ifPresent(this::retire);
    }

    /** Asks a process that holds no work to end; it still counts against the limit until it has. */
    private void retire(WarmProcess process) {
        process.state(WarmProcess.State.RETIRING);
        askToStop(process);
        long grace = limits.shutdownGrace().toMillis();
        timers.schedule(process::terminate, grace, TimeUnit.MILLISECONDS);
        timers.schedule(process::destroyForcibly, grace + KILL_AFTER_TERMINATE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void askToStop(WarmProcess process) {
        try {
            owner.stopGracefully(process);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not ask " + process + " to stop: " + e.getMessage());
        }
    }

    private void report(List<Loss<W>> losses) {
        for (Loss<W> loss : losses) {
            try {
                owner.lost(loss.work(), loss.why());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Lost work could not be reported", e);
            }
        }
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            long minutes = millis / 60_000;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        if (millis % 1000 == 0) {
            long seconds = millis / 1000;
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return millis + " ms";
    }
}
