package gluelab.lab.targets;

import gluelab.lab.Durations;
import gluelab.lab.LabHome;
import gluelab.lab.LabSetupException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes sure a Lab Cloud answers at an endpoint on this machine, starting one if nothing does: a detached
 * {@code java gluelab.cloud.LabCloud} from the built {@code lib/cloud} classes, with its state in
 * {@code build/lab-cloud/state} so it survives restarts, and its output in {@code build/lab-cloud/lab-cloud.log}.
 * It keeps running after the notebook's kernel stops; the next notebook reuses it. Its process id is recorded
 * ({@link LabCloudProcess}) so that {@code ./lab stop} stops exactly it.
 */
public final class LabCloudLauncher {

    static final String MAIN_CLASS = "gluelab.cloud.LabCloud";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(250);

    private final Path home;
    private final Path runDir;
    private final List<String> extraArguments;

    /**
     * @param home           the checkout (see {@link gluelab.lab.LabHome})
     * @param runDir         where the state, the log and the start lock live; {@code build/lab-cloud} normally
     * @param extraArguments more {@code LabCloud} options, e.g. {@code --glue-worker off}
     */
    public LabCloudLauncher(Path home, Path runDir, List<String> extraArguments) {
        this.home = home;
        this.runDir = runDir;
        this.extraArguments = List.copyOf(extraArguments);
    }

    public static LabCloudLauncher forHome(Path home) {
        return new LabCloudLauncher(home, home.resolve("build").resolve("lab-cloud"), List.of());
    }

    public Path log() {
        return runDir.resolve("lab-cloud.log");
    }

    /**
     * Returns once a Lab Cloud answers at {@code endpoint}: at once if one does, else after starting one and
     * printing its progress to {@code out}. Returns the started process, or null if one was already there.
     */
    public Process ensureRunning(URI endpoint, PrintStream out) {
        LabCloudAdmin admin = new LabCloudAdmin(endpoint);
        if (admin.probe() == LabCloudAdmin.Probe.LAB_CLOUD) {
            return null;
        }
        try {
            Files.createDirectories(runDir);
            // Two notebooks starting at once (the headless suite) must not both start one: the second waits here.
            try (FileChannel channel = FileChannel.open(runDir.resolve("start.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                LabCloudAdmin.Probe probe = admin.probe();
                if (probe == LabCloudAdmin.Probe.LAB_CLOUD) {
                    return null;
                }
                if (probe == LabCloudAdmin.Probe.OTHER) {
                    throw somethingElseAnswers(endpoint);
                }
                return start(endpoint, admin, out);
            }
        } catch (IOException e) {
            throw new LabSetupException("Cannot start Lab Cloud: " + e.getMessage(), e);
        }
    }

    /** The command that starts Lab Cloud on {@code port}. */
    public List<String> command(int port) {
        Path classes = home.resolve("lib/cloud/target/classes");
        Path classpathFile = home.resolve("lib/cloud/target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new LabSetupException("Lab Cloud is not built yet (no " + home.relativize(classes) + " or "
                    + home.relativize(classpathFile) + "). Build it once: any ./lab command builds it (e.g. ./lab up), or mvn -f lib/pom.xml "
                    + "-DskipTests package.");
        }
        String dependencies;
        try {
            dependencies = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new LabSetupException("Cannot read " + classpathFile + ": " + e.getMessage(), e);
        }
        String classpath = dependencies.isEmpty() ? classes.toString() : classes + File.pathSeparator + dependencies;
        // It runs in the checkout and is told where that is, so it can find the Glue worker's class path.
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-D" + LabHome.HOME_PROPERTY + "=" + home,
                "-cp", classpath, MAIN_CLASS,
                "--port", String.valueOf(port), "--state-dir", runDir.resolve("state").toString()));
        command.addAll(extraArguments);
        return command;
    }

    private Process start(URI endpoint, LabCloudAdmin admin, PrintStream out) throws IOException {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
        List<String> command = command(port);
        long logOffset = Files.exists(log()) ? Files.size(log()) : 0;
        long started = System.nanoTime();
        out.print("Starting Lab Cloud on port " + port + " (log: " + describe(log()) + ") ");
        out.flush();
        Process process = DetachedProcess.start(command, home, log());
        new LabCloudProcess(runDir).record(process.pid(), endpoint);
        long nextDot = System.nanoTime();
        while (true) {
            if (admin.probe() == LabCloudAdmin.Probe.LAB_CLOUD) {
                out.println(" ready in " + Durations.describe(Duration.ofNanos(System.nanoTime() - started)));
                return process;
            }
            if (!process.isAlive()) {
                out.println(" failed.");
                throw new LabSetupException("Lab Cloud stopped while starting (exit " + process.exitValue() + "). The end of "
                        + log() + ":\n" + logTail(logOffset));
            }
            if (System.nanoTime() - started > START_TIMEOUT.toNanos()) {
                out.println(" gave up.");
                process.destroy();
                throw new LabSetupException("Lab Cloud did not answer " + endpoint + "/_lab/health within "
                        + START_TIMEOUT.toSeconds() + " s. The end of " + log() + ":\n" + logTail(logOffset));
            }
            if (System.nanoTime() >= nextDot) {
                out.print('.');
                out.flush();
                nextDot += Duration.ofSeconds(1).toNanos();
            }
            sleep(POLL);
        }
    }

    private LabSetupException somethingElseAnswers(URI endpoint) {
        return new LabSetupException("Something that is not Lab Cloud answers at " + endpoint + " (LocalStack?). "
                + "Stop it, or run Lab Cloud on another port with LAB_ENDPOINT=http://127.0.0.1:4567, "
                + "or use it with LAB_TARGET=localstack.");
    }

    private String describe(Path path) {
        return path.startsWith(home) ? home.relativize(path).toString() : path.toString();
    }

    private String logTail(long fromOffset) {
        try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "r")) {
            long start = Math.max(fromOffset, file.length() - 4000);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            List<String> lines = Arrays.asList(text.split("\n"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(the log cannot be read: " + e.getMessage() + ")";
        }
    }

    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabSetupException("Interrupted while waiting for Lab Cloud to start");
        }
    }
}
