package gluelab.process;

import java.nio.file.Path;

/** Why work handed to a {@link WarmProcessPool} will never be done: what its owner tells whoever waits for it. */
public sealed interface WorkLoss {

    /**
     * The process that held the work ended.
     *
     * @param reason      why the pool ended it (e.g. it never became ready), or null if it ended on its own
     * @param lastLogLine the last line of its stderr, or null
     */
    record ProcessExited(String processId, int exitCode, String reason, String lastLogLine, Path logFile)
            implements WorkLoss {
    }

    /** No process could be started for the work: the command was not there, or the OS refused. */
    record ProcessNotStarted(String message) implements WorkLoss {
    }

    /** The pool was closed before the work was taken. */
    record PoolClosed() implements WorkLoss {
    }
}
