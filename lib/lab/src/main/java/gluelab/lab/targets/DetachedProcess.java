package gluelab.lab.targets;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a process that outlives this JVM and the Jupyter kernel it may be: in a session of its own, so
 * neither Ctrl-C in a notebook (SIGINT to the kernel's process group) nor Jupyter killing the kernel's
 * process group touches it. Its output goes to a log file, never to this process's stdout or stderr.
 */
final class DetachedProcess {

    private DetachedProcess() {
    }

    static Process start(List<String> command, Path workingDirectory, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(detached(command))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        return builder.start();
    }

    /** {@code command}, wrapped so that it runs in a new session where the platform allows. */
    static List<String> detached(List<String> command) {
        List<String> wrapped = new ArrayList<>();
        if (isWindows()) {
            // No process groups to escape: a child started here is not killed with the kernel.
            wrapped.addAll(command);
        } else if (onPath("setsid")) {
            // Linux: setsid execs the command in a new session, keeping its process id.
            wrapped.add("setsid");
            wrapped.addAll(command);
        } else if (onPath("perl")) {
            // macOS has no setsid command, but always has perl.
            wrapped.addAll(List.of("perl", "-MPOSIX", "-e", "POSIX::setsid(); exec @ARGV or die $!"));
            wrapped.addAll(command);
        } else {
            // Last resort: at least ignore the interrupt that Ctrl-C in a notebook sends to the process group.
            wrapped.addAll(List.of("/bin/sh", "-c", "trap '' INT HUP; exec \"$@\"", "sh"));
            wrapped.addAll(command);
        }
        return wrapped;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static File nullDevice() {
        return new File(isWindows() ? "NUL" : "/dev/null");
    }
}
