package gluelab.kernel;

import gluelab.kernel.channels.ResponsiveJupyterConnection;
import gluelab.kernel.edition.LabEdition;
import gluelab.kernel.eval.JavaSession;
import gluelab.lab.LabHome;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the kernel as Jupyter launches it: {@code java ... gluelab.kernel.KernelMain <connection file>}.
 *
 * <p>JShell's compiler is the slow part of start-up, so the session warms up on its own thread while the
 * sockets bind; the first request waits only for whatever is left of that.
 */
public final class KernelMain {

    private static final Logger LOG = Logger.getLogger(KernelMain.class.getName());

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java gluelab.kernel.KernelMain <connection file>");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0])));
    }

    /** Serves the kernel on the connection file's sockets until it is shut down; returns the exit status. */
    public static int run(Path connectionFile) throws Exception {
        KernelLogging.routeToFile();
        Path workingDirectory = Path.of("").toAbsolutePath();
        followEditionOf(workingDirectory);
        CompletableFuture<JavaSession> session = new CompletableFuture<>();
        Thread warmUp = new Thread(() -> {
            try {
                session.complete(JavaSession.start(workingDirectory).warmUp());
            } catch (Throwable t) {
                LOG.log(Level.SEVERE, "the Java session failed to start", t);
                session.completeExceptionally(t);
            }
        }, "session-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();

        KernelConnectionProperties connection = KernelConnectionProperties.parse(Files.readString(connectionFile));
        JavaKernel kernel = new JavaKernel(session);
        JupyterConnection sockets = ResponsiveJupyterConnection.open(connection);
        kernel.becomeHandlerForConnection(sockets);
        sockets.connect();
        InterruptSignal.forward(kernel::interrupt);
        ParentProcessWatcher.fromEnvironment().ifPresent(watcher -> watcher.start(() -> {
            kernel.onShutdown(false);
            // exit, not halt: shutdown hooks of code the notebook started (say, Lab Cloud saving its state) still run.
            System.exit(0);
        }));
        LOG.info(() -> "kernel ready on " + connection.getIp() + ", working directory " + workingDirectory);
        sockets.waitUntilClose();
        return 0;
    }

    /**
     * Jupyter starts a kernel in its notebook's folder: a notebook of a learner edition deploys that edition's
     * {@code labs/} and reads its {@code data/}, whichever checkout's {@code GLUELAB_HOME} Jupyter inherited, as the
     * headless runner and the grader do ({@link LabEdition}).
     */
    static void followEditionOf(Path workingDirectory) {
        if (System.getProperty(LabHome.HOME_PROPERTY) == null) {
            LabEdition.of(workingDirectory.resolve("notebook.ipynb"))
                    .ifPresent(edition -> System.setProperty(LabHome.HOME_PROPERTY, edition.root().toString()));
        }
    }
}
