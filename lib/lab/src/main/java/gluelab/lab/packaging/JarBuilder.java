package gluelab.lab.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes a jar whose bytes depend only on its contents: entries sorted, timestamps fixed. The same sources
 * give the same jar, so its S3 ETag stays the same and nothing downstream sees a change that is not one.
 */
final class JarBuilder {

    /** A fixed DOS time for every entry (local time, so no time zone leaks into the bytes). */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private final Map<String, Path> entries = new TreeMap<>();
    private final Manifest manifest = new Manifest();

    JarBuilder() {
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    }

    JarBuilder attribute(String name, String value) {
        manifest.getMainAttributes().put(new Attributes.Name(name), value);
        return this;
    }

    /** Adds every file under {@code dir}, named by its path inside it. Later additions of the same name win. */
    JarBuilder addTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                if (!name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    entries.put(name, file);
                }
            }
        }
        return this;
    }

    JarBuilder add(String name, Path file) {
        entries.put(name, file);
        return this;
    }

    /** Writes the jar to {@code target}, replacing it at once (never half-written). */
    void writeTo(Path target) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary); JarOutputStream jar = new JarOutputStream(out)) {
                JarEntry manifestEntry = entry("META-INF/MANIFEST.MF");
                jar.putNextEntry(manifestEntry);
                manifest.write(jar);
                jar.closeEntry();
                for (Map.Entry<String, Path> entry : entries.entrySet()) {
                    jar.putNextEntry(entry(entry.getKey()));
                    Files.copy(entry.getValue(), jar);
                    jar.closeEntry();
                }
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static JarEntry entry(String name) {
        JarEntry entry = new JarEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        return entry;
    }
}
