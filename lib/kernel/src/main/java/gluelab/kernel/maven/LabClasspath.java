package gluelab.kernel.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the lab already runs, which a notebook's Maven dependencies must not contradict: the jars on the kernel's
 * class path (its AWS SDK, Jackson, Parquet, ...), and the Spark and Scala versions of the Glue runtime that jobs
 * run on (Glue 5.0, and the lab's Glue worker), to which a notebook's jars go as {@code --extra-jars}.
 *
 * <p>As the lab's build does, dependencies of dependencies get the lab's AWS SDK version ({@link #managingBom}).
 * Then three verdicts, from hard to soft: a second Spark, Scala library or AWS SDK is refused ({@link #refusal});
 * another version of an artifact the kernel already has is left out, the kernel's own being the one that loads
 * ({@link #sameArtifact}); a jar of a different artifact that carries classes the kernel already loads is added
 * with a warning ({@link #overlaps}).
 */
public final class LabClasspath {

    private static final Pattern SCALA_SUFFIX = Pattern.compile(".*_(2\\.1[0-9]|3)$");

    /** A jar of the kernel's class path that is in a Maven repository's layout. */
    public record LabJar(String artifactId, String version, Path jar) {
    }

    private final Map<String, List<LabJar>> byArtifactId = new HashMap<>();
    private final ClassLoader labLoader;
    private final String sparkVersion;
    private final String scalaVersion;
    private final String scalaBinary;
    private final String sdkVersion;

    LabClasspath(List<Path> entries, ClassLoader labLoader, Properties runtime) {
        this.labLoader = labLoader;
        this.sparkVersion = runtime.getProperty("spark.version");
        this.scalaVersion = runtime.getProperty("scala.version");
        this.scalaBinary = runtime.getProperty("scala.binary");
        this.sdkVersion = runtime.getProperty("awssdk.version");
        for (Path entry : entries) {
            Path versionDir = entry.getParent();
            Path artifactDir = versionDir == null ? null : versionDir.getParent();
            if (artifactDir == null || artifactDir.getFileName() == null || !entry.toString().endsWith(".jar")) {
                continue;
            }
            String artifactId = artifactDir.getFileName().toString();
            String version = versionDir.getFileName().toString();
            if (entry.getFileName().toString().startsWith(artifactId + "-" + version)) {
                byArtifactId.computeIfAbsent(artifactId, id -> new ArrayList<>()).add(new LabJar(artifactId, version, entry));
            }
        }
    }

    /** The class path of this JVM ({@code entries}), loaded by the application class loader. */
    public static LabClasspath of(List<Path> entries) {
        Properties runtime = new Properties();
        try (InputStream in = LabClasspath.class.getResourceAsStream("lab-runtime.properties")) {
            runtime.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the kernel's build left out lab-runtime.properties", e);
        }
        return new LabClasspath(entries, ClassLoader.getSystemClassLoader(), runtime);
    }

    /**
     * The BOM whose versions the lab's build imports ({@code group:artifact:version}): the AWS SDK's, so a library
     * built against an older SDK gets the lab's SDK modules, as in the lab's own modules.
     */
    String managingBom() {
        return "software.amazon.awssdk:bom:" + sdkVersion;
    }

    /** Why {@code artifact} must not join the lab's class path, if it must not. */
    Optional<String> refusal(ResolvedArtifact artifact) {
        String what = artifact.coordinates() + artifact.neededByClause();
        String group = artifact.groupId();
        String name = artifact.artifactId();
        if (group.equals("org.scala-lang") && name.matches("scala-(library|reflect|compiler)")
                && !artifact.version().equals(scalaVersion)) {
            return Optional.of(what + " is a second Scala library: Glue 5.0's Spark, and the lab's Glue worker, run on "
                    + "Scala " + scalaVersion + ". Two Scala libraries on one class path break Spark at run time: deserializing "
                    + "a lambda fails with \"IllegalArgumentException: too many arguments\". Use a build of the library for "
                    + "Scala " + scalaBinary + " (artifacts named ..._" + scalaBinary + "), or one without Scala.");
        }
        Matcher suffix = SCALA_SUFFIX.matcher(name);
        if (suffix.matches() && !suffix.group(1).equals(scalaBinary)) {
            return Optional.of(what + " is built for Scala " + suffix.group(1) + ", but Glue 5.0's Spark runs Scala "
                    + scalaVersion + ": its classes do not link against that Scala library at run time (NoSuchMethodError, "
                    + "or lambda deserialization failing with \"too many arguments\"). Use its _" + scalaBinary + " build.");
        }
        if (group.equals("org.apache.spark") && !artifact.version().equals(sparkVersion)) {
            return Optional.of(what + " is a second Spark: Glue 5.0, and the lab's Glue worker, provide Spark " + sparkVersion
                    + ", and two Sparks on one class path fail at run time. Leave Spark out (Maven scope provided), or use "
                    + sparkVersion + ".");
        }
        if (group.equals("software.amazon.awssdk") && !artifact.version().equals(sdkVersion)) {
            return Optional.of(what + " is from another version of the AWS SDK than the lab's " + sdkVersion + ", which is on "
                    + "the kernel's class path: SDK modules of two versions on one class path fail at run time "
                    + "(NoSuchMethodError, NoClassDefFoundError), as each module calls into sdk-core and the others of its "
                    + "own version. Use " + group + ":" + name + ":" + sdkVersion + ".");
        }
        return Optional.empty();
    }

    /** The kernel's own jar of the same artifact as {@code artifact} (any version), if it has one. */
    Optional<LabJar> sameArtifact(ResolvedArtifact artifact) {
        String groupPath = artifact.groupId().replace('.', '/');
        return byArtifactId.getOrDefault(artifact.artifactId(), List.of()).stream()
                .filter(jar -> jar.jar().getParent().getParent().getParent().toString().replace('\\', '/').endsWith(groupPath))
                .findFirst();
    }

    /**
     * The kernel's jars that hold classes of {@code jar}, by package (one class of each package is looked up), with
     * the packages they share; in order of first finding.
     */
    Map<String, List<String>> overlaps(Path jar) {
        Map<String, List<String>> byLabJar = new LinkedHashMap<>();
        Map<String, String> oneClassPerPackage = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/") && name.indexOf('/') > 0
                            && !name.endsWith("module-info.class") && !name.endsWith("package-info.class"))
                    .forEach(name -> oneClassPerPackage.putIfAbsent(name.substring(0, name.lastIndexOf('/')), name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        oneClassPerPackage.forEach((packagePath, classFile) -> {
            URL found = labLoader.getResource(classFile);
            if (found != null) {
                byLabJar.computeIfAbsent(jarName(found), name -> new ArrayList<>()).add(packagePath.replace('/', '.'));
            }
        });
        return byLabJar;
    }

    /** The jar a class was found in, by file name; the JDK, or a class directory, by what they are. */
    private static String jarName(URL resource) {
        String path = resource.getPath();
        return switch (resource.getProtocol()) {
            case "jar" -> {
                String jarPath = path.substring(0, Math.max(0, path.indexOf("!/")));
                yield jarPath.substring(jarPath.lastIndexOf('/') + 1);
            }
            case "jrt" -> "the JDK";
            default -> "the lab's own classes";
        };
    }
}
