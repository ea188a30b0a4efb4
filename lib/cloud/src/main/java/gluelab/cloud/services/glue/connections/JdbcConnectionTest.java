package gluelab.cloud.services.glue.connections;

import gluelab.cloud.provider.AwsServiceException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * TestConnection for a JDBC connection: really opens one with the connection's URL and credentials, through the
 * PostgreSQL driver Glue ships. A refusal is Glue's InvalidInputException carrying the database's own words and
 * SQLSTATE ({@code 28P01} for a wrong password); the password itself never appears in it.
 */
final class JdbcConnectionTest {

    private static final int TIMEOUT_SECONDS = 10;

    private JdbcConnectionTest() {
    }

    static void connect(String url, ConnectionSecrets.Credentials credentials) {
        if (url == null || url.isBlank()) {
            throw ConnectionErrors.invalidInput("Connection property JDBC_CONNECTION_URL is required.");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw ConnectionErrors.invalidInput("Lab Cloud tests JDBC connections to PostgreSQL only "
                    + "(jdbc:postgresql://host:port/database), not " + url);
        }
        Properties properties = new Properties();
        properties.setProperty("user", credentials.username());
        properties.setProperty("password", credentials.password());
        properties.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(TIMEOUT_SECONDS));
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException refused) {
            throw failed(refused);
        }
    }

    private static AwsServiceException failed(SQLException refused) {
        String message = refused.getMessage() == null ? refused.getClass().getSimpleName() : refused.getMessage();
        return ConnectionErrors.invalidInput("Test connection failed: " + message
                + (refused.getSQLState() == null ? "" : " (SQLSTATE " + refused.getSQLState() + ")"));
    }
}
