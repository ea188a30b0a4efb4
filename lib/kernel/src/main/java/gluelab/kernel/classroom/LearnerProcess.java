package gluelab.kernel.classroom;

import gluelab.kernel.install.KernelLaunch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One learner's kernel JVM: started as Jupyter starts the kernel ({@link KernelLaunch}: the same {@code java}, JVM
 * flags and class path, plus {@link #SHORT_LIVED_JVM}), running {@link LearnerGrading} in the learner's workspace with the learner's settings. Its
 * output goes to a log file. A JVM still running at the hard limit (learner code that ignores even the cell time
 * limit) is stopped, with every process it started.
 */
final class LearnerProcess {

    /**
     * A learner's JVM lives for a notebook or a few, mostly compiling cells: C2's compiler threads and a parallel
     * collector cost more CPU there than they save (measured on notebook 05: about 14 s of CPU per learner instead of
     * 24), and on a shared two-core machine CPU is what bounds a class. Flags of performance only; the kernel's own
     * flags, which the notebooks' behaviour depends on, are all kept.
     */
    static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** How the JVM ended: by itself with {@code status}, or stopped at the hard limit. */
    record Exit(boolean stopped, int status, Duration took) {
    }

    private LearnerProcess() {
    }

    static Exit run(Path installation, List<String> arguments, Map<String, String> environment, Path workingDirectory,
                    Path log, Duration hardLimit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(KernelLaunch.javaCommand(installation, LearnerGrading.class.getName()));
        command.addAll(1, SHORT_LIVED_JVM);
        command.addAll(arguments);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            if (process.waitFor(hardLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Exit(false, process.exitValue(), Duration.ofNanos(System.nanoTime() - started));
            }
            stop(process);
            return new Exit(true, process.exitValue(), Duration.ofNanos(System.nanoTime() - started));
        } finally {
            if (process.isAlive()) {
                stop(process);
            }
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }
}
