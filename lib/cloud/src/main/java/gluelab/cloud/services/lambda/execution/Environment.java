package gluelab.cloud.services.lambda.execution;

import gluelab.cloud.provider.RoleSessions.RoleSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One execution environment, as Lab Cloud sees it: the warm process running the function's runtime, the token its
 * Runtime API calls carry, the execution role's session it was started with, its log stream, and the invocations
 * handed to it (one at a time, as on AWS).
 */
final class Environment {

    /** What {@code next} is woken with when the environment ends while it waits. */
    static final Invocation GONE = new Invocation("", null, "", new byte[0], false);

    final String processId;
    final String token;
    final FunctionSetup setup;
    final RoleSession session;
    final String logStream;
    final long createdNanos = System.nanoTime();
    final BlockingQueue<Invocation> mailbox = new LinkedBlockingQueue<>();
    /** Lines printed while no invocation ran (the handler class's static initialisation). */
    final List<String> initLines = new ArrayList<>();
    volatile boolean ready;
    volatile Double initDurationMillis;
    volatile boolean initReported;
    volatile Invocation current;
    /** The invocation that has just returned, whose log is not written yet: its last lines may still be on their way. */
    volatile Invocation finishing;
    volatile byte[] initError;

    Environment(String processId, String token, FunctionSetup setup, RoleSession session, String logStream) {
        this.processId = processId;
        this.token = token;
        this.setup = setup;
        this.session = session;
        this.logStream = logStream;
    }

    /**
     * Where an output line belongs: the running invocation; else the one that has just returned (a line the handler
     * printed before returning can reach stdout's reader after the result reached the Runtime API); else the
     * environment's start.
     */
    void addLine(String line) {
        Invocation running = current != null ? current : finishing;
        if (running != null) {
            synchronized (running.lines) {
                running.lines.add(line);
            }
        } else {
            synchronized (initLines) {
                initLines.add(line);
            }
        }
    }

    /** The invocation's log is being written: lines from now on belong to the next one, or to no invocation. */
    void doneWith(Invocation invocation) {
        if (finishing == invocation) {
            finishing = null;
        }
    }

    /** The lines printed before the first invocation, once. */
    List<String> takeInitLines() {
        synchronized (initLines) {
            List<String> lines = List.copyOf(initLines);
            initLines.clear();
            return lines;
        }
    }
}
