package gluelab.glue.worker.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles small job classes (full source text by class name) into a jar, as a notebook packages labs/. */
public final class JobJars {

    private JobJars() {
    }

    public static Path compile(Path workDir, String jarName, Map<String, String> sources) {
        try {
            Path src = Files.createTempDirectory(workDir, "src-");
            Path classes = Files.createTempDirectory(workDir, "classes-");
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file);
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, null)) {
                Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
                String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
                List<String> options = List.of("--release", "17", "-classpath", classpath, "-d", classes.toString(), "-nowarn");
                java.io.StringWriter diagnostics = new java.io.StringWriter();
                if (!compiler.getTask(diagnostics, fm, null, options, null, units).call()) {
                    throw new AssertionError("job sources do not compile:\n" + diagnostics);
                }
            }
            Path jar = workDir.resolve(jarName);
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out);
                 Stream<Path> walk = Files.walk(classes)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    jos.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, jos);
                    jos.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
