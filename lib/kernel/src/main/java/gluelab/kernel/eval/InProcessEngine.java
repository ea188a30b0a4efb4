package gluelab.kernel.eval;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Hands JShell the one {@link InProcessExecutionControl} of a session, so the session can read its values. */
final class InProcessEngine implements ExecutionControlProvider {

    private final InProcessExecutionControl control = new InProcessExecutionControl();

    InProcessExecutionControl control() {
        return control;
    }

    @Override
    public String name() {
        return "gluelab-in-process";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
