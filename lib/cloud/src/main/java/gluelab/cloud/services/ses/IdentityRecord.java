package gluelab.cloud.services.ses;

import java.time.Instant;

/**
 * One identity of an account and region: an email address or a domain, and where its verification stands.
 *
 * @param identity  the address or domain, as the caller wrote it
 * @param type      {@code EmailAddress} or {@code Domain} (v1's {@code IdentityType} values)
 * @param status    {@code Pending} until verified, then {@code Success} (v1's {@code VerificationStatus} values)
 * @param token     what proves ownership: the secret in an address's verification link, or a domain's TXT value
 * @param createdAt when verification was asked for
 */
record IdentityRecord(String identity, String type, String status, String token, Instant createdAt) {

    static final String EMAIL_ADDRESS = "EmailAddress";
    static final String DOMAIN = "Domain";
    static final String PENDING = "Pending";
    static final String SUCCESS = "Success";

    boolean verified() {
        return SUCCESS.equals(status);
    }

    IdentityRecord verifiedNow() {
        return new IdentityRecord(identity, type, SUCCESS, token, createdAt);
    }
}
