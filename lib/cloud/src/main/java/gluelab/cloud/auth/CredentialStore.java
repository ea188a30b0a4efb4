package gluelab.cloud.auth;

import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.StateStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys Lab Cloud knows: configured long-term pairs (each bound to an account) and temporary
 * credentials issued by STS, which are durable so they keep signing after a restart.
 */
public final class CredentialStore {

    private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final Map<String, Credential> longTerm = new ConcurrentHashMap<>();
    private final DurableMap<Credential> temporary;
    private final SecureRandom random = new SecureRandom();

    public CredentialStore(StateStore state, Collection<Credential> configured) {
        configured.forEach(c -> longTerm.put(c.accessKeyId(), c));
        this.temporary = state.map("sts/global/global/credentials", Codec.of(Credential.class));
    }

    public Optional<Credential> find(String accessKeyId) {
        Credential credential = longTerm.get(accessKeyId);
        return credential != null ? Optional.of(credential) : temporary.find(accessKeyId);
    }

    /** The accounts that have long-term keys configured. */
    public Collection<Credential> longTermCredentials() {
        return longTerm.values();
    }

    /** Issues temporary credentials (access key {@code ASIA...}) acting as {@code principalArn}. */
    public Credential issueTemporary(String accountId, String principalArn, String userId, Instant now, Duration lifetime) {
        // Every job run mints credentials; forgetting the expired ones here keeps the durable map from growing
        // without bound on a Lab Cloud that runs for weeks.
        purgeExpired(now);
        String accessKeyId = "ASIA" + randomString(KEY_ALPHABET, 16);
        Credential credential = new Credential(accessKeyId, randomString(SECRET_ALPHABET, 40), accountId,
                "IQoJb3JpZ2luX2VjE" + randomString(SECRET_ALPHABET, 200), now.plus(lifetime), principalArn, userId);
        temporary.put(accessKeyId, credential);
        return credential;
    }

    /** Forgets temporary credentials that expired before {@code now}. */
    public void purgeExpired(Instant now) {
        for (Credential credential : temporary.values()) {
            if (credential.expiration() != null && credential.expiration().isBefore(now)) {
                temporary.remove(credential.accessKeyId());
            }
        }
    }

    private String randomString(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
