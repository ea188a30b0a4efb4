package gluelab.cloud.services.glue.connections;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * TestConnection for a JDBC connection: really opens one with the connection's URL and credentials
 * ({@link JdbcConnections}). A refusal is Glue's InvalidInputException carrying the database's own words and
 * SQLSTATE ({@code 28P01} for a wrong password); the password itself never appears in it.
 */
final class JdbcConnectionTest {

    private JdbcConnectionTest() {
    }

    static void connect(String url, ConnectionSecrets.Credentials credentials) {
        if (url == null || url.isBlank()) {
            throw ConnectionErrors.invalidInput("Connection property JDBC_CONNECTION_URL is required.");
        }
        try (Connection connection = JdbcConnections.open(url, credentials)) {
            connection.isValid(JdbcConnections.TIMEOUT_SECONDS);
        } catch (SQLException refused) {
            throw ConnectionErrors.invalidInput("Test connection failed: " + JdbcConnections.describe(refused));
        }
    }
}
