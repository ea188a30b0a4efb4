package gluelab.cloud.services.rds;

import gluelab.cloud.state.Directories;
import gluelab.process.OrphanGuard;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One real PostgreSQL server: a data directory ({@code home/data}), its log ({@code home/postgres.log}) and, while it
 * runs, its postmaster process, listening on 127.0.0.1 only and on no Unix socket. Every connection authenticates
 * with a SCRAM-SHA-256 password ({@code pg_hba.conf} has no other line), so a wrong password is refused with SQLSTATE
 * 28P01, as on RDS.
 *
 * <p>The cluster's superuser is {@value #ADMIN}, whose random password only Lab Cloud knows, as on RDS, where the
 * master user is an ordinary role with {@code CREATEDB} and {@code CREATEROLE}. Passwords are set with the driver's
 * {@link PGConnection#alterUserPassword}, which sends only the SCRAM verifier, so no password reaches the server's log.
 *
 * <p><b>Running as root.</b> {@code initdb} and {@code postgres} refuse to run as root, and this lab's machines and
 * CI run as root. When Lab Cloud is root, each of them runs in a new user namespace ({@code unshare --user}) in which
 * Lab Cloud's uid is mapped to an unprivileged one ({@value #UNPRIVILEGED_UID}, nobody): inside, PostgreSQL is not
 * root and owns the files Lab Cloud owns; outside, its files stay Lab Cloud's, under a state directory that another
 * user could not even enter, and nothing is chowned. A normal user runs them directly.
 */
final class PostgresServer {

    static final String ADMIN = "rdsadmin";
    static final String HOST = "127.0.0.1";
    private static final String UNPRIVILEGED_UID = "65534";
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final long STOP_TIMEOUT_MILLIS = 15_000;
    private static final String HBA = """
            # Lab Cloud's RDS: every connection authenticates with a SCRAM-SHA-256 password, as on RDS.
            host all all 127.0.0.1/32 scram-sha-256
            """;

    private final PostgresBinaries binaries;
    private final Path home;
    private final Path data;
    private final String adminPassword;
    private volatile Process process;
    /** Ends the postmaster if this JVM dies without stopping it (a killed Lab Cloud). */
    private volatile OrphanGuard orphanGuard;
    private volatile int port;

    PostgresServer(PostgresBinaries binaries, Path home, String adminPassword) {
        this.binaries = binaries;
        this.home = home;
        this.data = home.resolve("data");
        this.adminPassword = adminPassword;
    }

    /** Whether {@link #initialize} has made the cluster. */
    boolean isInitialized() {
        return Files.isRegularFile(data.resolve("PG_VERSION")) && Files.isRegularFile(data.resolve("pg_hba.conf"));
    }

    /** Makes a new cluster (initdb), replacing whatever an interrupted attempt left. */
    void initialize() throws IOException {
        if (Files.exists(home)) {
            Directories.deleteTree(home);
        }
        Files.createDirectories(home);
        Path passwordFile = home.resolve("admin-password");
        Files.writeString(passwordFile, adminPassword + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        try {
            run(List.of(binaries.bin("initdb").toString(), "--pgdata=" + data, "--username=" + ADMIN,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C",
                    "--no-sync", "--no-instructions"));
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        Files.writeString(data.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
    }

    /**
     * Starts the server on {@code preferredPort}, or on a free port if that one is taken, and waits until it takes
     * connections. A postmaster a killed Lab Cloud left running on this data directory is stopped first.
     *
     * @return the port it listens on
     */
    int start(int preferredPort) throws IOException {
        stopOrphan();
        int chosen = preferredPort > 0 && isFree(preferredPort) ? preferredPort : freePort();
        List<String> command = new ArrayList<>(List.of(binaries.bin("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(chosen),
                "-c", "listen_addresses=" + HOST,
                "-c", "unix_socket_directories=",
                "-c", "password_encryption=scram-sha-256",
                "-c", "shared_buffers=16MB",
                "-c", "max_connections=40"));
        Path log = home.resolve("postgres.log");
        Process started = new ProcessBuilder(unprivileged(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        this.process = started;
        this.port = chosen;
        awaitConnections(started, log);
        this.orphanGuard = OrphanGuard.guardForThisJvm(started.pid(), "INT");
        return chosen;
    }

    int port() {
        return port;
    }

    boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    /** Creates the master user (an ordinary role that may create databases and roles) and its database, if any. */
    void createMasterUser(String username, String password, String databaseName) throws SQLException {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + quote(username) + " LOGIN CREATEDB CREATEROLE");
            connection.unwrap(PGConnection.class).alterUserPassword(username, password.toCharArray(), "scram-sha-256");
            statement.execute("GRANT ALL ON SCHEMA public TO " + quote(username));
            if (databaseName != null) {
                statement.execute("CREATE DATABASE " + quote(databaseName) + " OWNER " + quote(username));
            }
        }
    }

    /** Sets a role's password, as RDS does when ModifyDBInstance changes the master user's. */
    void setPassword(String username, String password) throws SQLException {
        try (Connection connection = adminConnection()) {
            connection.unwrap(PGConnection.class).alterUserPassword(username, password.toCharArray(), "scram-sha-256");
        }
    }

    /** Stops the server with a fast shutdown (open sessions are ended), waiting for it to exit. */
    void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        OrphanGuard guard = orphanGuard;
        if (guard != null) {
            guard.close();
            orphanGuard = null;
        }
        signal(running.pid(), "INT");
        try {
            if (!running.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                signal(running.pid(), "QUIT");
                if (!running.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    running.destroyForcibly().waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
        process = null;
    }

    /** Stops the server and removes its data. */
    void destroy() throws IOException {
        stop();
        if (Files.exists(home)) {
            Directories.deleteTree(home);
        }
    }

    private Connection adminConnection() throws SQLException {
        return connect(port, "postgres", ADMIN, adminPassword);
    }

    static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + port + "/" + database, properties);
    }

    private void awaitConnections(Process started, Path log) throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        SQLException last = null;
        while (System.currentTimeMillis() < deadline && !Thread.currentThread().isInterrupted()) {
            if (!started.isAlive()) {
                throw new IOException("PostgreSQL stopped while starting (exit " + started.exitValue() + "): "
                        + tail(log));
            }
            try (Connection ignored = adminConnection()) {
                return;
            } catch (SQLException notYet) {
                last = notYet;
            }
            sleep(20);
        }
        stop();
        throw new IOException("PostgreSQL did not take connections within " + START_TIMEOUT_MILLIS + " ms: "
                + (last == null ? "" : last.getMessage()));
    }

    /** A postmaster still running on this data directory, left by a Lab Cloud that was killed, is shut down. */
    private void stopOrphan() throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        ProcessHandle.of(pid)
                .filter(handle -> handle.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(handle -> Path.of(lines.get(1).trim()).equals(data))
                .ifPresent(orphan -> {
                    signal(pid, "QUIT");
                    try {
                        orphan.onExit().get(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (Exception e) {
                        orphan.destroyForcibly();
                    }
                });
    }

    private void run(List<String> command) throws IOException {
        Process child = new ProcessBuilder(unprivileged(command)).redirectErrorStream(true).start();
        try {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (child.waitFor() != 0) {
                throw new IOException(Path.of(command.get(0)).getFileName() + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
            throw new IOException("Interrupted while running " + command.get(0), e);
        }
    }

    /** The command as PostgreSQL may run it: in a user namespace as an unprivileged uid when Lab Cloud is root. */
    private static List<String> unprivileged(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--user",
                "--map-user=" + UNPRIVILEGED_UID, "--map-group=" + UNPRIVILEGED_UID, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A quoted identifier; the names reaching here are validated as RDS does (letters, digits, underscores). */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
