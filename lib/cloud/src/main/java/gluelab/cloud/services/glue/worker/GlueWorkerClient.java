package gluelab.cloud.services.glue.worker;

import gluelab.glue.protocol.GlueCommand;
import gluelab.glue.protocol.GlueEvent;
import gluelab.glue.protocol.RunCommand;
import gluelab.process.ProcessOwner;
import gluelab.process.ProcessSpec;
import gluelab.process.ProtocolException;
import gluelab.process.WarmProcess;
import gluelab.process.WarmProcessPool;
import gluelab.process.WorkLoss;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Lab Cloud's side of the Glue worker protocol (lib/README.md): one warm worker JVM in a
 * {@link WarmProcessPool}, sent {@link GlueCommand}s on its stdin and read for {@link GlueEvent}s on its stdout.
 * Runs submitted while the worker starts wait for its {@code ready}. If the worker dies, every run it held is
 * reported lost and the next run starts a new worker (kept warm: started at once, see {@link #keepWarm()});
 * Lab Cloud itself never goes down with it. The worker's stderr (Spark's own logging) goes to
 * {@code glue-worker.log} in its working directory. The first worker of a build writes a class-data archive once
 * warmed up, for the next ones to map ({@link WorkerCommandLine}).
 */
public final class GlueWorkerClient implements JobRunExecutor {

    static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** The worker takes every run, so all runs share one key. */
    private static final String RUNS = "glue-job-runs";
    private static final Logger LOG = Logger.getLogger(GlueWorkerClient.class.getName());

    private final WorkerEvents events;
    private final WarmProcessPool<RunCommand> pool;
    private volatile boolean keepWarm;

    /**
     * @param commandLine   the worker's command; throws {@link IllegalStateException} (with a message for the
     *                      learner) when the worker is not built
     * @param workDirectory where the worker runs (Spark writes scratch files there)
     */
    public GlueWorkerClient(Supplier<WorkerCommandLine.Launch> commandLine, Path workDirectory, WorkerEvents events) {
        this.events = events;
        this.pool = new WarmProcessPool<>("glue-worker", WarmProcessPool.Limits.oneProcess(STARTUP_LIMIT, SHUTDOWN_GRACE),
                new Worker(commandLine, workDirectory), InstantSource.system());
    }

    /**
     * Starts the worker now, in the background, so the first run finds Spark warm; and again whenever a worker
     * that was ready dies, so the run after a crash finds one warm too. (A worker that dies before it is ready is
     * not restarted until a run asks for one: whatever kills it at start-up would kill the next one too.)
     */
    public void keepWarm() {
        keepWarm = true;
        startInBackground();
    }

    private void startInBackground() {
        Thread starter = new Thread(() -> pool.prestart(RUNS), "glue-worker-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public void submit(RunCommand command) {
        pool.submit(RUNS, command.runId(), command);
    }

    @Override
    public void stop(String runId) {
        if (pool.withdraw(runId)) {
            events.finished(runId, GlueEvent.RunState.STOPPED.name(), null);
        } else {
            pool.holder(runId).ifPresent(worker -> worker.sendLine(
                    GlueCommand.LINES.write(GlueCommand.Stop.withDefaultGrace(runId))));
        }
    }

    @Override
    public String status() {
        return pool.status().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        pool.close();
    }

    /** How the pool starts the worker, hands it runs, and hears from it. */
    private final class Worker implements ProcessOwner<RunCommand> {

        private final Supplier<WorkerCommandLine.Launch> commandLine;
        private final Path workDirectory;
        private volatile WarmProcess lastReady;

        Worker(Supplier<WorkerCommandLine.Launch> commandLine, Path workDirectory) {
            this.commandLine = commandLine;
            this.workDirectory = workDirectory;
        }

        @Override
        public ProcessSpec spec(String key, String processId) {
            WorkerCommandLine.Launch launch = commandLine.get();
            launch.archive().ifPresent(archive -> LOG.info("The Glue worker " + processId + (archive.exists()
                    ? " maps the class-data archive " : " writes its class-data archive once warmed up: ") + archive));
            return ProcessSpec.of(launch.command(), workDirectory, workDirectory.resolve("glue-worker.log"));
        }

        @Override
        public void deliver(WarmProcess worker, RunCommand command) {
            worker.sendLine(GlueCommand.LINES.write(command));
        }

        @Override
        public void stopGracefully(WarmProcess worker) {
            worker.sendLine(GlueCommand.LINES.write(new GlueCommand.Shutdown()));
            worker.closeInput();
        }

        @Override
        public void lost(RunCommand command, WorkLoss why) {
            events.lost(command.runId(), message(why));
        }

        /** Called after the runs it held were reported lost; a closed pool starts nothing. */
        @Override
        public void exited(WarmProcess worker, int exitCode) {
            if (keepWarm && worker == lastReady) {
                LOG.info("The Glue worker " + worker.id() + " ended (code " + exitCode + "); starting a new one");
                startInBackground();
            }
        }

        @Override
        public void stdoutLine(WarmProcess worker, String line) {
            GlueEvent event;
            try {
                event = GlueEvent.LINES.read(line);
            } catch (ProtocolException e) {
                LOG.fine("The Glue worker wrote a line that is not an event (" + e.getMessage() + "): " + line);
                return;
            }
            String runId = event.runId();
            if (event instanceof GlueEvent.Ready ready) {
                lastReady = worker;
                worker.markReady();
                LOG.info("The Glue worker is ready (Spark " + ready.sparkVersion() + ", started in "
                        + ready.startupMillis() + " ms)");
            } else if (event instanceof GlueEvent.Running) {
                events.running(runId);
            } else if (event instanceof GlueEvent.Log log) {
                events.log(runId, log.stream(), log.message());
            } else if (event instanceof GlueEvent.Bookmark bookmark) {
                events.bookmark(runId, bookmark.state());
            } else if (event instanceof GlueEvent.DataQualityResult result) {
                events.dataQualityResult(runId, result.result());
            } else if (event instanceof GlueEvent.Finished finished) {
                pool.complete(runId);
                events.finished(runId, finished.state().name(), finished.errorMessage());
            } else if (event instanceof GlueEvent.CommandError error) {
                if (runId != null && pool.complete(runId) != null) {
                    events.lost(runId, "The Glue worker could not run it: " + error.message());
                } else {
                    LOG.warning("The Glue worker reported: " + error.message());
                }
            }
        }
    }

    private static String message(WorkLoss why) {
        if (why instanceof WorkLoss.ProcessExited exited) {
            return "The Glue worker process " + exited.howItEnded()
                    + (exited.reason() == null ? "" : " because " + exited.reason())
                    + " while this run was in flight"
                    + (exited.lastLogLine() == null ? "" : "; its last words: " + exited.lastLogLine())
                    + ". Lab Cloud starts a new worker for the next run (worker log: " + exited.logFile() + ").";
        }
        if (why instanceof WorkLoss.ProcessNotStarted notStarted) {
            return "The Glue worker could not be started: " + notStarted.message();
        }
        return "Lab Cloud is shutting down; the run was not started.";
    }
}
