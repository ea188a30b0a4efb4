package gluelab.cloud.auth;

/**
 * A verified request: who signed it, for which region and service, and the signing material that
 * chunk signatures of a streaming upload continue from.
 */
public record Authentication(
        Credential credential,
        String region,
        String service,
        String amzDate,
        String scope,
        byte[] signingKey,
        String seedSignature) {

    public String accountId() {
        return credential.accountId();
    }
}
