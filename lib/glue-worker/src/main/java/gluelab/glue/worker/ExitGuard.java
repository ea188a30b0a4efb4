package gluelab.glue.worker;

import java.io.PrintStream;
import java.security.Permission;

/**
 * Keeps jobs from ending the worker. {@code System.exit} and {@code Runtime.halt} from anywhere but
 * the worker's own shutdown throw {@link JobExitException} instead: in a job's thread that ends the
 * run ("Job called System.exit(3)"); in a Spark task thread (Spark's uncaught-exception handler
 * exits on OutOfMemoryError) the task has already been reported failed, so only its run fails.
 * <p>
 * Needs {@code -Djava.security.manager=allow} on Java 17+; all other permission checks pass.
 */
final class ExitGuard extends SecurityManager {

    private static volatile boolean workerExiting;
    private final PrintStream workerStderr;

    private ExitGuard(PrintStream workerStderr) {
        this.workerStderr = workerStderr;
    }

    /** Installs the guard; false when the JVM does not allow a security manager. */
    static boolean install(PrintStream workerStderr) {
        try {
            System.setSecurityManager(new ExitGuard(workerStderr));
            return true;
        } catch (UnsupportedOperationException notAllowed) {
            workerStderr.println("[glue-worker] WARNING: start the worker with -Djava.security.manager=allow;"
                    + " without it a job calling System.exit ends the worker");
            return false;
        }
    }

    /** Lets the worker itself exit. */
    static void allowExit() {
        workerExiting = true;
    }

    @Override
    public void checkExit(int status) {
        if (workerExiting) {
            return;
        }
        JobRun run = RunRegistry.current();
        workerStderr.println("[glue-worker] blocked System.exit(" + status + ") on thread " + Thread.currentThread().getName()
                + (run == null ? "" : " of run " + run.runId()));
        throw new JobExitException(status);
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed: the guard only intercepts exits
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
    }

    /** What a blocked {@code System.exit(status)} throws. */
    static final class JobExitException extends SecurityException {
        final int status;

        JobExitException(int status) {
            super("Job called System.exit(" + status + ")");
            this.status = status;
        }
    }
}
