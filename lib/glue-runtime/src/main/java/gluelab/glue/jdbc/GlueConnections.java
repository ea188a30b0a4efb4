package gluelab.glue.jdbc;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gluelab.glue.spi.AwsClients;
import gluelab.glue.spi.RunEnvironment;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Connection;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A Glue connection's properties, resolved inside the run as Glue does: {@code GetConnection}, and for a
 * {@code SECRET_ID} {@code GetSecretValue}, both with the run's own credentials (the job's role), so what the role
 * may not read fails the run. A job run may use only the connections in its job's {@code Connections}.
 */
public final class GlueConnections {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GlueConnections() {
    }

    public static JdbcConf resolve(RunEnvironment environment, String connectionName) {
        if (connectionName == null || connectionName.isBlank()) {
            throw new JdbcConnectionException("No connection name given: name one of the job's Connections");
        }
        if (environment.limitsConnections() && !environment.connectionNames().contains(connectionName)) {
            throw new JdbcConnectionException("The connection " + connectionName + " is not one of the job's Connections "
                    + environment.connectionNames() + ": add it to the job (CreateJob/UpdateJob Connections"
                    + " {\"Connections\": [\"" + connectionName + "\"]}) to use it in a run");
        }
        Connection connection;
        try (GlueClient glue = AwsClients.glue(environment)) {
            connection = glue.getConnection(r -> r.name(connectionName)).connection();
        } catch (AwsServiceException e) {
            throw refused("Glue GetConnection for " + connectionName, e);
        }
        var properties = connection.connectionPropertiesAsStrings();
        String url = properties.get("JDBC_CONNECTION_URL");
        if (url == null) {
            throw new JdbcConnectionException("The connection " + connectionName + " is a " + connection.connectionTypeAsString()
                    + " connection without JDBC_CONNECTION_URL: a JDBC source or sink needs a JDBC connection");
        }
        boolean ssl = "true".equalsIgnoreCase(properties.get("JDBC_ENFORCE_SSL"));
        String secretId = properties.get("SECRET_ID");
        if (secretId == null) {
            return JdbcConf.of(url, properties.get("USERNAME"), properties.get("PASSWORD"), ssl);
        }
        JsonNode secret = secret(environment, connectionName, secretId);
        return JdbcConf.of(url, secret.get("username").asText(), secret.get("password").asText(), ssl);
    }

    private static JsonNode secret(RunEnvironment environment, String connectionName, String secretId) {
        String text;
        try (SecretsManagerClient secrets = AwsClients.secretsManager(environment)) {
            text = secrets.getSecretValue(r -> r.secretId(secretId)).secretString();
        } catch (AwsServiceException e) {
            throw refused("Secrets Manager GetSecretValue for " + secretId + " (the SECRET_ID of the connection "
                    + connectionName + ")", e);
        }
        JsonNode secret;
        try {
            secret = text == null ? null : JSON.readTree(text);
        } catch (IOException notJson) {
            secret = null;
        }
        if (secret == null || !secret.path("username").isTextual() || !secret.path("password").isTextual()) {
            throw new JdbcConnectionException("The secret " + secretId + " of the connection " + connectionName
                    + " must be a JSON object with a username and a password");
        }
        return secret;
    }

    /** The service's error code and message (e.g. AccessDeniedException: … secretsmanager:GetSecretValue …). */
    private static JdbcConnectionException refused(String call, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return new JdbcConnectionException(call + " was refused: " + code + ": " + message);
    }
}
