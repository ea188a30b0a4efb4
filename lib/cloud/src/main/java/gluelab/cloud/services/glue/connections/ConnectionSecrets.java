package gluelab.cloud.services.glue.connections;

import gluelab.cloud.provider.Scope;

/**
 * Where a connection's {@code SECRET_ID} becomes a user name and password: the secret's {@code username} and
 * {@code password}, read from Secrets Manager as a principal ({@link SecretsManagerSecrets}): the caller of
 * TestConnection, a crawler's role. {@link #UNAVAILABLE} refuses, saying why, where no Secrets Manager serves.
 */
public interface ConnectionSecrets {

    /** A user name and password, as a connection's {@code USERNAME}/{@code PASSWORD} or its secret hold them. */
    record Credentials(String username, String password) {
    }

    /** Why a secret gave no credentials, in words that never quote its value; callers say what it stopped. */
    final class Unresolved extends RuntimeException {
        public Unresolved(String message) {
            super(message);
        }
    }

    /** @throws Unresolved when the secret cannot be read, or holds no username and password */
    Credentials resolve(Scope scope, String principalArn, String secretId);

    ConnectionSecrets UNAVAILABLE = (scope, principalArn, secretId) -> {
        throw new Unresolved("Lab Cloud cannot resolve SECRET_ID " + secretId
                + ": Secrets Manager is not available. Give the connection USERNAME and PASSWORD instead.");
    };
}
