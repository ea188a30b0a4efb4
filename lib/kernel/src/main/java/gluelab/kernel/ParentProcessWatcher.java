package gluelab.kernel;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Ends the kernel when the process that started it is gone. Jupyter passes its own pid in
 * {@code JPY_PARENT_PID}; if the server is killed it cannot ask the kernel to shut down, and an orphaned JVM
 * would keep its memory and ports forever.
 */
final class ParentProcessWatcher {

    static final String PARENT_PID_VARIABLE = "JPY_PARENT_PID";

    private static final Logger LOG = Logger.getLogger(ParentProcessWatcher.class.getName());
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final long parentPid;

    ParentProcessWatcher(long parentPid) {
        this.parentPid = parentPid;
    }

    static Optional<ParentProcessWatcher> fromEnvironment() {
        String value = System.getenv(PARENT_PID_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(value.strip());
            return pid > 1 ? Optional.of(new ParentProcessWatcher(pid)) : Optional.empty();
        } catch (NumberFormatException e) {
            LOG.warning(() -> PARENT_PID_VARIABLE + " is not a pid: " + value);
            return Optional.empty();
        }
    }

    boolean parentAlive() {
        return ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Polls the parent on a daemon thread and runs {@code onParentGone} once it has exited. */
    void start(Runnable onParentGone) {
        Thread watcher = new Thread(() -> {
            try {
                while (parentAlive()) {
                    Thread.sleep(POLL_INTERVAL.toMillis());
                }
                LOG.info(() -> "parent process " + parentPid + " is gone; shutting down");
                onParentGone.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "parent-process-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
