package gluelab.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one warm process.
 *
 * @param command            the program and its arguments
 * @param environment        variables set for the process, on top of this JVM's unless {@code inheritEnvironment}
 *                           is false (a Lambda execution environment sees only its function's)
 * @param workingDirectory   where it runs; created if missing
 * @param logFile            where its stderr goes (appended), and where its last words are read from when it dies
 * @param stderrToStdout     whether its stderr is read as stdout lines instead, in order with them (a Lambda
 *                           runtime's stderr belongs in the function's log, as on AWS); the log file then stays empty
 */
public record ProcessSpec(List<String> command, Map<String, String> environment, boolean inheritEnvironment,
                          Path workingDirectory, Path logFile, boolean stderrToStdout) {

    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** A process with this JVM's environment. */
    public static ProcessSpec of(List<String> command, Path workingDirectory, Path logFile) {
        return new ProcessSpec(command, Map.of(), true, workingDirectory, logFile, false);
    }
}
