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
    static final Invocation GONE = new Invocation("", null, "", new byte[0], InvocationMode.SYNCHRONOUS);

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
    /**
     * The invocation whose result has come over HTTP but whose log is not taken yet: its handler's last lines can
     * still be in the pipes from the runtime, and the runtime prints an unhandled exception only after reporting it;
     * those lines are that invocation's, before its END, not the next one's.
     */
    volatile Invocation finishing;
    volatile byte[] initError;
    /** Where the runtime sends context.getLogger() messages and error reports, when Lab Cloud could make one. */
    volatile TelemetryLog telemetry;

    Environment(String processId, String token, FunctionSetup setup, RoleSession session, String logStream) {
        this.processId = processId;
        this.token = token;
        this.setup = setup;
        this.session = session;
        this.logStream = logStream;
    }

    /**
     * Where an output line belongs: the running invocation, else the one that just answered (a line it printed that
     * came through the pipe after its response), else the environment's start.
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

    /** Starts {@code invocation}: from now on the lines are its own. */
    void begin(Invocation invocation) {
        finishing = null;
        current = invocation;
    }

    /** Ends the running invocation; lines that still come through belong to it until its log is taken. */
    void end(Invocation invocation) {
        finishing = invocation;
        current = null;
    }

    /** The finishing invocation's log is taken: what comes through from now on is not its own any more. */
    void settled(Invocation invocation) {
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
