package gluelab.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Application class-data sharing (AppCDS) for a JVM that is started again and again with the same class path:
 * the first start dumps the classes it loaded into an archive, later starts map them instead of loading and
 * verifying them again ({@code -XX:SharedArchiveFile}). The first start dumps either when it ends
 * ({@link #jvmOptions}, {@code -XX:ArchiveClassesAtExit}: a training run), or while it runs, when it asks
 * ({@link #jvmOptionsDumpingOnRequest} and {@link #dumpIfAsked}: a long-lived JVM that must stop quickly).
 * <p>
 * The archive is named after a digest of the JVM and of every class-path entry's path, size and modification
 * time, so a rebuild or another JDK makes a new one (and {@link #keepIfComplete} deletes the old). A start that
 * dumps writes to a file of its own, renamed into place only once complete (after a clean exit, or after the dump it asked for): a JVM killed
 * while dumping leaves no half archive behind, and two JVMs dumping at once do not write one file. A mismatching
 * or unreadable archive never stops a start: with {@code -Xshare:auto} (the default) the JVM then runs without it.
 * CDS only archives classes from jars: a class path with a non-empty directory gets no archive ({@link #forClasspath}
 * is empty), because dumping would fail.
 */
public final class ClassDataArchive {

    /** Set on a JVM that dumps its archive while it runs, when {@link #dumpIfAsked} is called: where to, and as what. */
    static final String DUMP_TO_PROPERTY = "gluelab.cds.dumpTo";
    static final String KEEP_AS_PROPERTY = "gluelab.cds.keepAs";
    private static final String SUFFIX = ".jsa";
    private static final String PARTIAL_SUFFIX = ".jsa.partial";

    private final Path directory;
    private final String name;
    private final Path archive;
    private final Path partial;

    private ClassDataArchive(Path directory, String name, String key) {
        this(directory, name, key, directory.resolve(name + "-" + key + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + PARTIAL_SUFFIX));
    }

    private ClassDataArchive(Path directory, String name, String key, Path partial) {
        this.directory = directory;
        this.name = name;
        this.archive = directory.resolve(name + "-" + key + SUFFIX);
        this.partial = partial;
    }

    /**
     * The archive for one start of a JVM with {@code classpath}, kept in {@code directory} under {@code name};
     * empty when that class path cannot be archived (a directory with classes in it, or an entry that cannot be read).
     */
    public static Optional<ClassDataArchive> forClasspath(Path directory, String name, String classpath) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(digest, System.getProperty("java.home") + "|" + System.getProperty("java.vm.version"));
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> children = Files.list(path)) {
                        if (children.findAny().isPresent()) {
                            return Optional.empty();
                        }
                    }
                }
                update(digest, entry + "|" + (Files.exists(path)
                        ? Files.size(path) + "|" + Files.getLastModifiedTime(path).toMillis() : "missing"));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        String key = HexFormat.of().formatHex(digest.digest(), 0, 8);
        return Optional.of(new ClassDataArchive(directory, name, key));
    }

    /**
     * A Maven module's packaged jar ({@code target/<artifactId>-<version>.jar}), if it was written after every class
     * in {@code target/classes} (a compile alone leaves it stale): the entry to use for the module's own classes
     * where they should be archived.
     */
    public static Optional<Path> packagedJar(Path target, String artifactId) {
        try (Stream<Path> files = Files.list(target)) {
            Optional<Path> jar = files.filter(file -> {
                String fileName = file.getFileName().toString();
                return fileName.startsWith(artifactId + "-") && fileName.endsWith(".jar")
                        && !fileName.endsWith("-tests.jar") && !fileName.endsWith("-sources.jar");
            }).findFirst();
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            long packaged = Files.getLastModifiedTime(jar.get()).toMillis();
            Path classes = target.resolve("classes");
            if (!Files.isDirectory(classes)) {
                return jar;
            }
            try (Stream<Path> compiled = Files.walk(classes)) {
                boolean newer = compiled.filter(Files::isRegularFile).anyMatch(file -> {
                    try {
                        return Files.getLastModifiedTime(file).toMillis() > packaged;
                    } catch (IOException e) {
                        return true;
                    }
                });
                return newer ? Optional.empty() : jar;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** Whether this class path has its archive already (this start maps it rather than dumping one). */
    public boolean exists() {
        try {
            return Files.isRegularFile(archive) && Files.size(archive) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The JVM options for this start: use the archive if there is one, else dump one at exit. The JVM's own
     * warnings go to stderr, never stdout, which may be a protocol channel; CDS's only when they are errors (it
     * warns about every class it cannot archive: hundreds of lines for Spark).
     */
    public List<String> jvmOptions() {
        return withQuietLogging(exists() ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + partial);
    }

    /**
     * The JVM options for a start of a long-lived JVM: use the archive if there is one, else be ready to dump one
     * while running, when the JVM calls {@link #dumpIfAsked} (JDK 17's dynamic dump). Such a JVM is never made to
     * write an archive while it is being stopped, which on a busy machine could take longer than a stop may.
     */
    public List<String> jvmOptionsDumpingOnRequest() {
        return exists() ? withQuietLogging("-XX:SharedArchiveFile=" + archive)
                : withQuietLogging("-XX:+RecordDynamicDumpInfo", "-D" + DUMP_TO_PROPERTY + "=" + partial,
                        "-D" + KEEP_AS_PROPERTY + "=" + archive);
    }

    private List<String> withQuietLogging(String... sharing) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            return List.of(); // nowhere to keep an archive: start without one
        }
        List<String> options = new java.util.ArrayList<>(List.of(sharing));
        options.addAll(List.of("-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:cds*=error:stderr"));
        return List.copyOf(options);
    }

    /**
     * In a JVM started with {@link #jvmOptionsDumpingOnRequest()} and no archive yet: dumps the classes loaded so far
     * and keeps them as the archive of its class path (the JVM pauses for the dump, a few seconds). Returns what
     * happened, for the JVM's log; empty when the JVM was not asked to dump.
     */
    public static Optional<String> dumpIfAsked() {
        String dumpTo = System.getProperty(DUMP_TO_PROPERTY);
        String keepAs = System.getProperty(KEEP_AS_PROPERTY);
        if (dumpTo == null || keepAs == null) {
            return Optional.empty();
        }
        System.clearProperty(DUMP_TO_PROPERTY);
        Path partial = Path.of(dumpTo);
        Path archive = Path.of(keepAs);
        long start = System.nanoTime();
        try {
            java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                    new Object[] {new String[] {"dynamic_dump", partial.toString()}}, new String[] {String[].class.getName()});
            String fileName = archive.getFileName().toString();
            ClassDataArchive kept = new ClassDataArchive(archive.getParent(), fileName.substring(0, fileName.lastIndexOf('-')),
                    fileName.substring(fileName.lastIndexOf('-') + 1, fileName.length() - SUFFIX.length()), partial);
            kept.keepIfComplete(0);
            return Optional.of(kept.exists()
                    ? "class-data archive written in " + (System.nanoTime() - start) / 1_000_000 + " ms: " + archive
                    : "class-data archive not written (the dump left no file)");
        } catch (javax.management.JMException | RuntimeException e) {
            deleteQuietly(partial);
            return Optional.of("class-data archive not written: " + e);
        }
    }

    /**
     * After the JVM ended: if it ended with status 0 and dumped, its archive becomes this class path's, and the
     * archives of older class paths under the same name are deleted. Anything else discards what it wrote.
     */
    public void keepIfComplete(int exitStatus) {
        try {
            if (exitStatus == 0 && Files.isRegularFile(partial) && Files.size(partial) > 0) {
                move(partial, archive);
                deleteOthers();
            }
        } catch (IOException e) {
            // The next start dumps again.
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void deleteOthers() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> {
                String fileName = file.getFileName().toString();
                // Partial files too: those of JVMs that were stopped while dumping (each is as large as an archive).
                return fileName.startsWith(name + "-") && (fileName.endsWith(SUFFIX) || fileName.endsWith(PARTIAL_SUFFIX))
                        && !file.equals(archive) && !file.equals(partial);
            }).forEach(ClassDataArchive::deleteQuietly);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover file is harmless: archives are found by name, partial ones never are.
        }
    }

    public Path archive() {
        return archive;
    }

    @Override
    public String toString() {
        return archive.toString();
    }
}
