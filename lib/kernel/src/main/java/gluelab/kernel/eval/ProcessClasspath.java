package gluelab.kernel.eval;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path this JVM was started with, as the JVM itself sees it: {@code java.class.path} plus the
 * {@code Class-Path} entries of jar manifests (launchers such as Surefire start the JVM with a single
 * manifest-only jar). JShell compiles cells against it.
 */
public final class ProcessClasspath {

    private ProcessClasspath() {
    }

    /** The JVM's class path is fixed at start, and reading every jar's manifest takes most of a second. */
    private static volatile List<Path> entries;

    public static List<Path> entries() {
        if (entries == null) {
            entries = read();
        }
        return entries;
    }

    private static List<Path> read() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addWithManifestClassPath(Path.of(entry).toAbsolutePath().normalize(), entries);
            }
        }
        return List.copyOf(entries);
    }

    public static String asString() {
        List<String> paths = new ArrayList<>();
        for (Path entry : entries()) {
            paths.add(entry.toString());
        }
        return String.join(File.pathSeparator, paths);
    }

    private static void addWithManifestClassPath(Path entry, Set<Path> entries) {
        if (!entries.add(entry) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return;
            }
            for (String reference : classPath.trim().split("\\s+")) {
                Path resolved = resolveManifestReference(entry, reference);
                if (resolved != null) {
                    addWithManifestClassPath(resolved, entries);
                }
            }
        } catch (IOException e) {
            // An unreadable jar still counts as an entry; the compiler will say what is wrong with it.
        }
    }

    private static Path resolveManifestReference(Path jar, String reference) {
        try {
            // Manifest references are URLs, relative to the jar's directory unless absolute.
            URI resolved = jar.getParent().toUri().resolve(new URI(reference));
            return "file".equals(resolved.getScheme()) ? Path.of(resolved).normalize() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
