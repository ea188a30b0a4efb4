package gluelab.glue.worker;

import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives each run its class loader. A run with jars of its own (a job run) gets a new {@link RunClassLoader} over
 * them, closed when the run ends. A run without jars (a built-in run such as a Data Quality evaluation run) has no
 * classes for a loader to isolate: it gets one that lives as long as the worker, shared by every such run with the
 * same visibility (Iceberg or not). That matters for speed: Spark 3.5 keys its generated-code cache by the
 * thread's context class loader ({@code CodeGenerator.compile}), so with a new loader per run every evaluation run
 * compiled its queries' code again with Janino (15 classes for four rules, on the driver alone).
 */
final class RunClassLoaders {

    private final ClassLoader workerLoader;
    private final Map<Boolean, RunClassLoader> classPathLoaders = new ConcurrentHashMap<>();

    RunClassLoaders(ClassLoader workerLoader) {
        this.workerLoader = workerLoader;
    }

    /** The loader of a run with these jars (possibly none); give it back with {@link #release}. */
    RunClassLoader forRun(String runId, URL[] jars, boolean userJarsFirst, boolean icebergVisible) {
        if (jars.length == 0) {
            return classPathLoaders.computeIfAbsent(icebergVisible,
                    visible -> new RunClassLoader("class-path", new URL[0], workerLoader, false, visible));
        }
        return new RunClassLoader(runId, jars, workerLoader, userJarsFirst, icebergVisible);
    }

    /** True when the loader is shared by the runs of the worker's own classes (no jars, no artifact session). */
    boolean isShared(RunClassLoader loader) {
        return classPathLoaders.containsValue(loader);
    }

    /** Closes a run's own loader; a shared one stays open for the next run. */
    void release(RunClassLoader loader) throws IOException {
        if (loader != null && !isShared(loader)) {
            loader.close();
        }
    }
}
