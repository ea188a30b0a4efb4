package gluelab.kernel.testing;

import gluelab.kernel.classroom.FileTrees;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Test resources and the small things tests build from them. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A file or directory under {@code src/test/resources}. */
    public static Path resource(String name) {
        try {
            var url = Fixtures.class.getResource("/" + name);
            if (url == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Path notebook(String name) {
        return resource("notebooks/" + name);
    }

    /** Copies a resource directory, so a test may add to it or run notebooks whose outputs land next to them. */
    public static Path copyDirectory(String name, Path target) {
        try {
            return FileTrees.copy(resource(name), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles one Java source into {@code classesDirectory}, against the jars or directories of {@code classpath}. */
    public static void compile(String className, String source, Path classesDirectory, Path... classpath) throws IOException {
        Path sources = Files.createTempDirectory("fixture-src");
        Path file = sources.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Files.createDirectories(classesDirectory);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String path = Stream.of(classpath).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        int status = javac.run(null, null, null, "-d", classesDirectory.toString(), "-cp", path, file.toString());
        if (status != 0) {
            throw new IllegalStateException("fixture " + className + " does not compile");
        }
    }

    /** Compiles one Java source (against {@code classpath}) and packs its classes into {@code jar}. */
    public static void jar(String className, String source, Path jar, Path... classpath) throws IOException {
        Path classes = Files.createTempDirectory("fixture-classes");
        compile(className, source, classes, classpath);
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, (OutputStream) out);
                out.closeEntry();
            }
        }
    }

    /**
     * The {@code %load}/{@code %jars}/{@code %classpath} notebook copied into {@code directory}, with the jar
     * ({@code lib/greeting.jar}) and class directory ({@code classes}) it loads; returns the notebook.
     */
    public static Path magicsNotebook(Path directory) throws IOException {
        copyDirectory("notebooks/magics", directory);
        jar("fixture.Greeting",
                "package fixture; public class Greeting { public static String hello(String who) { return \"hello, \" + who; } }",
                directory.resolve("lib/greeting.jar"));
        compile("fixture.Farewell",
                "package fixture; public class Farewell { public static String bye(String who) { return \"bye, \" + who; } }",
                directory.resolve("classes"));
        return directory.resolve("magics.ipynb");
    }

    /** A version the lab's build pins ({@code awssdk.version}, {@code scala.version}, ...), as the kernel reads it. */
    public static String labRuntime(String property) {
        Properties runtime = new Properties();
        try (var in = Fixtures.class.getResourceAsStream("/gluelab/kernel/maven/lab-runtime.properties")) {
            runtime.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runtime.getProperty(property);
    }

    /** The version of a library on the kernel's (this JVM's) class path, from its place in the Maven repository. */
    public static String kernelJarVersion(String artifactId) {
        return gluelab.kernel.eval.ProcessClasspath.entries().stream()
                .filter(entry -> entry.getFileName().toString().startsWith(artifactId + "-") && entry.getParent().getParent()
                        .getFileName().toString().equals(artifactId))
                .map(entry -> entry.getParent().getFileName().toString())
                .findFirst().orElseThrow(() -> new IllegalStateException(artifactId + " is not on the class path"));
    }

    public static List<String> lines(String text) {
        return text.lines().toList();
    }
}
