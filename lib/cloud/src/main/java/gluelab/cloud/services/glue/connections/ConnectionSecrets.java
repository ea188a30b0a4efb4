package gluelab.cloud.services.glue.connections;

import gluelab.cloud.provider.RequestContext;

/**
 * Where a connection's {@code SECRET_ID} becomes a user name and password: the secret's {@code username} and
 * {@code password}, read from Secrets Manager as the caller ({@link SecretsManagerSecrets}). {@link #UNAVAILABLE}
 * refuses, saying why, where no Secrets Manager serves.
 */
public interface ConnectionSecrets {

    /** A user name and password, as a connection's {@code USERNAME}/{@code PASSWORD} or its secret hold them. */
    record Credentials(String username, String password) {
    }

    Credentials resolve(RequestContext context, String secretId);

    ConnectionSecrets UNAVAILABLE = (context, secretId) -> {
        throw ConnectionErrors.invalidInput("Lab Cloud cannot resolve SECRET_ID " + secretId
                + ": Secrets Manager is not available. Give the connection USERNAME and PASSWORD instead.");
    };
}
