package gluelab.cloud.services.glue.connections;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Json;
import java.io.IOException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * A connection's {@code SECRET_ID}, read with {@code GetSecretValue} as the principal that uses the connection (the
 * caller of TestConnection, a crawler's role), so it needs {@code secretsmanager:GetSecretValue} on the secret, as on
 * AWS. The secret's current value is a JSON object with
 * {@code username} and {@code password}, the shape Secrets Manager's database secrets have. No message quotes the
 * secret's value.
 */
public final class SecretsManagerSecrets implements ConnectionSecrets {

    private final InternalCalls internal;

    public SecretsManagerSecrets(InternalCalls internal) {
        this.internal = internal;
    }

    @Override
    public Credentials resolve(Scope scope, String principalArn, String secretId) {
        if (!internal.serves("secretsmanager")) {
            return UNAVAILABLE.resolve(scope, principalArn, secretId);
        }
        GetSecretValueResponse value;
        try {
            value = internal.call("secretsmanager", scope, principalArn,
                    GetSecretValueRequest.builder().secretId(secretId).build());
        } catch (AwsServiceException refused) {
            throw new Unresolved("the secret " + secretId + " could not be read: " + refused.code() + ": "
                    + refused.getMessage());
        }
        JsonNode secret;
        try {
            secret = value.secretString() == null ? null : Json.MAPPER.readTree(value.secretString());
        } catch (IOException notJson) {
            secret = null;
        }
        if (secret == null || !secret.path("username").isTextual() || !secret.path("password").isTextual()) {
            throw new Unresolved("the secret " + secretId + " must be a JSON object with a username and a "
                    + "password");
        }
        return new Credentials(secret.get("username").asText(), secret.get("password").asText());
    }
}
