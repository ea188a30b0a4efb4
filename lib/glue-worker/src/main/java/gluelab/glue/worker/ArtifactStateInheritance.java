package gluelab.glue.worker;

import java.io.PrintStream;
import java.lang.reflect.Field;

import org.apache.spark.JobArtifactSet$;
import org.apache.spark.JobArtifactState;

import scala.Option;

/**
 * Makes Spark's active {@link JobArtifactState} inherited by threads a run starts. Spark keeps it in
 * a plain ThreadLocal, so a job that submits Spark work from its own thread pool (parallel writes,
 * say) would run those tasks without the run's jars, and its lambdas would not deserialize. Spark's
 * own pools that run jobs set the state explicitly for each task, so inheriting it there is harmless.
 */
final class ArtifactStateInheritance {

    private ArtifactStateInheritance() {
    }

    static void install(PrintStream workerStderr) {
        try {
            Field field = JobArtifactSet$.class.getDeclaredField("currentClientSessionState");
            field.setAccessible(true);
            field.set(JobArtifactSet$.MODULE$, new InheritableThreadLocal<Option<JobArtifactState>>() {
                @Override
                protected Option<JobArtifactState> initialValue() {
                    return Option.empty();
                }
            });
        } catch (ReflectiveOperationException | RuntimeException e) {
            workerStderr.println("[glue-worker] WARNING: job threads will not inherit the run's Spark artifacts: " + e);
        }
    }
}
