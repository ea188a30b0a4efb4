package gluelab.e2e.glue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Glue job classes for the end-to-end tests, compiled from source with javax.tools against the Glue
 * runtime and the worker's class path, and packaged as a jar to upload to S3, as a notebook does.
 */
final class JobJars {

    private JobJars() {
    }

    /** The repository root: the nearest directory above the working directory that holds lib/pom.xml. */
    static Path repositoryRoot() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("lib").resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No lib/pom.xml above " + System.getProperty("user.dir"));
    }

    private static String compileClasspath() throws IOException {
        Path lib = repositoryRoot().resolve("lib");
        return lib.resolve("glue-runtime/target/classes") + File.pathSeparator
                + Files.readString(lib.resolve("glue-worker/target/classpath.txt")).trim();
    }

    /** Compiles {@code sources} (fully qualified class name to Java source) and returns them as a jar. */
    static byte[] jar(Map<String, String> sources) {
        try {
            Path classes = Files.createTempDirectory("glue-job-classes-");
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, source) -> units.add(new SimpleJavaFileObject(
                    URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            }));
            StringWriter diagnostics = new StringWriter();
            boolean compiled = compiler.getTask(diagnostics, null, null,
                    List.of("--release", "17", "-classpath", compileClasspath(), "-d", classes.toString()), null, units)
                    .call();
            if (!compiled) {
                throw new IllegalStateException("The job sources do not compile:\n" + diagnostics);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                    jar.write(Files.readAllBytes(file));
                    jar.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
