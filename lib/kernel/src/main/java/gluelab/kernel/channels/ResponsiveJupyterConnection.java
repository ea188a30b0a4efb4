package gluelab.kernel.channels;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import java.lang.reflect.Field;
import java.security.GeneralSecurityException;
import org.zeromq.ZMQ;

/**
 * The base library's connection to Jupyter's five sockets, with shell and control channels that serve a request as
 * soon as it arrives ({@link BlockingShellChannel}) instead of polling every 50 ms. Everything else (heartbeat,
 * stdin, iopub, message signing, the handlers) is the library's own.
 *
 * <p>The library creates its channels in its constructor, into final fields and without a factory to override, so
 * the two channels are swapped by reflection before anything is bound; their replaced, never-bound sockets are
 * closed. {@link #usesBlockingChannels()} says whether the swap took, so a test notices a library update that breaks it.
 */
public final class ResponsiveJupyterConnection extends JupyterConnection {

    /** Set to {@code polling} to keep the library's polling channels, e.g. to measure the difference. */
    public static final String SHELL_VARIABLE = "GLUELAB_KERNEL_SHELL";

    private ResponsiveJupyterConnection(KernelConnectionProperties properties) throws GeneralSecurityException {
        super(properties);
    }

    /** A connection for the connection file's sockets: blocking channels unless {@value #SHELL_VARIABLE}=polling. */
    public static JupyterConnection open(KernelConnectionProperties properties) throws GeneralSecurityException {
        if ("polling".equals(System.getenv(SHELL_VARIABLE))) {
            return new JupyterConnection(properties);
        }
        ResponsiveJupyterConnection connection = new ResponsiveJupyterConnection(properties);
        connection.swapShellChannels();
        return connection;
    }

    private volatile Runnable whenShellQueueEmpty = () -> { };

    /** Runs {@code action} each time the shell channel has served a request and no other is waiting. */
    public void whenShellQueueEmpty(Runnable action) {
        whenShellQueueEmpty = action;
    }

    void shellQueueEmpty() {
        whenShellQueueEmpty.run();
    }

    public boolean usesBlockingChannels() {
        return shell instanceof BlockingShellChannel && control instanceof BlockingShellChannel;
    }

    private void swapShellChannels() {
        try {
            ZMQ.Context context = (ZMQ.Context) field(JupyterConnection.class, "ctx").get(this);
            HMACGenerator hmac = (HMACGenerator) field(JupyterSocket.class, "hmacGenerator").get(shell);
            ShellChannel replacedShell = shell;
            ShellChannel replacedControl = control;
            field(JupyterConnection.class, "shell").set(this, new BlockingShellChannel(context, hmac, false, this));
            field(JupyterConnection.class, "control").set(this, new BlockingShellChannel(context, hmac, true, this));
            replacedShell.close();
            replacedControl.close();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A library version laid out differently: its own polling channels still work, only slower.
            java.util.logging.Logger.getLogger(ResponsiveJupyterConnection.class.getName())
                    .warning("Keeping the polling shell channels: " + e);
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
