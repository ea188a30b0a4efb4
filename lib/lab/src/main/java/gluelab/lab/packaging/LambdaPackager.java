package gluelab.lab.packaging;

import gluelab.lab.Durations;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Packages the Java handler sources of a folder under {@code labs/} into a Lambda deployment package, laid out as
 * Lambda's Java runtime reads one: the compiled classes at the root and the libraries the handler uses in
 * {@code lib/}. It takes only what the handler needs: the AWS SDK's core and the service clients the sources import,
 * and {@code aws-lambda-java-events} (with the joda-time its S3 and scheduled events need) when they use its event
 * types, and the PostgreSQL JDBC driver when they import it; {@code aws-lambda-java-core} is left out, as
 * the runtime provides it. Packages are written byte for byte the same for the same sources, so an unchanged handler
 * keeps its CodeSha256.
 */
public final class LambdaPackager {

    private static final String FORMAT_VERSION = "gluelab-lambda-zip-1";
    private static final Pattern SERVICE_IMPORT = Pattern.compile("import\\s+software\\.amazon\\.awssdk\\.services\\.(\\w+)\\.");
    private static final String EVENTS_IMPORT = "com.amazonaws.services.lambda.runtime.events";
    /** A rotation function talks to its database with the PostgreSQL driver, which Lambda does not provide. */
    private static final String POSTGRESQL_IMPORT = "import org.postgresql.";
    /**
     * SDK modules a handler never needs: the HTTP clients other than url-connection-client, and helpers beside the
     * service clients. With one HTTP client in the package, {@code GlueClient.create()} finds it on its own; the
     * Apache clients would also need their httpcomponents jars, and url-connection-client is the light one AWS
     * recommends for Lambda.
     */
    private static final Set<String> LEFT_OUT = Set.of("apache-client", "apache5-client", "netty-nio-client",
            "aws-crt-client", "s3-transfer-manager", "crt-core");

    private final Path home;
    private final Path cacheDir;
    private final List<Path> classpath;
    private final PrintStream out;

    /** A deployment package: the zip, its handler classes, the libraries inside, and its size in bytes. */
    public record LambdaZip(Path zip, String labDir, List<String> libraries, long size) {
    }

    /**
     * @param classpath what handler sources compile against, and where their libraries are taken from (the lab's
     *                  own class path: the AWS SDK and the Lambda libraries)
     */
    public LambdaPackager(Path home, Path cacheDir, List<Path> classpath, PrintStream out) {
        this.home = home.toAbsolutePath().normalize();
        this.cacheDir = cacheDir;
        this.classpath = List.copyOf(classpath);
        this.out = out;
    }

    /** The packager for {@code home}'s lab folders, keeping packages in {@code build/lab-functions}. */
    public static LambdaPackager forHome(Path home, PrintStream out) {
        List<Path> classpath = Stream.of(System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator)))
                .filter(entry -> !entry.isBlank()).map(Path::of).toList();
        return new LambdaPackager(home, home.resolve("build/lab-functions"), classpath, out);
    }

    /**
     * The deployment package of the handlers in {@code labs/<labDir>}: the one built before from the same sources and
     * libraries, else a new one.
     */
    public LambdaZip build(String labDir) {
        LabSources sources = LabSources.ofLab(home, labDir);
        long started = System.nanoTime();
        try {
            Files.createDirectories(cacheDir);
            List<Path> libraries = libraries(sources);
            String baseName = labDir.replace('/', '-').replace('\\', '-');
            Path target = cacheDir.resolve(baseName + "-" + hash(sources, libraries) + ".zip");
            List<String> libraryNames = libraries.stream().map(p -> p.getFileName().toString()).toList();
            if (Files.isRegularFile(target)) {
                out.println("labs/" + labDir + " is unchanged: " + describe(target) + ", "
                        + Files.size(target) / 1024 + " KiB");
                return new LambdaZip(target, labDir, libraryNames, Files.size(target));
            }
            Path work = Files.createTempDirectory(cacheDir, "classes-");
            try {
                JavaCompilation.compile(sources.javaFiles(), classpath, work, this::describe, message -> null);
                JarBuilder zip = new JarBuilder();
                for (Path resource : sources.resources()) {
                    zip.add(sources.relativeName(resource), resource);
                }
                zip.addTree(work);
                for (Path library : libraries) {
                    zip.add("lib/" + library.getFileName(), library);
                }
                removeOlderZips(baseName);
                zip.writeTo(target);
                long size = Files.size(target);
                out.println("Packaged labs/" + labDir + " for Lambda in "
                        + Durations.describe(Duration.ofNanos(System.nanoTime() - started)) + ": " + describe(target)
                        + ", " + size / 1024 + " KiB with " + libraries.size() + " libraries in lib/");
                return new LambdaZip(target, labDir, libraryNames, size);
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot package labs/" + labDir + ": " + e.getMessage(), e);
        }
    }

    /** A hash of the handler's sources and resources, and of the libraries that go in with them. */
    private static String hash(LabSources sources, List<Path> libraries) {
        ContentHash hash = new ContentHash(FORMAT_VERSION);
        for (Path file : sources.javaFiles()) {
            hash.file(sources.relativeName(file), file);
        }
        for (Path file : sources.resources()) {
            hash.file(sources.relativeName(file), file);
        }
        return hash.text(libraries.toString()).hex();
    }

    private void removeOlderZips(String baseName) throws IOException {
        Pattern ours = Pattern.compile(Pattern.quote(baseName) + "(-[0-9a-f]{12})?\\.zip");
        try (Stream<Path> list = Files.list(cacheDir)) {
            for (Path file : list.toList()) {
                if (ours.matcher(file.getFileName().toString()).matches()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The jars the handler needs at run time, from what its sources import. */
    private List<Path> libraries(LabSources sources) throws IOException {
        Set<String> services = new TreeSet<>();
        boolean events = false;
        boolean postgresql = false;
        for (Path file : sources.javaFiles()) {
            String text = Files.readString(file);
            Matcher imports = SERVICE_IMPORT.matcher(text);
            while (imports.find()) {
                services.add(imports.group(1));
            }
            events |= text.contains(EVENTS_IMPORT);
            postgresql |= text.contains(POSTGRESQL_IMPORT);
        }
        List<Path> libraries = new ArrayList<>();
        for (Path jar : classpath) {
            String path = jar.toString().replace('\\', '/');
            if (!path.endsWith(".jar")) {
                continue;
            }
            String artifact = jar.getParent().getParent().getFileName().toString();
            if (path.contains("/org/postgresql/postgresql/")) {
                if (postgresql) {
                    libraries.add(jar);
                }
            } else if (path.contains("/com/amazonaws/aws-lambda-java-events/") || path.contains("/joda-time/joda-time/")) {
                if (events) {
                    libraries.add(jar);
                }
            } else if (!services.isEmpty() && path.contains("/software/amazon/awssdk/") && !LEFT_OUT.contains(artifact)) {
                if (!isServiceClient(jar) || services.contains(artifact)) {
                    libraries.add(jar);
                }
            } else if (!services.isEmpty() && (path.contains("/org/reactivestreams/")
                    || path.contains("/software/amazon/eventstream/") || path.contains("/org/slf4j/slf4j-api/"))) {
                libraries.add(jar);
            }
        }
        return libraries;
    }

    private static boolean isServiceClient(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(e -> e.getName().startsWith("software/amazon/awssdk/services/"));
        }
    }

    private String describe(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? home.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
