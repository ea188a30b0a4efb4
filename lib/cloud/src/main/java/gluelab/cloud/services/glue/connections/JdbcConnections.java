package gluelab.cloud.services.glue.connections;

import gluelab.cloud.provider.Scope;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * How Glue opens a JDBC connection, for TestConnection and for crawls alike: with its {@code JDBC_CONNECTION_URL}
 * and its credentials ({@code SECRET_ID}'s, resolved as the principal that uses the connection, else
 * {@code USERNAME}/{@code PASSWORD}), through the PostgreSQL driver Glue ships.
 */
public final class JdbcConnections {

    public static final String JDBC_CONNECTION_URL = "JDBC_CONNECTION_URL";
    static final String USERNAME = "USERNAME";
    static final String PASSWORD = "PASSWORD";
    static final String SECRET_ID = "SECRET_ID";
    static final int TIMEOUT_SECONDS = 10;

    private JdbcConnections() {
    }

    /**
     * A JDBC connection's credentials: its SECRET_ID's, read as {@code principalArn}, else its USERNAME and PASSWORD.
     *
     * @throws ConnectionSecrets.Unresolved when it has neither, or its secret gives none
     */
    public static ConnectionSecrets.Credentials credentials(Map<String, String> properties, ConnectionSecrets secrets,
                                                            Scope scope, String principalArn) {
        if (properties.get(SECRET_ID) != null) {
            return secrets.resolve(scope, principalArn, properties.get(SECRET_ID));
        }
        if (properties.get(USERNAME) == null || properties.get(PASSWORD) == null) {
            throw new ConnectionSecrets.Unresolved("A JDBC connection needs USERNAME and PASSWORD, or SECRET_ID.");
        }
        return new ConnectionSecrets.Credentials(properties.get(USERNAME), properties.get(PASSWORD));
    }

    /**
     * An open connection to {@code url}; the caller closes it. A refusal is the driver's SQLException, with the
     * database's own words and SQLSTATE ({@code 28P01} for a wrong password), which never quote the password.
     */
    public static Connection open(String url, ConnectionSecrets.Credentials credentials) throws SQLException {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new SQLException("Lab Cloud connects to PostgreSQL only (jdbc:postgresql://host:port/database), "
                    + "not " + url, "08001");
        }
        Properties properties = new Properties();
        properties.setProperty("user", credentials.username());
        properties.setProperty("password", credentials.password());
        properties.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(TIMEOUT_SECONDS));
        return DriverManager.getConnection(url, properties);
    }

    /** The database's words for a refusal, with its SQLSTATE. */
    public static String describe(SQLException refused) {
        String message = refused.getMessage() == null ? refused.getClass().getSimpleName() : refused.getMessage();
        return message + (refused.getSQLState() == null ? "" : " (SQLSTATE " + refused.getSQLState() + ")");
    }
}
