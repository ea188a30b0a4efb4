package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.StateStore;
import java.util.List;
import java.util.Optional;

/**
 * The secrets of one account and region, durable, under their names. A secret whose recovery window has passed on
 * the lab clock is gone: it is removed the first time the state is looked at after that. Compound changes (read,
 * check, write) hold this object's monitor.
 */
final class SecretsManagerState {

    final Scope scope;
    private final DurableMap<SecretRecord> secrets;

    SecretsManagerState(Scope scope, StateStore store) {
        this.scope = scope;
        this.secrets = store.map(scope.mapName(SecretsManagerProvider.SERVICE, "secrets"), Codec.of(SecretRecord.class));
    }

    /** Every secret still there at {@code now} (those scheduled for deletion too), in name order. */
    synchronized List<SecretRecord> secrets(long now) {
        purgeDeleted(now);
        return List.copyOf(secrets.values());
    }

    /**
     * The secret {@code secretId} names: its name, its full ARN, or its ARN without the six random characters AWS
     * appends (a partial ARN).
     */
    synchronized Optional<SecretRecord> find(String secretId, long now) {
        purgeDeleted(now);
        if (secretId == null) {
            return Optional.empty();
        }
        Optional<Arn> arn = Arn.parse(secretId);
        if (arn.isEmpty()) {
            return secrets.find(secretId);
        }
        if (!arn.get().service().equals("secretsmanager") || !arn.get().isIn(scope)
                || !arn.get().resourceType().equals("secret")) {
            return Optional.empty();
        }
        String named = arn.get().resourceId();
        return secrets.values().stream()
                .filter(secret -> secret.arn().equals(secretId) || secret.name().equals(named))
                .findFirst();
    }

    /** The secret, or ResourceNotFoundException. */
    SecretRecord require(String secretId, long now) {
        return find(secretId, now).orElseThrow(SecretsManagerErrors::secretNotFound);
    }

    /** The secret, which must not be scheduled for deletion (InvalidRequestException if it is). */
    SecretRecord requireLive(String secretId, long now) {
        SecretRecord secret = require(secretId, now);
        if (secret.deleted()) {
            throw SecretsManagerErrors.markedForDeletion();
        }
        return secret;
    }

    synchronized Optional<SecretRecord> byName(String name, long now) {
        purgeDeleted(now);
        return secrets.find(name);
    }

    void put(SecretRecord secret) {
        secrets.put(secret.name(), secret);
    }

    void remove(String name) {
        secrets.remove(name);
    }

    private void purgeDeleted(long now) {
        for (SecretRecord secret : List.copyOf(secrets.values())) {
            if (secret.deletionDate() != null && secret.deletionDate() <= now) {
                secrets.remove(secret.name());
            }
        }
    }

    /** Removes every secret, or those whose name starts with {@code prefix}; returns their names. */
    synchronized List<String> reset(String prefix) {
        List<String> removed = new java.util.ArrayList<>();
        for (SecretRecord secret : List.copyOf(secrets.values())) {
            if (prefix == null || secret.name().startsWith(prefix)) {
                secrets.remove(secret.name());
                removed.add(secret.name());
            }
        }
        return removed;
    }
}
