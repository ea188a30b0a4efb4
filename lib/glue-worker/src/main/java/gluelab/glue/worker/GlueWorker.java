package gluelab.glue.worker;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import gluelab.glue.protocol.GlueCommand;
import gluelab.glue.protocol.GlueEvent;
import gluelab.glue.protocol.RunCommand;
import gluelab.glue.spi.BookmarkOption;
import gluelab.process.ClassDataArchive;
import gluelab.process.ProtocolException;

/**
 * The warm Spark process Lab Cloud runs Glue job runs in. It starts a local SparkSession, says
 * {@code ready}, then reads commands (JSON lines on stdin) and writes events (JSON lines on
 * stdout): the protocol is in lib/README.md, "Glue worker protocol".
 * <pre>
 * java &lt;spark.jvm.flags&gt; -Djava.security.manager=allow -cp &lt;classpath&gt; gluelab.glue.worker.GlueWorker
 * </pre>
 * System properties: {@code gluelab.worker.master} (default {@code local[*]}; a cluster's master URL runs the
 * runs' tasks on its executors, see {@link ClusterSettings}),
 * {@code gluelab.worker.stopGraceMillis} (default 3000), {@code gluelab.worker.warmUp} (default true:
 * one tiny CSV to Parquet round trip before {@code ready}, so the first run does not pay for it).
 */
public final class GlueWorker {

    private final Protocol protocol;
    private final PrintStream stderr;
    private final SparkSession spark;
    private final Path runsDirectory;
    private final RunSessions sessions;
    private final JarFetcher jarFetcher = new JarFetcher();
    private final RunClassLoaders classLoaders = new RunClassLoaders(GlueWorker.class.getClassLoader());
    /** On a Spark cluster: the jars of the worker's class path its executors need; null on the local Spark. */
    private final ExecutorJars executorJars;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "glue-worker-timer");
        t.setDaemon(true);
        return t;
    });
    private final long stopGraceMillis = Long.getLong("gluelab.worker.stopGraceMillis", 3000);
    private Path home;

    private GlueWorker(Protocol protocol, PrintStream stderr, SparkSession spark, Path runsDirectory, ExecutorJars executorJars) {
        this.protocol = protocol;
        this.executorJars = executorJars;
        this.stderr = stderr;
        this.spark = spark;
        this.runsDirectory = runsDirectory;
        this.sessions = new RunSessions(spark);
    }

    public static void main(String[] args) throws IOException {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // From here on, System.out and System.err are the current run's (or the worker's stderr).
        System.setOut(RoutingOutputStream.printStream(GlueEvent.Log.OUTPUT, stderr));
        System.setErr(RoutingOutputStream.printStream(GlueEvent.Log.ERROR, stderr));
        defaultProperty("software.amazon.awssdk.http.service.impl", "software.amazon.awssdk.http.apache.ApacheSdkHttpService");
        defaultProperty("aws.requestChecksumCalculation", "when_required");
        defaultProperty("aws.responseChecksumValidation", "when_required");
        RunLogging.install(stderr);
        ExitGuard.install(stderr);
        ArtifactStateInheritance.install(stderr);

        Path home = Files.createTempDirectory("gluelab-worker-");
        long sparkStart = System.nanoTime();
        boolean cluster = ClusterSettings.isCluster(master());
        ExecutorJars executorJars = cluster
                ? ExecutorJars.fromClasspath(System.getProperty("java.class.path"), home.resolve("executor-jars"))
                : null;
        if (executorJars != null) {
            // A cluster on other machines needs these at the same paths, or LAB_SPARK_CONF saying where they are.
            stderr.printf("[glue-worker] the executors' class path (spark.executor.extraClassPath): %s%n", executorJars.executorClasspath());
        }
        SparkSession spark = startSpark(home, executorJars);
        long warmStart = System.nanoTime();
        if (!cluster && !"false".equals(System.getProperty("gluelab.worker.warmUp"))) {
            warmUp(spark, home);
        }
        stderr.printf("[glue-worker] Spark %s started in %d ms on %s, warmed up in %d ms%n", spark.version(),
                (warmStart - sparkStart) / 1_000_000, spark.sparkContext().master(), (System.nanoTime() - warmStart) / 1_000_000);
        GlueWorker worker = new GlueWorker(new Protocol(stdout), stderr, spark, Files.createDirectories(home.resolve("runs")),
                executorJars);
        worker.home = home;
        long startupMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        worker.protocol.send(new GlueEvent.Ready(spark.version(), startupMillis));
        if (!"false".equals(System.getProperty("gluelab.worker.warmUp"))) {
            Thread s3 = new Thread(() -> {
                warmUpS3(spark, stderr);
                if (cluster) {
                    ClusterSettings.warmUp(spark, stderr);
                }
                ClassDataArchive.dumpIfAsked().ifPresent(outcome -> stderr.println("[glue-worker] " + outcome));
            }, "glue-worker-warm-up-s3");
            s3.setDaemon(true);
            s3.start();
        }
        worker.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String master() {
        return System.getProperty("gluelab.worker.master", "local[*]");
    }

    /** @param executorJars on a cluster, what the executors need of the worker's class path; null on the local Spark */
    static SparkSession startSpark(Path home, ExecutorJars executorJars) {
        String master = master();
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("glue-lab-worker")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.scheduler.mode", "FAIR")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.sql.warehouse.dir", home.resolve("warehouse").toUri().toString())
                .set("spark.sql.shuffle.partitions", "4")
                .set("spark.default.parallelism", "4")
                .set("spark.sql.adaptive.enabled", "true")
                .set("spark.plugins", RunTaskPlugin.class.getName())
                .set("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
        for (Map.Entry<String, String> s3a : S3aSettings.staticSettings().entrySet()) {
            conf.set("spark.hadoop." + s3a.getKey(), s3a.getValue());
        }
        if (executorJars != null) {
            // The plugin starts with each executor, before any run: from the executor's own class loader.
            conf.set("spark.jars", executorJars.jarHolding(RunTaskPlugin.class).toString());
            conf.set("spark.executor.extraClassPath", executorJars.executorClasspath().stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
            ClusterSettings.apply(conf, System.getenv(ClusterSettings.SPARK_CONF_ENVIRONMENT));
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** One tiny CSV to Parquet round trip, so that the first run does not pay for class loading and JIT. */
    private static void warmUp(SparkSession spark, Path home) {
        Path dir = home.resolve("warm-up");
        spark.range(100).selectExpr("id", "cast(id as string) as name", "id * 1.5 as amount")
                .write().mode("overwrite").option("header", true).csv(dir.resolve("csv").toString());
        spark.read().option("header", true).option("inferSchema", true).csv(dir.resolve("csv").toString())
                .write().mode("overwrite").parquet(dir.resolve("parquet").toString());
        spark.read().parquet(dir.resolve("parquet").toString()).count();
    }

    /**
     * Loads and initialises the SDK's S3 client and S3A once, against an address that refuses at
     * once, so that the first run reading S3 does not pay seconds for it. Runs after {@code ready}.
     */
    private static void warmUpS3(SparkSession spark, PrintStream stderr) {
        long start = System.nanoTime();
        RunCommand.AwsSettings nowhere = new RunCommand.AwsSettings("http://127.0.0.1:1", "us-east-1", "warm-up", "warm-up", null);
        try (software.amazon.awssdk.services.s3.S3Client client = JarFetcher.newClient(nowhere)) {
            client.headObject(r -> r.bucket("warm-up").key("warm-up"));
        } catch (RuntimeException expected) {
            // connection refused: the pipeline up to the socket is initialised
        }
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(spark.sparkContext().hadoopConfiguration());
        conf.set("fs.s3a.endpoint", nowhere.endpoint());
        conf.setBoolean("fs.s3a.impl.disable.cache", true);
        try (org.apache.hadoop.fs.FileSystem fs = new org.apache.hadoop.fs.Path("s3://warm-up/").getFileSystem(conf)) {
            fs.getUri();
        } catch (IOException | RuntimeException e) {
            stderr.println("[glue-worker] S3A warm-up: " + e);
        }
        stderr.printf("[glue-worker] S3 client and S3A warmed up in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    private void serve(BufferedReader commands) throws IOException {
        String line;
        while ((line = commands.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            GlueCommand command;
            try {
                command = GlueCommand.LINES.read(line);
            } catch (ProtocolException e) {
                protocol.send(new GlueEvent.CommandError(null, e.getMessage()));
                continue;
            }
            if (command instanceof RunCommand run) {
                startRun(run);
            } else if (command instanceof GlueCommand.Stop stop) {
                JobRun run = RunRegistry.get(stop.runId());
                if (run == null) {
                    protocol.send(new GlueEvent.CommandError(stop.runId(), "no such active run"));
                } else {
                    run.stop(stop.graceMillis() == null ? stopGraceMillis : stop.graceMillis());
                }
            } else if (command instanceof GlueCommand.Shutdown) {
                shutdown();
                return;
            }
        }
        shutdown(); // stdin closed: Lab Cloud is gone
    }

    private void startRun(RunCommand command) {
        try {
            command.requireRunnable();
            BookmarkOption.parse(command.bookmarkOption());
        } catch (IllegalArgumentException e) {
            if (command.runId() != null && !command.runId().isBlank()) {
                protocol.send(new GlueEvent.Finished(command.runId(), GlueEvent.RunState.FAILED,
                        "Invalid run command: " + e.getMessage()));
            } else {
                protocol.send(new GlueEvent.CommandError(null, "invalid run command: " + e.getMessage()));
            }
            return;
        }
        if (RunRegistry.get(command.runId()) != null) {
            protocol.send(new GlueEvent.CommandError(command.runId(), "run already active"));
            return;
        }
        JobRun run = new JobRun(command, this);
        RunRegistry.register(run);
        run.start();
    }

    private void shutdown() {
        for (JobRun run : RunRegistry.active()) {
            run.stop(500);
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (!RunRegistry.active().isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                break;
            }
        }
        try {
            spark.stop();
        } catch (RuntimeException e) {
            stderr.println("[glue-worker] stopping Spark: " + e);
        }
        jarFetcher.close();
        deleteQuietly(home);
        ExitGuard.allowExit();
        System.exit(0);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: it is a temporary directory
        }
    }

    Protocol protocol() {
        return protocol;
    }

    PrintStream stderr() {
        return stderr;
    }

    SparkSession spark() {
        return spark;
    }

    RunSessions sessions() {
        return sessions;
    }

    Path runsDirectory() {
        return runsDirectory;
    }

    /** On a Spark cluster, the worker's jars a run's executors need; null on the local Spark. */
    ExecutorJars executorJars() {
        return executorJars;
    }

    JarFetcher jarFetcher() {
        return jarFetcher;
    }

    RunClassLoaders classLoaders() {
        return classLoaders;
    }

    ScheduledExecutorService timer() {
        return timer;
    }
}
