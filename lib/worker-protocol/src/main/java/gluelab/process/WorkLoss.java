package gluelab.process;

import java.nio.file.Path;
import java.util.OptionalInt;

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

        /**
         * The signal that ended it, if one did ({@code kill -9}, the kernel's OOM killer). Java reports a process
         * ended by signal N as exit code 128 + N, as a shell does; a process that exits with such a code itself
         * reads the same.
         */
        public OptionalInt signal() {
            return exitCode > 128 && exitCode <= 128 + 64 ? OptionalInt.of(exitCode - 128) : OptionalInt.empty();
        }

        /** "exited (code 3)", or "was killed by signal 9 (SIGKILL)": how the process ended, for a message. */
        public String howItEnded() {
            OptionalInt signal = signal();
            return signal.isPresent()
                    ? "was killed by signal " + signal.getAsInt() + signalName(signal.getAsInt())
                    : "exited (code " + exitCode + ")";
        }

        private static String signalName(int signal) {
            return switch (signal) {
                case 9 -> " (SIGKILL)";
                case 15 -> " (SIGTERM)";
                case 6 -> " (SIGABRT)";
                case 11 -> " (SIGSEGV)";
                default -> "";
            };
        }
    }

    /** No process could be started for the work: the command was not there, or the OS refused. */
    record ProcessNotStarted(String message) implements WorkLoss {
    }

    /** The pool was closed before the work was taken. */
    record PoolClosed() implements WorkLoss {
    }
}
