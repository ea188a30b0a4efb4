package gluelab.kernel.eval;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Runs JShell snippets in this JVM, each on its own thread, and keeps the last value as an object so the
 * session can render it richly (JShell itself only hands back a string).
 *
 * <p>Unlike JShell's own local engine it waits only for the snippet's thread, not for every thread the snippet
 * started, so a cell may leave a server or executor running. Stopping interrupts the snippet thread and, if
 * it does not finish within a grace period (a busy loop), stops it outright.
 */
final class InProcessExecutionControl extends DirectExecutionControl {

    private static final Logger LOG = Logger.getLogger(InProcessExecutionControl.class.getName());
    private static final long STOP_GRACE_MILLIS = 500;

    private final ThreadGroup cellThreads = new ThreadGroup("jshell-cells");
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final Object lock = new Object();
    private Thread running;
    private boolean stopRequested;
    private Object lastValue;
    private boolean invoked;

    /** A new cell starts: a stop requested for an earlier one no longer counts. */
    void beginCell() {
        synchronized (lock) {
            stopRequested = false;
        }
    }

    /** Forgets the previous value; the session calls this before each snippet. */
    synchronized void resetLastValue() {
        lastValue = null;
        invoked = false;
    }

    /** Whether a snippet ran since {@link #resetLastValue()}; if so, {@link #lastValue()} is what it returned. */
    synchronized boolean invokedSinceReset() {
        return invoked;
    }

    synchronized Object lastValue() {
        return lastValue;
    }

    @Override
    protected String invoke(Method doIt) throws Exception {
        Object[] value = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(cellThreads, () -> {
            try {
                value[0] = doIt.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "jshell-cell-" + threadNumber.incrementAndGet());
        // Threads inherit daemon status: whatever a cell starts never keeps the kernel alive on its own.
        thread.setDaemon(true);
        // Libraries that look up classes through the context loader must see jars added with %jars.
        thread.setContextClassLoader(doIt.getDeclaringClass().getClassLoader());
        synchronized (lock) {
            // A stop that came between two snippets of the cell stops the cell before the next one runs.
            if (stopRequested) {
                throw new StoppedException();
            }
            running = thread;
            thread.start();
        }
        boolean stopped;
        try {
            thread.join();
        } finally {
            synchronized (lock) {
                running = null;
                stopped = stopRequested;
            }
        }
        if (stopped) {
            throw new StoppedException();
        }
        if (failure[0] != null) {
            if (failure[0] instanceof Exception exception) {
                throw exception;
            }
            throw new InvocationTargetException(failure[0]);
        }
        synchronized (this) {
            lastValue = value[0];
            invoked = true;
        }
        return valueString(value[0]);
    }

    /** Stops the running snippet, and any later snippet of the same cell before it starts. */
    @Override
    public void stop() {
        Thread target;
        synchronized (lock) {
            stopRequested = true;
            target = running;
            if (target == null) {
                return;
            }
        }
        target.interrupt();
        Thread enforcer = new Thread(() -> stopIfStillRunning(target), "jshell-cell-stopper");
        enforcer.setDaemon(true);
        enforcer.start();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stopIfStillRunning(Thread target) {
        try {
            target.join(STOP_GRACE_MILLIS);
            if (target.isAlive()) {
                // A busy loop ignores interrupts. Thread.stop is the only way out on Java 17; newer JDKs refuse it.
                target.stop();
            }
        } catch (UnsupportedOperationException e) {
            LOG.warning("this JVM cannot stop a thread that ignores interrupts: " + target.getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
