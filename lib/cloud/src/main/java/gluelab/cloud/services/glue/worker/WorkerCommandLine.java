package gluelab.cloud.services.glue.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The command that starts the Glue worker: this JVM's {@code java}, Spark's {@code --add-opens} flags (from
 * the parent POM), {@code -Djava.security.manager=allow} (the worker traps {@code System.exit} in job
 * code), the heap ({@code gluelab.worker.xmx} or {@code GLUELAB_WORKER_XMX}, default 2g), the Spark master the
 * driver runs on when it is not the worker's local Spark ({@code gluelab.worker.master}), and the class path.
 * The main class is the real worker unless {@code gluelab.worker.main} names another one that speaks the
 * same protocol (the cloud module's tests run a scripted stand-in, without Spark).
 * {@link #sparkFlags()} is public for any other JVM that runs Spark as the worker does (the benchmarks).
 */
public final class WorkerCommandLine {

    public static final String MAIN_CLASS = "gluelab.glue.worker.GlueWorker";
    public static final String MAIN_PROPERTY = "gluelab.worker.main";
    public static final String XMX_PROPERTY = "gluelab.worker.xmx";
    public static final String MASTER_PROPERTY = "gluelab.worker.master";
    public static final String XMX_ENVIRONMENT = "GLUELAB_WORKER_XMX";
    public static final String DEFAULT_XMX = "2g";

    private WorkerCommandLine() {
    }

    /** @param sparkMaster a Spark cluster's master URL, or null for the worker's local Spark */
    public static List<String> command(String classpath, String sparkMaster) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(sparkFlags());
        command.add("-Djava.security.manager=allow");
        command.add("-Xmx" + heap());
        if (sparkMaster != null) {
            command.add("-D" + MASTER_PROPERTY + "=" + sparkMaster);
        }
        command.add("-cp");
        command.add(classpath);
        command.add(System.getProperty(MAIN_PROPERTY, MAIN_CLASS));
        return command;
    }

    private static String heap() {
        String configured = System.getProperty(XMX_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(XMX_ENVIRONMENT);
        }
        return configured == null || configured.isBlank() ? DEFAULT_XMX : configured.trim();
    }

    /** The flags Spark needs on Java 17 ({@code spark.jvm.flags} of the parent POM). */
    public static List<String> sparkFlags() {
        Properties properties = new Properties();
        try (InputStream in = WorkerCommandLine.class.getResourceAsStream("worker-jvm.properties")) {
            if (in == null) {
                throw new IllegalStateException("worker-jvm.properties is missing from Lab Cloud's classes");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String flags = properties.getProperty("sparkJvmFlags", "").trim();
        return flags.isEmpty() ? List.of() : Arrays.asList(flags.split("\\s+"));
    }
}
