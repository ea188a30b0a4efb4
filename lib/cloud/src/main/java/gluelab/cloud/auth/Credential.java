package gluelab.cloud.auth;

import java.time.Instant;

/**
 * A key pair Lab Cloud accepts, the account it acts in and who it is. Temporary credentials from STS
 * also carry a session token and an expiry.
 */
public record Credential(
        String accessKeyId,
        String secretAccessKey,
        String accountId,
        String sessionToken,
        Instant expiration,
        String principalArn,
        String userId) {

    public static Credential longTerm(String accessKeyId, String secretAccessKey, String accountId) {
        return new Credential(accessKeyId, secretAccessKey, accountId, null, null,
                "arn:aws:iam::" + accountId + ":root", accountId);
    }

    public boolean isTemporary() {
        return sessionToken != null;
    }
}
