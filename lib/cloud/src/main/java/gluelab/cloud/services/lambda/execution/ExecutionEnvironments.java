package gluelab.cloud.services.lambda.execution;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RoleSessions.RoleSession;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.lambda.FunctionOperations;
import gluelab.cloud.state.Directories;
import gluelab.process.ProcessOwner;
import gluelab.process.ProcessSpec;
import gluelab.process.WarmProcess;
import gluelab.process.WarmProcessPool;
import gluelab.process.WorkLoss;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lambda's execution environments: each one its own JVM running AWS's Java Runtime Interface Client against Lab
 * Cloud's Runtime API ({@link RuntimeApiServer}), with the function's code as its task root, its environment
 * variables and its execution role's session credentials, and {@code AWS_ENDPOINT_URL} pointing at the edge so the
 * SDK clients in a handler reach Lab Cloud unchanged and are judged as the role. Environments are warm processes of
 * a {@link WarmProcessPool}: kept for the next invocation of the same function setup, reaped when idle, and capped
 * in number for a small machine, with invocations queueing beyond the cap.
 *
 * <p>An environment does one invocation at a time. Its end is the invocation's end: a timeout kills it ("Task timed
 * out after N.NN seconds"), and a runtime that exits ({@code Runtime.ExitError}) or fails to initialise fails only
 * the invocation it held; the next one starts a fresh environment.
 */
public final class ExecutionEnvironments implements ProcessOwner<Invocation>, RuntimeApiServer.Handler,
        FunctionOperations.Environments, AutoCloseable {

    /** How many environments may run at once: {@code gluelab.lambda.environments}, else 3 on a 2-core machine. */
    public static final String MAX_ENVIRONMENTS = "gluelab.lambda.environments";
    private static final Logger LOG = Logger.getLogger(ExecutionEnvironments.class.getName());
    private static final Duration IDLE_LIMIT = Duration.ofMinutes(3);
    private static final Duration SESSION = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a log waits at most for lines known to be on their way (see {@code complete}). */
    private static final long LINES_ON_THEIR_WAY_MILLIS = 1000;

    private final Platform platform;
    private final FunctionLogs logs;
    private final Path workDirectory;
    private final RuntimeApiServer runtimeApi;
    private final WarmProcessPool<Invocation> pool;
    private final Map<String, FunctionSetup> setups = new ConcurrentHashMap<>();
    private final Map<String, Environment> byProcess = new ConcurrentHashMap<>();
    private final Map<String, Environment> byToken = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lambda-environment-timers");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String runtimeClasspath;

    public ExecutionEnvironments(Platform platform, Path workDirectory) {
        this.platform = platform;
        this.logs = new FunctionLogs(platform.logs(), platform.clock());
        this.workDirectory = workDirectory;
        this.runtimeApi = new RuntimeApiServer(this);
        int max = Integer.getInteger(MAX_ENVIRONMENTS, Math.max(2, Runtime.getRuntime().availableProcessors() + 1));
        this.pool = new WarmProcessPool<>("lambda-environment",
                new WarmProcessPool.Limits(max, 1, Duration.ofSeconds(60), Duration.ofSeconds(2)), this,
                InstantSource.system());
        timers.scheduleWithFixedDelay(() -> pool.reapIdle(IDLE_LIMIT), 30, 30, TimeUnit.SECONDS);
    }

    /**
     * Runs one invocation and waits for its result: the function's response, its error, or the error Lambda reports
     * for a timeout, an exit or a failed initialisation.
     */
    public InvocationResult invoke(FunctionSetup setup, String invokedArn, String requestId, byte[] payload,
                                   InvocationMode mode) {
        Invocation invocation = new Invocation(requestId, setup, invokedArn, payload, mode);
        setups.put(setup.key(), setup);
        retireExpiring(setup);
        pool.submit(setup.key(), requestId, invocation);
        // Beyond the function's own timeout, the invocation may wait for room among the environments.
        long waitSeconds = setup.function().timeout() + 900L;
        try {
            return invocation.result.get(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.withdraw(requestId);
            throw new IllegalStateException("Interrupted while invoking " + setup.function().functionName());
        } catch (ExecutionException | TimeoutException e) {
            pool.withdraw(requestId);
            throw new IllegalStateException("The invocation of " + setup.function().functionName() + " did not end", e);
        }
    }

    /**
     * Ends the idle environments of the setup whose role credentials would expire, on the lab clock, before an
     * invocation could end: as on AWS, an environment never outlives its credentials, even when the clock is advanced.
     */
    private void retireExpiring(FunctionSetup setup) {
        Instant latestEnd = platform.clock().instant().plusSeconds(setup.function().timeout() + 60L);
        pool.retireIdle(process -> {
            Environment environment = byProcess.get(process.id());
            return environment != null && environment.setup.key().equals(setup.key())
                    && environment.session.credential().expiration() != null
                    && environment.session.credential().expiration().isBefore(latestEnd);
        });
    }

    /** Starts an environment for the setup ahead of its first invocation, if there is room. */
    public void prestart(FunctionSetup setup) {
        setups.put(setup.key(), setup);
        pool.prestart(setup.key());
    }

    /** How many environments run now, for the health page and the views. */
    public int running() {
        return pool.processes().size();
    }

    // ---- the pool's owner ------------------------------------------------------------------------------------

    @Override
    public ProcessSpec spec(String key, String processId) {
        FunctionSetup setup = setups.get(key);
        if (setup == null) {
            throw new IllegalStateException("No function setup for " + key);
        }
        var function = setup.function();
        Arn role = Arn.parse(function.role()).orElseThrow();
        String id = HexFormat.of().formatHex(randomBytes(16));
        RoleSession session = platform.roles().assumeRoleAsService(FunctionOperations.LAMBDA_PRINCIPAL, role,
                function.functionName(), SESSION);
        String token = HexFormat.of().formatHex(randomBytes(24));
        String stream = logs.newStreamName(setup.version(), id);
        Environment environment = new Environment(processId, token, setup, session, stream);
        byProcess.put(processId, environment);
        byToken.put(token, environment);
        if (runtimeClasspath == null) {
            runtimeClasspath = RuntimeClasspath.get();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        if (function.environment() != null && function.environment().variables() != null) {
            variables.putAll(function.environment().variables());
        }
        String region = setup.scope().region();
        variables.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        variables.put("LANG", "en_US.UTF-8");
        variables.put("TZ", ":UTC");
        variables.put("_HANDLER", function.handler());
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtimeAsString());
        variables.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", setup.version());
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySize()));
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.functionName());
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", stream);
        variables.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address(token));
        variables.put("AWS_REGION", region);
        variables.put("AWS_DEFAULT_REGION", region);
        variables.put("AWS_ACCESS_KEY_ID", session.credential().accessKeyId());
        variables.put("AWS_SECRET_ACCESS_KEY", session.credential().secretAccessKey());
        variables.put("AWS_SESSION_TOKEN", session.credential().sessionToken());
        variables.put("AWS_ENDPOINT_URL", platform.edge().uri().toString());
        variables.put("LAMBDA_TASK_ROOT", setup.taskRoot().toString());
        variables.put("LAMBDA_RUNTIME_DIR", setup.taskRoot().toString());
        variables.put("TMPDIR", temporaryDirectory(processId).toString());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // As AWS's Java runtimes start: the heap from the memory size, serial GC, quick start-up over peak speed.
        command.add("-XX:MaxHeapSize=" + (function.memorySize() * 85L / 100) + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-Djava.net.preferIPv4Stack=true");
        // The runtime makes its telemetry log's FileDescriptor by reflection; AWS's java17 and java21 start it so too.
        command.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        command.add("-XX:+ErrorFileToStderr");
        command.add("-D" + RuntimeNativeLibrary.PROPERTY + "=" + RuntimeNativeLibrary.unpack(workDirectory.resolve("runtime")));
        // Each environment has a /tmp of its own, as on AWS, gone with the environment.
        Path tmp = temporaryDirectory(processId);
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-cp");
        command.add(runtimeClasspath);
        command.add(RuntimeClasspath.MAIN_CLASS);
        command.add(function.handler());
        Path log = workDirectory.resolve(processId + ".log");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + workDirectory + ": " + e.getMessage(), e);
        }
        Optional<TelemetryLog> telemetry = TelemetryLog.open(workDirectory.resolve(processId + ".telemetry"), processId,
                environment::addLine);
        environment.telemetry = telemetry.orElse(null);
        if (telemetry.isPresent()) {
            variables.put(TelemetryLog.FD_VARIABLE, telemetry.get().descriptor());
            command = telemetry.get().wrap(command);
        }
        // The runtime's stderr goes to the function's log with its stdout, as Lambda's Java runtime sends both there.
        return new ProcessSpec(command, variables, false, setup.taskRoot(), log, true);
    }

    @Override
    public void deliver(WarmProcess process, Invocation work) {
        Environment environment = byProcess.get(process.id());
        if (environment != null) {
            environment.mailbox.add(work);
        }
    }

    @Override
    public void stdoutLine(WarmProcess process, String line) {
        Environment environment = byProcess.get(process.id());
        if (environment != null) {
            environment.addLine(line);
        }
    }

    @Override
    public void lost(Invocation work, WorkLoss why) {
        // The pool reports lost work before it says the process ended, so the environment is still known here.
        Environment environment = why instanceof WorkLoss.ProcessExited exited ? byProcess.get(exited.processId())
                : null;
        String id = work.requestId;
        if (work.timedOut) {
            String seconds = String.format(Locale.ROOT, "%.2f", (double) work.setup.function().timeout());
            String message = "Task timed out after " + seconds + " seconds";
            finish(environment, work, errorDocument("Sandbox.Timedout", "RequestId: " + id + " Error: " + message),
                    List.of(platform.clock().instant() + " " + id + " " + message));
            return;
        }
        if (environment != null && environment.initError != null) {
            finish(environment, work, environment.initError, List.of());
            return;
        }
        String reason;
        if (why instanceof WorkLoss.ProcessExited exited) {
            // Lambda's words: "exit status 3" for System.exit(3), "signal: killed" for a runtime killed by SIGKILL.
            reason = "Runtime exited with error: " + (exited.signal().isPresent()
                    ? "signal: " + signalName(exited.signal().getAsInt()) : "exit status " + exited.exitCode());
        } else if (why instanceof WorkLoss.ProcessNotStarted notStarted) {
            reason = "Runtime failed to start: " + notStarted.message();
        } else {
            reason = "Runtime exited: Lab Cloud is stopping";
        }
        String message = "RequestId: " + id + " Error: " + reason;
        finish(environment, work, errorDocument("Runtime.ExitError", message), List.of(message, "Runtime.ExitError"));
    }

    @Override
    public void exited(WarmProcess process, int exitCode) {
        Environment environment = byProcess.remove(process.id());
        if (environment != null) {
            byToken.remove(environment.token);
            environment.mailbox.add(Environment.GONE);
            if (environment.telemetry != null) {
                environment.telemetry.close();
            }
        }
        try {
            Directories.deleteTree(temporaryDirectory(process.id()));
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot clear the /tmp of " + process, e);
        }
    }

    // ---- the Runtime API --------------------------------------------------------------------------------------

    @Override
    public RuntimeApiServer.Answer next(String token) throws InterruptedException {
        Environment environment = byToken.get(token);
        if (environment == null) {
            return RuntimeApiServer.Answer.problem(403, "InvalidRuntimeToken", "Unknown execution environment");
        }
        if (!environment.ready) {
            environment.ready = true;
            environment.initDurationMillis = (System.nanoTime() - environment.createdNanos) / 1_000_000.0;
            pool.process(environment.processId).ifPresent(WarmProcess::markReady);
        }
        Invocation invocation = environment.mailbox.take();
        if (invocation == Environment.GONE) {
            return RuntimeApiServer.Answer.problem(410, "EnvironmentEnded", "The execution environment has ended");
        }
        awaitSettled(environment); // the last invocation's lines still on their way stay with it
        invocation.startedMillis = platform.clock().millis();
        invocation.startedNanos = System.nanoTime();
        environment.begin(invocation);
        long timeoutMillis = invocation.setup.function().timeout() * 1000L;
        invocation.timeout = timers.schedule(() -> timeOut(invocation), timeoutMillis, TimeUnit.MILLISECONDS);
        var function = invocation.setup.function();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + timeoutMillis));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", invocation.invokedArn);
        headers.put("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + invocation.requestId.replace("-", "").substring(0, 24) + ";Parent=0000000000000000;Sampled=0");
        // The runtime client needs both, even empty: it reads them unconditionally.
        headers.put("Lambda-Runtime-Client-Context", "");
        headers.put("Lambda-Runtime-Cognito-Identity", "");
        return new RuntimeApiServer.Answer(200, headers, invocation.payload);
    }

    @Override
    public RuntimeApiServer.Answer response(String token, String requestId, byte[] body) {
        return complete(token, requestId, body, null);
    }

    @Override
    public RuntimeApiServer.Answer error(String token, String requestId, byte[] body, String errorType) {
        return complete(token, requestId, body, InvocationResult.UNHANDLED);
    }

    @Override
    public RuntimeApiServer.Answer initError(String token, byte[] body, String errorType) {
        Environment environment = byToken.get(token);
        if (environment == null) {
            return RuntimeApiServer.Answer.problem(403, "InvalidRuntimeToken", "Unknown execution environment");
        }
        environment.initError = body;
        LOG.fine(() -> "Function " + environment.setup.function().functionName() + " failed to initialise: "
                + new String(body, StandardCharsets.UTF_8));
        return RuntimeApiServer.Answer.accepted();
    }

    private RuntimeApiServer.Answer complete(String token, String requestId, byte[] body, String functionError) {
        Environment environment = byToken.get(token);
        if (environment == null) {
            return RuntimeApiServer.Answer.problem(403, "InvalidRuntimeToken", "Unknown execution environment");
        }
        Invocation invocation = environment.current;
        if (invocation == null || !invocation.requestId.equals(requestId)) {
            return RuntimeApiServer.Answer.problem(400, "InvalidRequestID", "Invalid request ID");
        }
        if (functionError == null) {
            finishWith(environment, invocation, body, null, List.of());
        } else {
            finishWith(environment, invocation, body, functionError, List.of());
        }
        return RuntimeApiServer.Answer.accepted();
    }

    private void timeOut(Invocation invocation) {
        if (invocation.ended.get()) {
            return;
        }
        invocation.timedOut = true;
        pool.holder(invocation.requestId).ifPresent(process -> process.kill("Task timed out"));
    }

    private void finish(Environment environment, Invocation work, byte[] errorPayload, List<String> extraLines) {
        finishWith(environment, work, errorPayload, InvocationResult.UNHANDLED, extraLines);
    }

    /** Ends an invocation: frees its environment, writes its log, and answers whoever waits. */
    private void finishWith(Environment environment, Invocation invocation, byte[] payload, String functionError,
                            List<String> extraLines) {
        if (!invocation.ended.compareAndSet(false, true)) {
            return;
        }
        long durationNanos = invocation.startedNanos == 0 ? 0 : System.nanoTime() - invocation.startedNanos;
        if (invocation.timeout != null) {
            invocation.timeout.cancel(false);
        }
        long maxMemory = environment == null ? 0 : maxMemoryMb(environment);
        if (environment != null) {
            environment.end(invocation);
        }
        pool.complete(invocation.requestId);
        if (environment == null) {
            invocation.result.complete(new InvocationResult(payload, functionError, null, invocation.setup.version()));
            return;
        }
        List<String> initLines = environment.takeInitLines();
        if (!invocation.tail) {
            invocation.result.complete(new InvocationResult(payload, functionError, null, invocation.setup.version()));
        }
        Runnable takeLog = () -> {
            environment.settled(invocation);
            List<String> lines = logs.lines(environment, invocation, durationNanos, initLines, extraLines, maxMemory);
            if (invocation.tail) {
                invocation.result.complete(new InvocationResult(payload, functionError, FunctionLogs.tail(lines),
                        invocation.setup.version()));
            }
            logs.write(environment, lines, invocation.startedMillis, durationNanos);
        };
        // The log is taken a moment later, from another thread: the handler's last lines may still be in the pipes.
        // The runtime prints an unhandled exception only once its error report has been answered, which no pipe
        // shows, so a failed invocation waits its full time.
        long waitMillis = invocation.mode.settleMillis(functionError != null);
        if (functionError == null) {
            // Where the pipes can be probed, "not drained" means lines are still on their way to the log: on a loaded
            // machine the reader may not run for longer than the usual moment, and a caller of Invoke with
            // LogType=Tail would get a tail without them. Where they cannot be, it would wait for ever: the moment is all.
            long limitMillis = canTellOutputDrained(environment) ? Math.max(waitMillis, LINES_ON_THEIR_WAY_MILLIS)
                    : waitMillis;
            afterOutputDrains(environment, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis), -2, takeLog);
        } else {
            timers.schedule(takeLog, waitMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Runs {@code then} once everything the runtime wrote to its stdout and telemetry pipes has been read (the same
     * drained mark seen twice, a millisecond apart), or at {@code deadlineNanos}, whichever comes first.
     */
    private void afterOutputDrains(Environment environment, long deadlineNanos, long lastMark, Runnable then) {
        long mark = outputDrainedMark(environment);
        if ((mark >= 0 && mark == lastMark) || System.nanoTime() >= deadlineNanos) {
            then.run();
            return;
        }
        timers.schedule(() -> afterOutputDrains(environment, deadlineNanos, mark, then), 1, TimeUnit.MILLISECONDS);
    }

    private boolean canTellOutputDrained(Environment environment) {
        return pool.process(environment.processId).map(WarmProcess::canTellStdoutDrained).orElse(false);
    }

    /** The bytes read from both pipes, when both are drained; -1 otherwise. */
    private long outputDrainedMark(Environment environment) {
        long stdout = pool.process(environment.processId).map(WarmProcess::stdoutDrainedMark).orElse(-1L);
        TelemetryLog telemetry = environment.telemetry;
        long channel = telemetry == null ? 0 : telemetry.drainedMark();
        return stdout < 0 || channel < 0 ? -1 : stdout + channel;
    }

    /** The environment's peak resident memory (VmHWM), which is what Max Memory Used reports. */
    private long maxMemoryMb(Environment environment) {
        return pool.process(environment.processId).map(process -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "No memory figure for " + process, e);
            }
            return 0L;
        }).orElse(0L);
    }

    /** A signal as Lambda names it in Runtime.ExitError ("signal: killed"). */
    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> "killed";
            case 6 -> "aborted";
            case 11 -> "segmentation fault";
            case 15 -> "terminated";
            default -> "signal " + signal;
        };
    }

    private Path temporaryDirectory(String processId) {
        return workDirectory.resolve(processId + "-tmp");
    }

    /** Waits until the environment's last invocation has taken its lines (a moment after its result came). */
    private static void awaitSettled(Environment environment) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (environment.finishing != null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static byte[] errorDocument(String errorType, String message) {
        String json = "{\"errorType\":\"" + errorType + "\",\"errorMessage\":\"" + message.replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    // ---- functions changing -----------------------------------------------------------------------------------

    /** Ends the idle environments of a function whose code or configuration changed, or which was deleted. */
    @Override
    public void retire(Scope scope, String functionName) {
        String prefix = FunctionSetup.functionKeyPrefix(scope, functionName);
        for (WarmProcess process : pool.processes()) {
            Environment environment = byProcess.get(process.id());
            if (process.key().startsWith(prefix) && (environment == null || environment.current == null)) {
                process.kill("The function changed");
            }
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        pool.close();
        runtimeApi.close();
    }
}
