package gluelab.lab.rds;

import gluelab.lab.LabSetupException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGConnection;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Endpoint;

/**
 * A PostgreSQL server of the learner's own, named by {@code LAB_POSTGRES_URL}: where the database notebooks (35–38)
 * make their database instead of creating an RDS instance, for instance on {@code aws}, where an instance is slow to
 * create and billed by the hour.
 *
 * <p>A notebook asks it for what {@code CreateDBInstance} would have given: a database and a master user whose
 * password the notebook chose. The lab makes both on that server, as the URL's user, who needs {@code CREATEDB} and
 * {@code CREATEROLE} (RDS's master user has both), and answers with the {@link DBInstance} the rest of the notebook
 * reads. The database's name starts with the lab's prefix ({@code lab35_billing}); the master user keeps the name
 * the notebook gave, as on RDS, with a comment that says which lab made it. A reset or clean-up of that lab removes
 * exactly what it made: its databases, its master users, and the roles those users created (on PostgreSQL 16 and
 * later, which records who administers a role). Anything else on the server, the lab neither touches nor takes over:
 * a master user that exists and is not this lab's is refused with a message saying whose it is.
 */
public final class ExistingPostgres {

    /** The setting that names the server: {@code postgresql://user:password@host:port/database}. */
    public static final String URL_VARIABLE = "LAB_POSTGRES_URL";

    private static final String MADE_BY = "made by the Glue Pipelines Lab for ";

    private final String host;
    private final int port;
    private final String adminDatabase;
    private final String adminUser;
    private final String adminPassword;
    private final String labPrefix;

    ExistingPostgres(String host, int port, String adminDatabase, String adminUser, String adminPassword, String labPrefix) {
        this.host = host;
        this.port = port;
        this.adminDatabase = adminDatabase;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.labPrefix = labPrefix;
    }

    /** The server the settings name, for the lab whose resources start with {@code labPrefix}; empty when none is set. */
    public static Optional<ExistingPostgres> fromSettings(Map<String, String> settings, String labPrefix) {
        String url = settings.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(url.trim(), labPrefix));
    }

    /**
     * Reads a libpq connection URI ({@code postgresql://} or {@code postgres://}, user and password percent-encoded)
     * or a JDBC URL with {@code user} and {@code password} parameters.
     */
    static ExistingPostgres parse(String url, String labPrefix) {
        boolean jdbc = url.startsWith("jdbc:postgresql://");
        String plain = jdbc ? url.substring("jdbc:".length()) : url;
        if (!plain.startsWith("postgresql://") && !plain.startsWith("postgres://")) {
            throw invalid("it must start with postgresql:// (or be a jdbc:postgresql:// URL)");
        }
        URI uri;
        try {
            uri = new URI(plain);
        } catch (URISyntaxException e) {
            throw invalid(e.getReason());
        }
        if (uri.getHost() == null) {
            throw invalid("it names no host");
        }
        Map<String, String> query = query(uri.getRawQuery());
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length == 2 ? decode(parts[1]) : null;
        }
        user = query.getOrDefault("user", user);
        password = query.getOrDefault("password", password);
        if (user == null || user.isEmpty() || password == null) {
            throw invalid("it must carry the user and the password the lab signs in with (postgresql://USER:PASSWORD@HOST:5432/postgres)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? "postgres" : decode(path);
        return new ExistingPostgres(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), database, user, password, labPrefix);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(decode(parts[0]), parts.length == 2 ? decode(parts[1]) : "");
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static LabSetupException invalid(String why) {
        return new LabSetupException(URL_VARIABLE + " is not a PostgreSQL URL the lab can use: " + why
                + ". Example: postgresql://admin:secret@db.example.com:5432/postgres");
    }

    /** The server, as a notebook shows it: {@code host:port}, and who the lab signs in as. */
    public String describe() {
        return host + ":" + port + " (as " + adminUser + ")";
    }

    /**
     * What {@code CreateDBInstance} followed by the {@code DBInstanceAvailable} waiter would give: a database
     * {@code database} owned by {@code masterUser}, who signs in with {@code masterPassword} and may create roles, as
     * RDS's master user may. Anything this lab made on the server before goes first, so running the cell again starts
     * from nothing.
     *
     * @param identifier the instance identifier the notebook would have asked RDS for ({@code lab35-billing-db})
     * @param database   the database's name, which gets the lab's prefix on this server ({@code lab35_billing}), as
     *                   every resource of the lab does
     */
    public DBInstance provision(String identifier, String database, String masterUser, String masterPassword) {
        String databaseName = (labPrefix + database).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection admin = connectAsAdmin()) {
            removeWhatThisLabMade(admin);
            Optional<String> owner = madeFor(admin, masterUser);
            if (roleExists(admin, masterUser)) {
                throw new LabSetupException("The server in " + URL_VARIABLE + " (" + describe() + ") already has a role "
                        + masterUser + owner.map(lab -> ", made by the lab for " + lab + ": run that notebook's clean-up cell, "
                        + "or lab.reset() there").orElse(", which the lab did not make: it leaves it alone. Drop it, or use "
                        + "another server"));
            }
            try (Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE " + identifier(masterUser) + " LOGIN CREATEROLE");
                sql.execute("COMMENT ON ROLE " + identifier(masterUser) + " IS " + literal(MADE_BY + labPrefix));
                // To make a database that another role owns, PostgreSQL wants its maker to be a member of that role.
                sql.execute("GRANT " + identifier(masterUser) + " TO CURRENT_USER");
                sql.execute("CREATE DATABASE " + identifier(databaseName) + " OWNER " + identifier(masterUser));
                sql.execute("COMMENT ON DATABASE " + identifier(databaseName) + " IS " + literal(MADE_BY + labPrefix));
            }
            setPassword(admin, masterUser, masterPassword);
            return DBInstance.builder()
                    .dbInstanceIdentifier(identifier)
                    .engine("postgres")
                    .engineVersion(serverVersion(admin))
                    .dbInstanceClass("your own server")
                    .dbInstanceStatus("available")
                    .endpoint(Endpoint.builder().address(host).port(port).build())
                    .dbName(databaseName)
                    .masterUsername(masterUser)
                    .build();
        } catch (SQLException e) {
            throw failure("make the database " + databaseName + " and its master user " + masterUser, e);
        }
    }

    /**
     * Sets {@code role}'s password as the server's administrator, as {@code ModifyDBInstance} with
     * {@code MasterUserPassword} does on RDS. Only the SCRAM verifier reaches the server, never the password.
     */
    public void changePassword(String role, String newPassword) {
        try (Connection admin = connectAsAdmin()) {
            if (madeFor(admin, role).filter(labPrefix::equals).isEmpty()) {
                throw new LabSetupException("The role " + role + " on " + describe() + " is not one this lab made; the lab "
                        + "changes only its own roles' passwords");
            }
            setPassword(admin, role, newPassword);
        } catch (SQLException e) {
            throw failure("change the password of " + role, e);
        }
    }

    /**
     * Removes what this lab made on the server: its databases (their sessions ended first), the roles its master
     * users created, and its master users. Returns what went, by kind ({@code databases}, {@code roles}).
     */
    public Map<String, Integer> removeWhatThisLabMade() {
        try (Connection admin = connectAsAdmin()) {
            return removeWhatThisLabMade(admin);
        } catch (SQLException e) {
            throw failure("remove what the lab made", e);
        }
    }

    private Map<String, Integer> removeWhatThisLabMade(Connection admin) throws SQLException {
        List<String> databases = names(admin, "SELECT datname FROM pg_database WHERE shobj_description(oid, 'pg_database') = ?");
        List<String> masters = names(admin, "SELECT rolname FROM pg_roles WHERE shobj_description(oid, 'pg_authid') = ?");
        int roles = 0;
        try (Statement sql = admin.createStatement()) {
            for (String database : databases) {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = " + literal(database)
                        + " AND pid <> pg_backend_pid()");
                sql.execute("DROP DATABASE IF EXISTS " + identifier(database));
            }
            for (String master : masters) {
                // Only the role that created a role administers it (PostgreSQL 16 and later): drop those as the master.
                List<String> created = rolesCreatedBy(admin, master);
                sql.execute("SET ROLE " + identifier(master));
                try {
                    for (String role : created) {
                        sql.execute("DROP ROLE IF EXISTS " + identifier(role));
                    }
                } finally {
                    sql.execute("RESET ROLE");
                }
                sql.execute("DROP ROLE IF EXISTS " + identifier(master));
                roles += created.size() + 1;
            }
        }
        Map<String, Integer> removed = new LinkedHashMap<>();
        if (!databases.isEmpty()) {
            removed.put("postgres databases", databases.size());
        }
        if (roles > 0) {
            removed.put("postgres roles", roles);
        }
        return removed;
    }

    /** The roles {@code master} administers because it created them (PostgreSQL 16 and later record that). */
    private static List<String> rolesCreatedBy(Connection admin, String master) throws SQLException {
        if (admin.getMetaData().getDatabaseMajorVersion() < 16) {
            return List.of();
        }
        List<String> created = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("SELECT r.rolname FROM pg_auth_members m "
                + "JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles creator ON creator.oid = m.member "
                + "WHERE m.admin_option AND creator.rolname = ? AND r.rolname <> creator.rolname")) {
            query.setString(1, master);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    created.add(rows.getString(1));
                }
            }
        }
        return created;
    }

    private List<String> names(Connection admin, String select) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement(select)) {
            query.setString(1, MADE_BY + labPrefix);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static Optional<String> madeFor(Connection admin, String role) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(
                "SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getString(1) != null && rows.getString(1).startsWith(MADE_BY)
                        ? Optional.of(rows.getString(1).substring(MADE_BY.length())) : Optional.empty();
            }
        }
    }

    private static boolean roleExists(Connection admin, String role) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String serverVersion(Connection admin) throws SQLException {
        try (Statement sql = admin.createStatement(); ResultSet rows = sql.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1).split(" ")[0];
        }
    }

    private static void setPassword(Connection admin, String role, String password) throws SQLException {
        admin.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }

    private Connection connectAsAdmin() {
        Properties credentials = new Properties();
        credentials.setProperty("user", adminUser);
        credentials.setProperty("password", adminPassword);
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + adminDatabase;
        try {
            return DriverManager.getConnection(url, credentials);
        } catch (SQLException e) {
            throw failure("sign in as " + adminUser, e);
        }
    }

    private LabSetupException failure(String what, SQLException e) {
        return new LabSetupException("Could not " + what + " on the server in " + URL_VARIABLE + " (" + describe() + "): "
                + e.getMessage() + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"), e);
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
