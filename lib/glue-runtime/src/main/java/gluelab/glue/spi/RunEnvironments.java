package gluelab.glue.spi;

import java.util.Optional;

/**
 * Where the runtime finds the {@link RunEnvironment} of the code that calls it. The worker binds
 * one to each run thread; threads the job starts inherit it.
 */
public final class RunEnvironments {

    private static final InheritableThreadLocal<RunEnvironment> CURRENT = new InheritableThreadLocal<>();

    private RunEnvironments() {
    }

    /** The environment bound to this thread, or empty in a plain local run. */
    public static Optional<RunEnvironment> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Binds {@code environment} to the calling thread (and threads it starts from now on). */
    public static void bind(RunEnvironment environment) {
        CURRENT.set(environment);
    }

    public static void unbind() {
        CURRENT.remove();
    }
}
