package gluelab.glue.worker;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.spark.JobArtifactSet;
import org.apache.spark.JobArtifactState;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.Schedulable;
import org.apache.spark.scheduler.TaskSchedulerImpl;
import org.apache.spark.sql.SparkSession;

import gluelab.glue.GlueRun;
import gluelab.glue.protocol.GlueEvent.RunState;
import gluelab.glue.protocol.GlueEvent;
import gluelab.glue.protocol.RunCommand;
import gluelab.glue.spi.RunEnvironments;
import gluelab.glue.worker.s3a.RunCredentialsProvider;
import scala.Option;
import scala.runtime.AbstractFunction0;
import scala.runtime.BoxedUnit;

/**
 * One job run in the worker: fetch the jars, make the run's class loader, session and Spark
 * identity, call the job's {@code main} on a run thread, and report how it ended.
 * <p>
 * Executor class visibility: the run's jars are added to Spark under the run's own
 * {@link JobArtifactState} (Spark 3.5's session isolation), so every task of the run gets an
 * executor class loader with exactly those jars: lambdas, UDFs and bean classes of the job
 * deserialize there, and two runs with different versions of a class never share one. A run without
 * jars (a built-in run of the worker's own classes) needs no such state: its tasks keep the executor's
 * class loader, as its thread keeps a shared one ({@link RunClassLoaders}).
 */
final class JobRun {

    private final RunCommand command;
    private final GlueWorker worker;
    private final RunOutput output;
    private final WorkerRunEnvironment environment;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean stopRequested;
    private volatile boolean inJobCode;
    private volatile Thread thread;

    JobRun(RunCommand command, GlueWorker worker) {
        this.command = command;
        this.worker = worker;
        this.output = new RunOutput(command.runId(), worker.protocol());
        this.environment = new WorkerRunEnvironment(command, worker.protocol());
    }

    String runId() {
        return command.runId();
    }

    RunCommand command() {
        return command;
    }

    RunOutput output() {
        return output;
    }

    boolean isFinished() {
        return finished.get();
    }

    void start() {
        ThreadGroup group = new ThreadGroup("run-" + runId());
        thread = new Thread(group, this::execute, "glue-run-" + runId());
        thread.setDaemon(true);
        thread.start();
    }

    private void execute() {
        RunRegistry.bindCurrentThread(this);
        Path directory = worker.runsDirectory().resolve(runId());
        RunClassLoader loader = null;
        SparkSession session = null;
        RunState state = RunState.FAILED;
        String errorMessage = null;
        try {
            List<Path> jars = worker.jarFetcher().fetch(command, directory);
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            DatalakeFormats formats = DatalakeFormats.of(command.args());
            loader = worker.classLoaders().forRun(runId(), urls, command.userJarsFirst(), formats.iceberg());
            Thread.currentThread().setContextClassLoader(loader);

            JobSparkConf sparkConf = JobSparkConf.of(command.args());
            session = worker.sessions().newSession(IcebergCatalogSettings.withLabPlumbing(sparkConf.settings(), command.aws()),
                    sparkConf.extensions(), loader, System.err);
            SparkContext sc = session.sparkContext();
            S3aSettings.applyRun(sc.hadoopConfiguration(), command.aws(), RunRegistry.active().size() - 1);
            SparkSession.setActiveSession(session);
            sc.setJobGroup(runId(), "Glue job " + command.jobName() + " run " + runId(), true);
            sc.setLocalProperty("spark.scheduler.pool", runId());
            sc.setLocalProperty(RunRegistry.RUN_ID_PROPERTY, runId());
            carryCredentials(sc, command.aws());
            List<String> executorJars = executorJars(jars, formats.iceberg(), directory);
            RunEnvironments.bind(environment);

            Method main = mainMethod(loader);
            worker.protocol().send(new GlueEvent.Running(runId()));
            if (executorJars.isEmpty()) {
                // Only the worker's own classes, in local mode: no artifact session, so tasks keep the executor's
                // class loader and Spark's generated code is reused from run to run (RunClassLoaders says why).
                invoke(main);
            } else {
                JobArtifactState artifacts = new JobArtifactState(runId(), Option.empty());
                JobArtifactSet.withActiveJobArtifactState(artifacts, new AbstractFunction0<BoxedUnit>() {
                    @Override
                    public BoxedUnit apply() {
                        executorJars.forEach(sc::addJar);
                        invoke(main);
                        return BoxedUnit.UNIT;
                    }
                });
            }
            state = RunState.SUCCEEDED;
        } catch (Throwable failure) {
            Throwable cause = ErrorMessages.unwrap(failure instanceof JobFailure f ? f.getCause() : failure);
            ExitGuard.JobExitException exit = ErrorMessages.exitIn(cause);
            if (stopRequested) {
                state = RunState.STOPPED;
            } else if (exit != null && exit.status == 0) {
                state = RunState.SUCCEEDED; // System.exit(0) ends a job normally
            } else {
                state = RunState.FAILED;
                errorMessage = ErrorMessages.of(cause);
                if (exit == null) {
                    PrintStream err = System.err; // the run's error stream
                    err.println("Exception in User Class: " + errorMessage);
                    cause.printStackTrace(err);
                }
            }
        } finally {
            inJobCode = false;
            Thread.interrupted();
            finishMetrics();
            cleanUp(session, loader, directory);
            finish(state, errorMessage);
        }
    }

    /** The task-side half of {@link gluelab.glue.worker.s3a.RunCredentialsProvider}: executors of a cluster have no run registry. */
    private static void carryCredentials(SparkContext sc, RunCommand.AwsSettings aws) {
        sc.setLocalProperty(RunCredentialsProvider.ACCESS_KEY, aws.accessKeyId());
        sc.setLocalProperty(RunCredentialsProvider.SECRET_KEY, aws.accessKeyId() == null ? null : aws.secretAccessKey());
        sc.setLocalProperty(RunCredentialsProvider.SESSION_TOKEN, aws.accessKeyId() == null ? null : aws.sessionToken());
    }

    /**
     * What the run's tasks load classes from. Locally: its jars, where they are. On a cluster: its jars under names
     * of this run (the driver serves jars by file name, and every run has a {@code 01-…jar}), and the worker's.
     */
    private List<String> executorJars(List<Path> jars, boolean iceberg, Path directory) throws IOException {
        if (worker.executorJars() == null) {
            return jars.stream().map(jar -> "local:" + jar).toList();
        }
        List<String> served = new java.util.ArrayList<>();
        Files.createDirectories(directory);
        for (Path jar : jars) {
            Path named = directory.resolve("run-" + runId() + "-" + jar.getFileName());
            if (!Files.exists(named)) {
                Files.copy(jar, named);
            }
            served.add(named.toString());
        }
        worker.executorJars().forRun(iceberg).forEach(jar -> served.add(jar.toString()));
        return served;
    }

    private Method mainMethod(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> jobClass = Class.forName(command.className(), true, loader);
        Method main = jobClass.getMethod("main", String[].class);
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new NoSuchMethodException(command.className() + ".main(String[]) is not static");
        }
        return main;
    }

    private void invoke(Method main) {
        if (stopRequested) {
            throw new JobFailure(new InterruptedException("stopped before start"));
        }
        inJobCode = true;
        try {
            main.invoke(null, (Object) command.args().toArray(String[]::new));
        } catch (ReflectiveOperationException e) {
            throw new JobFailure(e);
        } finally {
            inJobCode = false;
        }
    }

    /** Carries a job's checked exception through Scala's Function0. */
    private static final class JobFailure extends RuntimeException {
        JobFailure(Throwable cause) {
            super(cause);
        }
    }

    private void finishMetrics() {
        try {
            GlueRun.existing(environment).ifPresent(run -> run.finish(System.out));
        } catch (Throwable e) {
            worker.stderr().println("[glue-worker] run " + runId() + ": metrics: " + e);
        }
    }

    private void cleanUp(SparkSession session, RunClassLoader loader, Path directory) {
        try {
            if (session != null) {
                SparkContext sc = session.sparkContext();
                // The run's query listeners would keep its session (and class loader) alive.
                session.listenerManager().clear();
                sc.addedJars().remove(runId());
                if (sc.taskScheduler() instanceof TaskSchedulerImpl scheduler) {
                    Schedulable pool = scheduler.rootPool().getSchedulableByName(runId());
                    if (pool != null) {
                        scheduler.rootPool().removeSchedulable(pool);
                    }
                }
            }
            worker.classLoaders().release(loader);
            if (Files.isDirectory(directory)) {
                try (var files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException | RuntimeException e) {
            worker.stderr().println("[glue-worker] run " + runId() + ": clean-up: " + e);
        }
    }

    /** Sends {@code finished} once, after every log line of the run. */
    void finish(RunState state, String errorMessage) {
        output.flush();
        if (finished.compareAndSet(false, true)) {
            RunRegistry.unregister(this);
            worker.protocol().send(new GlueEvent.Finished(runId(), state, errorMessage));
        }
    }

    /**
     * Stops the run: cancels its Spark jobs (interrupting their tasks) and interrupts the run
     * thread; after {@code graceMillis}, kills the run thread and any task thread still working
     * for the run. If even that does not end it, the run is reported STOPPED and abandoned.
     */
    @SuppressWarnings("removal")
    void stop(long graceMillis) {
        if (finished.get()) {
            return;
        }
        stopRequested = true;
        try {
            worker.spark().sparkContext().cancelJobGroup(runId());
        } catch (RuntimeException e) {
            worker.stderr().println("[glue-worker] run " + runId() + ": cancel: " + e);
        }
        Thread runThread = thread;
        if (runThread != null) {
            runThread.interrupt();
        }
        worker.timer().schedule(() -> {
            // Even a run that has ended may leave a task spinning in a loop that ignores interrupts.
            for (Thread task : RunRegistry.taskThreadsOf(runId())) {
                worker.stderr().println("[glue-worker] run " + runId() + ": killing task thread " + task.getName());
                task.stop();
            }
            Thread t = thread;
            if (!finished.get() && t != null && t.isAlive() && inJobCode) {
                worker.stderr().println("[glue-worker] run " + runId() + ": killing the run thread");
                t.stop();
            }
        }, graceMillis, TimeUnit.MILLISECONDS);
        worker.timer().schedule(() -> {
            if (!finished.get()) {
                worker.stderr().println("[glue-worker] run " + runId() + " did not end after stop; abandoning its thread");
                finish(RunState.STOPPED, null);
            }
        }, graceMillis + 10_000, TimeUnit.MILLISECONDS);
    }
}
