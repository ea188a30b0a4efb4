package gluelab.kernel.channels;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.Loop;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.zeromq.ZMQ;

/**
 * The shell (or control) channel, serving each request as soon as it arrives.
 *
 * <p>The base library's channel polls its socket without waiting, then sleeps 50 ms, so every request waits 25 ms
 * on average and up to 50 before the kernel even reads it: most of a trivial cell's round trip through Jupyter.
 * This one blocks in ZeroMQ's poll until a request arrives (waking now and then to notice a shutdown), and hands the
 * request to the library's own handlers exactly as the base channel does.
 */
final class BlockingShellChannel extends ShellChannel {

    /** How long one poll may block: the longest a shutdown waits to be noticed. */
    private static final long POLL_MILLIS = 200;
    private static final AtomicInteger IDS = new AtomicInteger();

    private final boolean isControl;
    private final JupyterConnection connection;
    private volatile Loop loop;

    BlockingShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean isControl, JupyterConnection connection) {
        super(context, hmac, isControl, connection);
        this.isControl = isControl;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        if (loop != null) {
            throw new IllegalStateException("Shell channel already bound");
        }
        String name = (isControl ? "Control-" : "Shell-") + IDS.getAndIncrement();
        int port = isControl ? properties.getControlPort() : properties.getShellPort();
        String address = formatAddress(properties.getTransport(), properties.getIp(), port);
        logger.log(Level.INFO, String.format("Binding %s to %s.", name, address));
        super.bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        loop = new Loop(name, () -> {
            if (poller.poll(POLL_MILLIS) > 0) {
                serve(readMessage(), name);
                if (!isControl && connection instanceof ResponsiveJupyterConnection responsive && poller.poll(0) == 0) {
                    responsive.shellQueueEmpty();
                }
            }
            return 0; // no sleep: the poll itself waits
        });
        loop.onClose(() -> logger.log(Level.INFO, name + " shutdown."));
        loop.start();
        logger.log(Level.INFO, "Blocking poll on " + name);
    }

    /** What the base channel does with a request: its handler, a reply environment, deferrals, shutdown. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private void serve(Message message, String name) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            logger.log(Level.SEVERE, "Unhandled message: " + message.getHeader().getType().getName());
            return;
        }
        logger.info("Handling message: " + message.getHeader().getType().getName());
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            logger.log(Level.SEVERE, "Unhandled exception handling " + message.getHeader().getType().getName() + ". "
                    + e.getClass().getSimpleName() + " - " + e.getLocalizedMessage());
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            logger.info(name + " shutting down connection as environment was marked for shutdown.");
            connection.close();
        }
    }

    @Override
    public void close() {
        Loop running = loop;
        if (running != null) {
            running.shutdown();
            // A ZeroMQ socket is not to be closed under a poll on another thread: let the poll end first (it ends
            // within POLL_MILLIS). A shutdown request is served on the loop's own thread, which must not wait for itself.
            if (Thread.currentThread() != running) {
                try {
                    running.join(POLL_MILLIS * 5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Loop running = loop;
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
