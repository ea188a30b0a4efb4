package gluelab.process;

import java.io.IOException;
import java.util.List;

/**
 * Ends a server process when the process that owns it dies without stopping it (killed, {@code kill -9}): a small
 * shell loop that polls the owner every two seconds, then sends the server {@code signal}. A JVM cannot have the
 * kernel do this for its children ({@code PR_SET_PDEATHSIG}), and a server started by a killed Lab Cloud, such as a
 * PostgreSQL postmaster, would otherwise keep running, and keep its port, until the machine restarts.
 * {@link #close()}, on a clean stop, ends the loop.
 */
public final class OrphanGuard implements AutoCloseable {

    private static final String LOOP = "while kill -0 \"$1\" 2>/dev/null; do sleep 2; done; kill -\"$3\" \"$2\" 2>/dev/null";

    private final Process loop;

    private OrphanGuard(Process loop) {
        this.loop = loop;
    }

    /** Guards {@code server}: it gets {@code signal} (such as {@code INT}) once {@code owner} has ended. */
    public static OrphanGuard guard(long server, long owner, String signal) throws IOException {
        Process loop = new ProcessBuilder(List.of("sh", "-c", LOOP, "orphan-guard", Long.toString(owner),
                Long.toString(server), signal))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new OrphanGuard(loop);
    }

    /** Guards {@code server} for the running JVM. */
    public static OrphanGuard guardForThisJvm(long server, String signal) throws IOException {
        return guard(server, ProcessHandle.current().pid(), signal);
    }

    @Override
    public void close() {
        // The loop's sleep is a child of the shell: end it too, or it lingers for up to two seconds.
        loop.descendants().forEach(ProcessHandle::destroy);
        loop.destroy();
    }
}
