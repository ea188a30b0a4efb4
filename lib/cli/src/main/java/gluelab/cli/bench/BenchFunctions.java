package gluelab.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** The Lambda functions the benchmarks deploy: one handler class compiled with the JDK's compiler and zipped. */
final class BenchFunctions {

    private BenchFunctions() {
    }

    /**
     * A deployment package of {@code className} (e.g. {@code bench.Echo}) compiled from {@code source} in
     * {@code build/bench/<work>}, against this JVM's class path, with {@code libraries} in the package's {@code lib/}.
     */
    static byte[] zip(Path home, String work, String className, String source, List<Path> libraries)
            throws IOException {
        Path directory = Files.createDirectories(home.resolve("build/bench/" + work));
        String classFile = className.replace('.', '/');
        Path sourceFile = directory.resolve("src/" + classFile + ".java");
        Files.createDirectories(sourceFile.getParent());
        Files.writeString(sourceFile, source);
        Path classes = Files.createDirectories(directory.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null || javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d",
                classes.toString(), sourceFile.toString()) != 0) {
            throw new IllegalStateException("The benchmark's handler " + className + " did not compile (is this a JDK?)");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(classFile + ".class"));
            Files.copy(classes.resolve(classFile + ".class"), zip);
            zip.closeEntry();
            for (Path jar : libraries) {
                zip.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
                Files.copy(jar, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The jars of this JVM's class path that {@code wanted} picks. */
    static List<Path> classPathJars(Predicate<Path> wanted) {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).map(Path::of).filter(wanted).toList();
    }
}
