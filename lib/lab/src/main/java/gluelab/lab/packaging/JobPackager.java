package gluelab.lab.packaging;

import gluelab.lab.Durations;
import gluelab.lab.JobJar;
import gluelab.lab.LabHome;
import gluelab.lab.LabSetupException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Packages the Java sources of a folder under {@code labs/} into a Glue job jar: compiled against the Glue
 * runtime API and Spark (the Glue worker's class path), with the folder's other files as resources and the
 * {@code gluelab.glue} runtime classes inside, because AWS Glue 5.0 does not have them. Jars are kept in
 * {@code build/lab-jobs/} under a hash of everything that went in, so unchanged sources are not compiled again.
 *
 * <p>A Lambda package is the same first steps ({@link LabSources}, {@link JavaCompilation}) against the Lambda
 * libraries instead of Spark, written as a zip with the dependencies under {@code lib/}: a sibling of this
 * class when phase 3 needs it.
 */
public final class JobPackager {

    private static final String FORMAT_VERSION = "gluelab-job-jar-1";
    private static final String MAIN_CLASSES_ATTRIBUTE = "Gluelab-Main-Classes";
    private static final String CLASSES_ATTRIBUTE = "Gluelab-Job-Classes";
    private static final Pattern MISSING_PACKAGE = Pattern.compile("package ([\\w.]+) does not exist");

    private final Path home;
    private final Path cacheDir;
    private final List<Path> compileClasspath;
    private final Path runtimeClasses;
    private final PrintStream out;

    /**
     * @param home             the checkout: lab folders are {@code home/labs/<dir>}, paths in messages are relative to it
     * @param cacheDir         where jars are kept
     * @param compileClasspath what job sources compile against (Spark, the SDK, the Glue runtime)
     * @param runtimeClasses   the compiled {@code gluelab.glue} runtime to put inside every jar; null if not built
     * @param out              where progress goes
     */
    public JobPackager(Path home, Path cacheDir, List<Path> compileClasspath, Path runtimeClasses, PrintStream out) {
        this.home = home.toAbsolutePath().normalize();
        this.cacheDir = cacheDir;
        this.compileClasspath = List.copyOf(compileClasspath);
        this.runtimeClasses = runtimeClasses != null && Files.isDirectory(runtimeClasses) ? runtimeClasses : null;
        this.out = out;
    }

    /**
     * The packager for the lab folders of {@code home}: it compiles against the Glue worker's class path and
     * the built runtime of the installation ({@link LabHome#installation()}), and keeps jars in its
     * {@code build/lab-jobs}.
     */
    public static JobPackager forHome(Path home, PrintStream out) {
        Path installation = LabHome.installation();
        Path classpathFile = installation.resolve("lib/glue-worker/target/classpath.txt");
        Path runtime = installation.resolve("lib/glue-runtime/target/classes");
        if (!Files.isRegularFile(classpathFile)) {
            throw new LabSetupException("The Glue worker is not built yet (no lib/glue-worker/target/classpath.txt), so "
                    + "there is no Spark to compile jobs against. Build it once: any ./lab command builds it, or mvn -f lib/pom.xml "
                    + "-DskipTests package.");
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(runtime);
        try {
            String entries = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
            if (!entries.isEmpty()) {
                Arrays.stream(entries.split(Pattern.quote(File.pathSeparator))).map(Path::of).forEach(classpath::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classpathFile + ": " + e.getMessage(), e);
        }
        return new JobPackager(home, home.resolve("build/lab-jobs"), classpath, runtime, out);
    }

    /** The jar of {@code labs/<labDir>} (a folder, or a folder inside one such as {@code 20-s3-to-glue/glue}). */
    public JobJar build(String labDir) {
        return build(labDir, List.of());
    }

    /**
     * The jar of {@code labs/<labDir>}, compiled also against {@code libraries}: jars of libraries Glue does not
     * ship, which the job gets at run time from {@code --extra-jars}. They are not put inside the jar.
     */
    public JobJar build(String labDir, List<Path> libraries) {
        for (Path library : libraries) {
            if (!Files.isRegularFile(library)) {
                throw new IllegalArgumentException("There is no library jar " + library);
            }
        }
        List<Path> classpath = new ArrayList<>(compileClasspath);
        classpath.addAll(libraries);
        LabSources sources = LabSources.ofLab(home, labDir);
        String hash = hash(sources, classpath);
        String baseName = labDir.replace('/', '-').replace('\\', '-');
        Path jar = cacheDir.resolve(baseName + "-" + hash + ".jar");
        try {
            Files.createDirectories(cacheDir);
            if (Files.isRegularFile(jar)) {
                JobJar cached = readCached(jar, labDir, hash);
                out.println("labs/" + labDir + " is unchanged: " + describe(jar));
                return cached;
            }
            long started = System.nanoTime();
            Path work = Files.createTempDirectory(cacheDir, baseName + "-classes-");
            try {
                JavaCompilation.Result compiled = JavaCompilation.compile(sources.javaFiles(), classpath, work,
                        this::describe, this::hint);
                List<String> classes = classNames(work);
                JarBuilder builder = new JarBuilder()
                        .attribute("Created-By", "gluelab lab library")
                        .attribute(CLASSES_ATTRIBUTE, String.join(",", classes))
                        .attribute(MAIN_CLASSES_ATTRIBUTE, String.join(",", compiled.mainClasses()));
                if (compiled.mainClasses().size() == 1) {
                    builder.attribute(Attributes.Name.MAIN_CLASS.toString(), compiled.mainClasses().get(0));
                }
                if (runtimeClasses != null) {
                    builder.addTree(runtimeClasses);
                }
                for (Path resource : sources.resources()) {
                    builder.add(sources.relativeName(resource), resource);
                }
                builder.addTree(work);
                builder.writeTo(jar);
                removeOlderJars(baseName, jar);
                out.println("Compiled labs/" + labDir + " (" + classes.size() + " class" + (classes.size() == 1 ? "" : "es")
                        + ") in " + Durations.describe(Duration.ofNanos(System.nanoTime() - started)) + ": " + describe(jar)
                        + (libraries.isEmpty() ? "" : "; compiled against " + libraries.stream().map(p -> p.getFileName().toString())
                        .toList() + ", which are not inside: the job gets them from --extra-jars"));
                return new JobJar(jar, labDir, hash, classes, compiled.mainClasses(), false);
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot package labs/" + labDir + ": " + e.getMessage(), e);
        }
    }

    private String hash(LabSources sources, List<Path> classpath) {
        ContentHash hash = new ContentHash(FORMAT_VERSION);
        for (Path file : sources.javaFiles()) {
            hash.file(sources.relativeName(file), file);
        }
        for (Path file : sources.resources()) {
            hash.file(sources.relativeName(file), file);
        }
        hash.text(classpath.toString());
        if (runtimeClasses != null) {
            try (Stream<Path> walk = Files.walk(runtimeClasses)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    hash.file(runtimeClasses.relativize(file).toString(), file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hash.hex();
    }

    private static JobJar readCached(Path jar, String labDir, String hash) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes attributes = file.getManifest().getMainAttributes();
            return new JobJar(jar, labDir, hash, split(attributes.getValue(CLASSES_ATTRIBUTE)),
                    split(attributes.getValue(MAIN_CLASSES_ATTRIBUTE)), true);
        }
    }

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : List.of(list.split(","));
    }

    private static List<String> classNames(Path classesDir) throws IOException {
        try (Stream<Path> walk = Files.walk(classesDir)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classesDir.relativize(p).toString().replace('\\', '/'))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        }
    }

    private void removeOlderJars(String baseName, Path keep) throws IOException {
        Pattern ours = Pattern.compile(Pattern.quote(baseName) + "-[0-9a-f]{12}\\.jar");
        try (Stream<Path> list = Files.list(cacheDir)) {
            for (Path file : list.toList()) {
                if (!file.equals(keep) && ours.matcher(file.getFileName().toString()).matches()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private String hint(String message) {
        if (runtimeClasses == null && message.contains("package gluelab.glue")) {
            return "The Glue runtime (lib/glue-runtime) is not built; any ./lab command builds it, or mvn -f lib/pom.xml "
                    + "-DskipTests package.";
        }
        Matcher missing = MISSING_PACKAGE.matcher(message);
        if (missing.find() && !missing.group(1).startsWith("gluelab.")) {
            return "Package " + missing.group(1) + " is neither in Glue nor in the job: compile against its library, "
                    + "lab.jobJar(lab.mavenJars(\"group:artifact:version\", …)), and give the job those jars in --extra-jars.";
        }
        return null;
    }

    private String describe(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? home.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temp folder under build/ is harmless.
        }
    }
}
