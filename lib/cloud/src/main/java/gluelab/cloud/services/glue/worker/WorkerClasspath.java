package gluelab.cloud.services.glue.worker;

import gluelab.process.ClassDataArchive;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the Glue worker's class path: the system property {@code gluelab.worker.classpath}, else the
 * environment variable {@code GLUELAB_WORKER_CLASSPATH}, else the built glue-worker module of the
 * repository ({@code GLUELAB_HOME}, or the nearest directory above the working directory that holds
 * {@code lib/pom.xml}): its jar (or {@code target/classes} when the jar is missing or older than a class in it) plus
 * the jars listed in {@code target/classpath.txt}. The jar comes first because class-data sharing archives only
 * classes from jars ({@link gluelab.process.ClassDataArchive}).
 * Public for tools that run Spark code as the worker does (the benchmarks' plain Spark JVM).
 */
public final class WorkerClasspath {

    public static final String PROPERTY = "gluelab.worker.classpath";
    public static final String ENVIRONMENT = "GLUELAB_WORKER_CLASSPATH";
    public static final String HOME_ENVIRONMENT = "GLUELAB_HOME";

    private WorkerClasspath() {
    }

    /** The class path, or an {@link IllegalStateException} whose message says what to build. */
    public static String find() {
        return find(System::getProperty, System::getenv, Path.of(System.getProperty("user.dir")));
    }

    static String find(UnaryOperator<String> properties, UnaryOperator<String> environment, Path workingDirectory) {
        String configured = properties.apply(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        configured = environment.apply(ENVIRONMENT);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path root = repositoryRoot(environment.apply(HOME_ENVIRONMENT), workingDirectory);
        Path module = root.resolve("lib").resolve("glue-worker").resolve("target");
        Path classes = module.resolve("classes");
        Path listing = module.resolve("classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(listing)) {
            throw new IllegalStateException("The Glue worker is not built (" + (Files.isDirectory(classes) ? listing : classes)
                    + " is missing). Build it with: mvn -f " + root.resolve("lib").resolve("pom.xml")
                    + " -pl glue-worker -am package -DskipTests");
        }
        Path own = ClassDataArchive.packagedJar(module, "glue-worker").orElse(classes);
        try {
            String jars = Files.readString(listing).trim();
            return jars.isEmpty() ? own.toString() : own + File.pathSeparator + jars;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + listing + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where the worker's class-data archives are kept: {@code build/cds} of the repository, shared by every Lab
     * Cloud of the checkout (tests included); empty when the class path was configured rather than found there.
     */
    public static Optional<Path> archiveDirectory() {
        if (isConfigured(System.getProperty(PROPERTY)) || isConfigured(System.getenv(ENVIRONMENT))) {
            return Optional.empty();
        }
        try {
            return Optional.of(repositoryRoot(System.getenv(HOME_ENVIRONMENT), Path.of(System.getProperty("user.dir")))
                    .resolve("build").resolve("cds"));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static boolean isConfigured(String value) {
        return value != null && !value.isBlank();
    }

    private static Path repositoryRoot(String home, Path workingDirectory) {
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("lib").resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the Glue Pipelines Lab repository above " + workingDirectory
                + " (a directory holding lib/pom.xml); set " + HOME_ENVIRONMENT + " to it, or set "
                + ENVIRONMENT + " to the worker's class path");
    }
}
