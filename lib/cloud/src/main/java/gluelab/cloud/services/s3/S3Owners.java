package gluelab.cloud.services.s3;

import gluelab.cloud.auth.SigV4;
import software.amazon.awssdk.services.s3.model.Initiator;
import software.amazon.awssdk.services.s3.model.Owner;

/**
 * S3 names an account by its canonical user id, 64 hex digits; Lab Cloud derives a stable one from the
 * account id.
 */
final class S3Owners {

    private S3Owners() {
    }

    static String canonicalId(String account) {
        return SigV4.sha256Hex("lab-cloud-canonical-user:" + account);
    }

    static Owner owner(String account) {
        return Owner.builder().id(canonicalId(account)).build();
    }

    static Initiator initiator(String account, String principalArn) {
        return Initiator.builder().id(principalArn != null ? principalArn : canonicalId(account)).build();
    }
}
