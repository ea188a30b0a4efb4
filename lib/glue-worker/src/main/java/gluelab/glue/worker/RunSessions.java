package gluelab.glue.worker;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.internal.SQLConf;

import scala.Function1;
import scala.Option;
import scala.runtime.BoxedUnit;

/**
 * Makes each run's SparkSession. Spark fixes a session's SQL extensions ({@code spark.sql.extensions})
 * when the session is built, and {@code newSession()} copies its parent's; so a run that names extensions
 * in its {@code --conf} gets a session of a second warm base session built with them, over the same
 * SparkContext and shared state. Bases whose extensions come from the worker's class path (Iceberg's) are
 * kept for later runs; a job's own extension classes get a base for that run only.
 */
final class RunSessions {

    private final SparkSession plain;
    private final Map<List<String>, SparkSession> basesByExtensions = new ConcurrentHashMap<>();

    RunSessions(SparkSession plain) {
        this.plain = plain;
    }

    /**
     * A new session for a run: over the base with the run's extensions, then the job's runtime SQL
     * settings. Settings Spark cannot change in a running application are reported and skipped.
     */
    SparkSession newSession(Map<String, String> settings, List<String> extensions, ClassLoader runLoader, PrintStream runErr) {
        SparkSession session = extensions.isEmpty() ? plain.newSession() : base(extensions, runLoader, runErr).newSession();
        settings.forEach((key, value) -> {
            if (key.equals(JobSparkConf.EXTENSIONS)) {
                return;
            }
            if (!key.startsWith("spark.sql.") || SQLConf.isStaticConfigKey(key)) {
                runErr.println("WARN Lab Cloud's warm Spark cannot change " + key + " for one run; the setting is ignored");
                return;
            }
            session.conf().set(key, value);
        });
        return session;
    }

    private SparkSession base(List<String> extensions, ClassLoader runLoader, PrintStream runErr) {
        SparkSession cached = basesByExtensions.get(extensions);
        if (cached != null) {
            return cached;
        }
        SparkSessionExtensions applied = new SparkSessionExtensions();
        boolean allFromWorker = true;
        for (String name : extensions) {
            try {
                Class<?> extension = Class.forName(name, true, runLoader);
                allFromWorker &= extension.getClassLoader() == RunSessions.class.getClassLoader();
                @SuppressWarnings("unchecked")
                Function1<SparkSessionExtensions, BoxedUnit> configure =
                        (Function1<SparkSessionExtensions, BoxedUnit>) extension.getConstructor().newInstance();
                configure.apply(applied);
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                // As Spark does when it builds a session: warn and go on without the extension.
                runErr.println("WARN Cannot use " + name + " to configure session extensions: " + e);
                allFromWorker = false;
            }
        }
        // SparkSession's full constructor is Scala-private, public in bytecode: a session sharing the
        // warm one's SparkContext and SharedState (catalog, caches), with its own extensions.
        SparkSession base = new SparkSession(plain.sparkContext(), Option.apply(plain.sharedState()), Option.empty(),
                applied, scala.collection.immutable.Map$.MODULE$.empty());
        if (allFromWorker) {
            basesByExtensions.putIfAbsent(extensions, base);
            return basesByExtensions.get(extensions);
        }
        return base;
    }
}
