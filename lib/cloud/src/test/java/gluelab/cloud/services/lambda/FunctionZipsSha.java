package gluelab.cloud.services.lambda;

import java.security.MessageDigest;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;

/** The CodeSha256 Lambda reports for a package: the base64 SHA-256 of its bytes. */
final class FunctionZipsSha {

    private FunctionZipsSha() {
    }

    static String of(SdkBytes zip) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip.asByteArray()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
