package gluelab.kernel;

import java.util.logging.Logger;

/**
 * Turns SIGINT into an interrupt of the running cell instead of the JVM's default of exiting. The kernelspec
 * asks Jupyter to interrupt by message, but a Ctrl-C in the terminal that started Jupyter still reaches the
 * kernel's process group and must not kill it.
 */
final class InterruptSignal {

    private static final Logger LOG = Logger.getLogger(InterruptSignal.class.getName());

    private InterruptSignal() {
    }

    static void forward(Runnable interrupt) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> interrupt.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.warning(() -> "SIGINT cannot be handled on this platform: " + e);
        }
    }
}
