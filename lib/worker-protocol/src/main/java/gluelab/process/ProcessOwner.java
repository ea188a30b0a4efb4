package gluelab.process;

/**
 * What a {@link WarmProcessPool} asks of the component that owns its processes: how to start one, how to hand
 * it work, and whom to tell about work that is lost. The pool calls {@link #deliver} holding its lock, in the
 * order work became deliverable, so delivering must be quick (a line on stdin, an entry in a mailbox); it calls
 * {@link #lost} without the lock.
 *
 * @param <W> a unit of work (a Glue job run, a Lambda invocation)
 */
public interface ProcessOwner<W> {

    /**
     * How to start a process for work of {@code key}, which the pool will call {@code processId}: an owner that
     * is reached back by the process (e.g. over HTTP) passes the id to it. Throws {@link IllegalStateException},
     * with a message for the learner, when the process cannot be started (e.g. it is not built).
     */
    ProcessSpec spec(String key, String processId);

    /** Hands work to a ready process. */
    void deliver(WarmProcess process, W work);

    /** Work that will never be done, and why. */
    void lost(W work, WorkLoss why);

    /** One line of the process's stdout (its protocol, or its output): by default ignored. */
    default void stdoutLine(WarmProcess process, String line) {
    }

    /** Asks a process that holds no work to end; by default, closes its stdin. The pool kills it after a grace. */
    default void stopGracefully(WarmProcess process) {
        process.closeInput();
    }

    /**
     * A process has ended, reaped, evicted, closed or dead (after its work was reported lost): for what the owner
     * keeps per process (a Lambda environment's mailbox). By default nothing.
     */
    default void exited(WarmProcess process, int exitCode) {
    }
}
