package gluelab.cloud.services.glue.worker;

import gluelab.process.ClassDataArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The command that starts the Glue worker: this JVM's {@code java}, Spark's {@code --add-opens} flags (from
 * the parent POM), {@code -Djava.security.manager=allow} (the worker traps {@code System.exit} in job
 * code), the heap ({@code gluelab.worker.xmx} or {@code GLUELAB_WORKER_XMX}, default 2g), the Spark master the
 * driver runs on when it is not the worker's local Spark ({@code gluelab.worker.master}), and the class path.
 * The main class is the real worker unless {@code gluelab.worker.main} names another one that speaks the
 * same protocol (the cloud module's tests run a scripted stand-in, without Spark).
 * {@link #sparkFlags()} is public for any other JVM that runs Spark as the worker does (the benchmarks).
 * <p>
 * Two things make the first run after Lab Cloud starts quicker. The worker runs at a lower priority
 * ({@code nice -n 10} where there is a {@code nice}), so the kernel and the notebook's first cells, which start at
 * the same moment, are not slowed by Spark's start. And the real worker uses class-data sharing: the first worker
 * of a build dumps the classes it loaded once it is warmed up, later ones map them ({@link ClassDataArchive}; set
 * {@value #SHARING_PROPERTY} to {@code off} to start without).
 */
public final class WorkerCommandLine {

    public static final String MAIN_CLASS = "gluelab.glue.worker.GlueWorker";
    public static final String MAIN_PROPERTY = "gluelab.worker.main";
    public static final String XMX_PROPERTY = "gluelab.worker.xmx";
    public static final String MASTER_PROPERTY = "gluelab.worker.master";
    public static final String XMX_ENVIRONMENT = "GLUELAB_WORKER_XMX";
    public static final String DEFAULT_XMX = "2g";
    public static final String SHARING_PROPERTY = "gluelab.worker.classDataSharing";
    static final String ARCHIVE_NAME = "glue-worker";
    private static final Path NICE = Path.of("/usr/bin/nice");

    /** One start of the worker: its command, and the class-data archive it maps or writes when it ends, if any. */
    public record Launch(List<String> command, Optional<ClassDataArchive> archive) {
    }

    private WorkerCommandLine() {
    }

    /** @param sparkMaster a Spark cluster's master URL, or null for the worker's local Spark */
    public static List<String> command(String classpath, String sparkMaster) {
        return launch(classpath, sparkMaster, Optional.empty()).command();
    }

    /**
     * The command for the worker with {@code classpath}, with class-data sharing if {@code archiveDirectory} is given.
     * @param sparkMaster a Spark cluster's master URL, or null for the worker's local Spark
     */
    public static Launch launch(String classpath, String sparkMaster, Optional<Path> archiveDirectory) {
        String mainClass = System.getProperty(MAIN_PROPERTY, MAIN_CLASS);
        // Only the real worker: a stand-in (in tests) ends quickly and would archive nothing useful.
        Optional<ClassDataArchive> archive = archiveDirectory
                .filter(directory -> mainClass.equals(MAIN_CLASS) && !"off".equals(System.getProperty(SHARING_PROPERTY)))
                .flatMap(directory -> ClassDataArchive.forClasspath(directory, ARCHIVE_NAME, classpath));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(NICE)) {
            command.addAll(List.of(NICE.toString(), "-n", "10"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        archive.ifPresent(it -> command.addAll(it.jvmOptionsDumpingOnRequest()));
        command.addAll(sparkFlags());
        command.add("-Djava.security.manager=allow");
        command.add("-Xmx" + heap());
        if (sparkMaster != null) {
            command.add("-D" + MASTER_PROPERTY + "=" + sparkMaster);
        }
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        return new Launch(List.copyOf(command), archive);
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
