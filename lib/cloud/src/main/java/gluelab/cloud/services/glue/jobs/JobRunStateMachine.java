package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.clock.ActivityTracker;
import gluelab.cloud.clock.LabScheduler;
import gluelab.cloud.clock.TimerOwner;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.EndsBeingHeard;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.worker.JobRunExecutor;
import gluelab.cloud.services.glue.worker.WorkerEvents;
import gluelab.glue.protocol.RunCommand;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;

/**
 * The one place where job runs change state. A run goes STARTING → RUNNING → SUCCEEDED | FAILED |
 * TIMEOUT, or through STOPPING to STOPPED when stopped; {@link #LEGAL} is the whole table, and a report
 * that would break it (a worker's late word about a run that already timed out) changes nothing. Every
 * change is journaled before anyone can see it; reaching a terminal state publishes AWS's "Glue Job State
 * Change" event, commits or drops the run's bookmark, starts the next attempt when MaxRetries allow, and
 * tells the listeners (conditional triggers).
 *
 * <p>What executes a run is behind {@link JobRunExecutor}; this class only interprets its reports. Each
 * run in flight holds an activity, so advancing the lab clock lets it settle, and a timeout timer on the
 * lab clock, so Timeout fires whether real time passes or the clock is advanced.
 */
public final class JobRunStateMachine implements WorkerEvents, AutoCloseable {

    static final Set<JobRunState> IN_FLIGHT = EnumSet.of(JobRunState.STARTING, JobRunState.RUNNING,
            JobRunState.STOPPING, JobRunState.WAITING);
    static final Set<JobRunState> TERMINAL = EnumSet.of(JobRunState.SUCCEEDED, JobRunState.FAILED,
            JobRunState.TIMEOUT, JobRunState.STOPPED);

    private static final Map<JobRunState, Set<JobRunState>> LEGAL = Map.of(
            JobRunState.STARTING, EnumSet.of(JobRunState.RUNNING, JobRunState.STOPPING, JobRunState.SUCCEEDED,
                    JobRunState.FAILED, JobRunState.TIMEOUT),
            JobRunState.RUNNING, EnumSet.of(JobRunState.STOPPING, JobRunState.SUCCEEDED, JobRunState.FAILED,
                    JobRunState.TIMEOUT),
            JobRunState.STOPPING, EnumSet.of(JobRunState.STOPPED, JobRunState.SUCCEEDED));

    static final String TIMED_OUT = "Job run timed out";
    private static final Logger LOG = Logger.getLogger(JobRunStateMachine.class.getName());

    /** What Lab Cloud holds for a run in flight: not durable, rebuilt as FAILED after a restart. */
    private static final class LiveRun {
        final Scope scope;
        final ActivityTracker.Activity activity;
        volatile LabScheduler.Registration timeout;
        volatile String bookmarkOption = JobArguments.BOOKMARK_DISABLE;
        volatile String pendingBookmark;

        LiveRun(Scope scope, ActivityTracker.Activity activity) {
            this.scope = scope;
            this.activity = activity;
        }
    }

    private final Platform platform;
    private final AccountRegionStore<JobsState> states;
    private final RunPreparation preparation;
    private final JobRunLogs logs;
    private final JobStateChangeEvents stateChanges;
    private final JobRunExecutor executor;
    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();
    /** Runs already in a terminal state whose end the listeners have not all heard yet. */
    private final EndsBeingHeard ending = new EndsBeingHeard();
    private final Map<String, Scope> runScopes = new ConcurrentHashMap<>();
    private final List<RunCompletionListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService launcher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "glue-run-launcher");
        thread.setDaemon(true);
        return thread;
    });
    private final SecureRandom random = new SecureRandom();

    /**
     * @param executorFactory  what runs the jobs, told about runs through this state machine's {@link WorkerEvents}
     * @param connectionExists whether a Glue connection of that name exists, for the jobs' {@code Connections}
     */
    public JobRunStateMachine(Platform platform, AccountRegionStore<JobsState> states,
                              Function<WorkerEvents, JobRunExecutor> executorFactory,
                              BiPredicate<Scope, String> connectionExists) {
        this.platform = platform;
        this.states = states;
        this.preparation = new RunPreparation(platform, connectionExists);
        this.logs = new CloudWatchJobRunLogs(platform.logs());
        this.stateChanges = new JobStateChangeEvents(platform.events());
        this.executor = executorFactory.apply(this);
        states.all().forEach((scope, state) -> state.runs.keys().forEach(id -> runScopes.put(id, scope)));
    }

    void addCompletionListener(RunCompletionListener listener) {
        listeners.add(listener);
    }

    /** The account and region of a run this state machine knows. */
    public Optional<Scope> scopeOf(String runId) {
        return Optional.ofNullable(runId == null ? null : runScopes.get(runId));
    }

    /** The executor's state for {@code /_lab/health}: the Glue worker's lazy, starting, ready, down or off. */
    public String executorStatus() {
        return executor.status();
    }

    // ---- starting ------------------------------------------------------------------------------

    /**
     * Starts a run: records it STARTING and hands it to the executor in the background.
     *
     * @param refuseWhenBusy true for StartJobRun, which answers ConcurrentRunsExceededException; false for
     *                       triggers and retries, whose run is recorded and fails instead, as on AWS
     */
    JobRun start(Scope scope, RunRequest request, boolean refuseWhenBusy) {
        return start(scope, request, refuseWhenBusy, now());
    }

    /** @param startedOn when the run starts: now, or the fire time of the schedule that started it */
    JobRun start(Scope scope, RunRequest request, boolean refuseWhenBusy, Instant startedOn) {
        JobsState state = states.get(scope);
        JobRun run;
        boolean busy;
        synchronized (state) {
            Job job = state.requireJob(request.jobName());
            long inFlight = state.runs.values().stream()
                    .filter(r -> r.run().jobName().equals(job.name()) && IN_FLIGHT.contains(r.run().jobRunState()))
                    .count();
            busy = inFlight >= job.executionProperty().maxConcurrentRuns();
            if (busy && refuseWhenBusy) {
                throw GlueErrors.concurrentRunsExceeded(job.name());
            }
            run = newRun(job, request, startedOn);
            state.runs.put(run.id(), new StoredRun(state.nextRunSequence(), run));
            runScopes.put(run.id(), scope);
            LiveRun liveRun = new LiveRun(scope, platform.activity().beginRun("Glue job run " + run.id()));
            live.put(run.id(), liveRun);
            if (run.timeout() != null && !busy) {
                liveRun.timeout = platform.scheduler().scheduleOnce(
                        new TimerOwner("glue", "JobRunTimeout", run.id(), scope.account(), scope.region()),
                        run.startedOn().plus(Duration.ofMinutes(run.timeout())), at -> timedOut(run.id(), at));
            }
        }
        if (busy) {
            // A run refused for concurrency is not retried: its attempt never ran.
            transition(run.id(), JobRunState.FAILED, GlueErrors.concurrentRunsExceeded(run.jobName()).getMessage(), false);
        } else {
            String runId = run.id();
            launcher.execute(() -> launch(runId));
        }
        return run;
    }

    private JobRun newRun(Job job, RunRequest request, Instant now) {
        String commandName = JobDefinitions.commandName(job);
        JobCapacity capacity = request.requestsCapacity()
                ? JobCapacity.resolve(commandName, request.allocatedCapacity(), request.maxCapacity(),
                        request.workerType(), request.numberOfWorkers())
                : new JobCapacity(job.maxCapacity(), job.workerType(), job.numberOfWorkers(), job.allocatedCapacity());
        Integer timeout = request.timeout() != null ? JobDefinitions.timeout(request.timeout(), commandName) : job.timeout();
        String id = request.firstAttemptId() != null
                ? request.firstAttemptId() + "_attempt_" + request.attempt()
                : "jr_" + HexFormat.of().formatHex(randomBytes(32));
        JobRun.Builder run = JobRun.builder()
                .id(id)
                .attempt(request.attempt())
                .previousRunId(request.previousRunId())
                .triggerName(request.triggerName())
                .jobName(job.name())
                .jobMode(job.jobMode())
                .startedOn(now)
                .lastModifiedOn(now)
                .jobRunState(JobRunState.STARTING)
                .predecessorRuns(List.of())
                .allocatedCapacity(capacity.allocatedCapacity())
                .maxCapacity(capacity.maxCapacity())
                .workerType(capacity.workerType())
                .numberOfWorkers(capacity.numberOfWorkers())
                .timeout(timeout)
                .securityConfiguration(request.securityConfiguration() != null
                        ? request.securityConfiguration() : job.securityConfiguration())
                .notificationProperty(request.notificationProperty() != null
                        ? request.notificationProperty() : job.notificationProperty())
                .logGroupName(JobRunLogs.RUN_LOG_GROUP)
                .glueVersion(job.glueVersion())
                .executionClass(request.executionClass() != null ? request.executionClass() : job.executionClassAsString());
        if (request.arguments() != null && !request.arguments().isEmpty()) {
            run.arguments(request.arguments());
        }
        return run.build();
    }

    /** The lab clock, to the millisecond that Glue's timestamps carry. */
    private Instant now() {
        return platform.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** On the launcher thread: prepares the worker's command and submits it, or fails the run saying why. */
    private void launch(String runId) {
        LiveRun liveRun = live.get(runId);
        if (liveRun == null) {
            return;
        }
        JobsState state = states.get(liveRun.scope);
        JobRun run;
        Job job;
        BookmarkRecord bookmark;
        synchronized (state) {
            StoredRun stored = state.runs.get(runId);
            if (stored == null) {
                return;
            }
            run = stored.run();
            job = state.jobs.get(run.jobName());
            bookmark = state.bookmarks.get(run.jobName());
        }
        if (run.jobRunState() == JobRunState.STOPPING) {
            transition(runId, JobRunState.STOPPED, null, true);
            return;
        }
        if (run.jobRunState() != JobRunState.STARTING || job == null) {
            return;
        }
        try {
            RunCommand command = preparation.prepare(liveRun.scope, job, run, bookmark);
            liveRun.bookmarkOption = command.bookmarkOption();
            executor.submit(command);
            if (currentState(runId) == JobRunState.STOPPING) {
                // A stop that came while the command was being prepared found nothing to stop yet.
                executor.stop(runId);
            }
        } catch (UnrunnableJobException e) {
            transition(runId, JobRunState.FAILED, e.getMessage(), true);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot start Glue job run " + runId, e);
            transition(runId, JobRunState.FAILED, "Lab Cloud could not start this run: " + e.getMessage(), true);
        }
    }

    // ---- stopping and timeouts -----------------------------------------------------------------

    /** BatchStopJobRun for one run: empty when it is stopping, else why it cannot be stopped. */
    Optional<ErrorDetail> stop(Scope scope, String jobName, String runId) {
        JobsState state = states.get(scope);
        JobRunState current;
        synchronized (state) {
            StoredRun stored = runId == null ? null : state.runs.get(runId);
            if (stored == null || !stored.run().jobName().equals(jobName)) {
                return Optional.of(ErrorDetail.builder().errorCode("EntityNotFoundException")
                        .errorMessage("Job Run with id: " + runId + " not found for job " + jobName + ".").build());
            }
            current = stored.run().jobRunState();
        }
        if (current == JobRunState.STOPPING) {
            return Optional.empty();
        }
        if (transition(runId, JobRunState.STOPPING, null, true).isEmpty()) {
            return Optional.of(ErrorDetail.builder().errorCode("InvalidInputException")
                    .errorMessage("Job Run " + runId + " cannot be stopped in its current state " + current + ".").build());
        }
        executor.stop(runId);
        return Optional.empty();
    }

    /** The timer fires at the deadline; the run ends then, even if the clock was advanced past it. */
    private void timedOut(String runId, Instant deadline) {
        if (transition(runId, JobRunState.TIMEOUT, TIMED_OUT, true, deadline).isPresent()) {
            executor.stop(runId);
        }
    }

    // ---- the worker's reports ------------------------------------------------------------------

    @Override
    public void running(String runId) {
        transition(runId, JobRunState.RUNNING, null, true);
    }

    @Override
    public void log(String runId, String stream, String message) {
        Scope scope = runId == null ? null : runScopes.get(runId);
        if (scope != null && message != null) {
            logs.append(scope, runId, JobRunLogs.Stream.of(stream), platform.clock().instant(), message);
        }
    }

    @Override
    public void bookmark(String runId, String state) {
        LiveRun liveRun = runId == null ? null : live.get(runId);
        if (liveRun != null) {
            liveRun.pendingBookmark = state;
        }
    }

    @Override
    public void finished(String runId, String workerState, String errorMessage) {
        if (currentState(runId) == JobRunState.STOPPING && !"SUCCEEDED".equals(workerState)) {
            transition(runId, JobRunState.STOPPED, null, true);
            return;
        }
        switch (workerState == null ? "FAILED" : workerState) {
            case "SUCCEEDED" -> transition(runId, JobRunState.SUCCEEDED, null, true);
            case "STOPPED" -> transition(runId, JobRunState.STOPPED, null, true);
            default -> transition(runId, JobRunState.FAILED,
                    errorMessage == null || errorMessage.isBlank() ? "The job run failed" : errorMessage, true);
        }
    }

    @Override
    public void lost(String runId, String message) {
        if (currentState(runId) == JobRunState.STOPPING) {
            transition(runId, JobRunState.STOPPED, null, true);
        } else {
            // The driver could not say why it ended, so Lab Cloud writes the reason to the run's error log: a learner
            // who follows "see the error log" finds it there, not a missing stream.
            log(runId, "error", message);
            transition(runId, JobRunState.FAILED, message, true);
        }
    }

    private JobRunState currentState(String runId) {
        Scope scope = runId == null ? null : runScopes.get(runId);
        if (scope == null) {
            return null;
        }
        StoredRun stored = states.get(scope).runs.get(runId);
        return stored == null ? null : stored.run().jobRunState();
    }

    // ---- the transition itself -----------------------------------------------------------------

    /**
     * Moves a run to {@code to} if the table allows it, journaling the change; returns the changed run, or
     * empty when the run is unknown or the move is not legal from where it is.
     */
    private Optional<JobRun> transition(String runId, JobRunState to, String errorMessage, boolean mayRetry) {
        return transition(runId, to, errorMessage, mayRetry, now());
    }

    private Optional<JobRun> transition(String runId, JobRunState to, String errorMessage, boolean mayRetry,
                                        Instant now) {
        Scope scope = runId == null ? null : runScopes.get(runId);
        if (scope == null) {
            return Optional.empty();
        }
        JobsState state = states.get(scope);
        JobRun changed;
        synchronized (state) {
            StoredRun stored = state.runs.get(runId);
            if (stored == null) {
                return Optional.empty();
            }
            JobRunState from = stored.run().jobRunState();
            if (!LEGAL.getOrDefault(from, Set.of()).contains(to)) {
                LOG.fine(() -> "Glue job run " + runId + " stays " + from + " (not " + to + ")");
                return Optional.empty();
            }
            JobRun.Builder run = stored.run().toBuilder().jobRunState(to).lastModifiedOn(now);
            if (errorMessage != null) {
                run.errorMessage(errorMessage);
            }
            if (TERMINAL.contains(to)) {
                run.completedOn(now).executionTime((int) Duration.between(stored.run().startedOn(), now).toSeconds());
            }
            changed = run.build();
            if (TERMINAL.contains(to)) {
                ending.ended(runId);
            }
            state.runs.put(runId, stored.with(changed));
            if (to == JobRunState.SUCCEEDED) {
                commitBookmark(state, changed);
            }
        }
        if (TERMINAL.contains(to)) {
            completed(scope, changed, mayRetry);
        }
        return Optional.of(changed);
    }

    /** A successful run's bookmark becomes the job's, if bookmarks are enabled; holding the scope's monitor. */
    private void commitBookmark(JobsState state, JobRun run) {
        LiveRun liveRun = live.get(run.id());
        if (liveRun == null || liveRun.pendingBookmark == null
                || !JobArguments.BOOKMARK_ENABLE.equals(liveRun.bookmarkOption)) {
            return;
        }
        BookmarkRecord previous = state.bookmarks.get(run.jobName());
        BookmarkRecord committed = new BookmarkRecord(run.jobName(),
                previous == null ? 1 : previous.version() + 1,
                previous == null ? 1 : previous.run() + 1,
                run.attempt() == null ? 0 : run.attempt(),
                previous == null ? null : previous.runId(),
                run.id(),
                liveRun.pendingBookmark);
        state.bookmarks.put(run.jobName(), committed);
        state.bookmarkHistory.put(run.jobName(),
                state.bookmarkHistory.find(run.jobName()).orElse(BookmarkHistory.empty()).plus(committed));
    }

    private void completed(Scope scope, JobRun run, boolean mayRetry) {
        LiveRun liveRun = live.remove(run.id());
        if (liveRun != null && liveRun.timeout != null) {
            liveRun.timeout.cancel();
        }
        try {
            stateChanges.publish(scope, run);
            if (mayRetry && run.jobRunState() == JobRunState.FAILED) {
                retryIfAllowed(scope, run);
            }
            for (RunCompletionListener listener : listeners) {
                try {
                    listener.completed(scope, run);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A listener failed on the end of Glue job run " + run.id(), e);
                }
            }
        } finally {
            ending.heard(run.id());
            // Last, so that work this run's end started (a retry, a triggered run) is counted before it is done.
            if (liveRun != null) {
                liveRun.activity.close();
            }
        }
    }

    /**
     * Whether the run may still start work: it is in flight, or it has ended and the listeners of its end (a
     * conditional trigger that starts the next job) have not all run yet.
     */
    boolean stillActive(JobRun run) {
        return IN_FLIGHT.contains(run.jobRunState()) || ending.beingHeard(run.id());
    }

    private void retryIfAllowed(Scope scope, JobRun failed) {
        Job job = states.get(scope).jobs.get(failed.jobName());
        int attempt = failed.attempt() == null ? 0 : failed.attempt();
        if (job != null && job.maxRetries() != null && attempt < job.maxRetries()) {
            start(scope, RunRequest.retryOf(failed), false);
        }
    }

    // ---- restarts, deletes and resets ----------------------------------------------------------

    /** After a restart: runs that were in flight when Lab Cloud stopped can never finish; they end now. */
    public void endRunsInterruptedByRestart() {
        for (Map.Entry<Scope, JobsState> entry : states.all().entrySet()) {
            List<JobRun> interrupted = entry.getValue().runs.values().stream().map(StoredRun::run)
                    .filter(r -> IN_FLIGHT.contains(r.jobRunState())).toList();
            for (JobRun run : interrupted) {
                if (run.jobRunState() == JobRunState.STOPPING) {
                    transition(run.id(), JobRunState.STOPPED, null, false);
                } else {
                    transition(run.id(), JobRunState.FAILED, "Lab Cloud stopped while this run was "
                            + run.jobRunState() + "; the run was lost and not retried.", false);
                }
            }
        }
    }

    /**
     * Deletes the runs of the jobs {@code jobNames} accepts (DeleteJob, a reset): in-flight ones are told to
     * stop and let go without a state change, as their job no longer exists.
     */
    int discardRuns(Scope scope, Predicate<String> jobNames) {
        JobsState state = states.get(scope);
        List<String> discarded = new ArrayList<>();
        synchronized (state) {
            for (StoredRun stored : state.runs.values()) {
                if (jobNames.test(stored.run().jobName())) {
                    discarded.add(stored.run().id());
                }
            }
            discarded.forEach(state.runs::remove);
        }
        for (String runId : discarded) {
            runScopes.remove(runId);
            LiveRun liveRun = live.remove(runId);
            if (liveRun != null) {
                if (liveRun.timeout != null) {
                    liveRun.timeout.cancel();
                }
                executor.stop(runId);
                liveRun.activity.close();
            }
        }
        return discarded.size();
    }

    @Override
    public void close() {
        launcher.shutdownNow();
        executor.close();
    }
}
