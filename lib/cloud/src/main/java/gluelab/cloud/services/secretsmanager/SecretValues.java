package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.provider.Validation;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The checks CreateSecret, PutSecretValue and UpdateSecret share on a value, its version id and its labels. A value
 * is checked without ever being quoted: a refused secret must not end up in an error message, hence a log.
 */
final class SecretValues {

    static final int MAX_VALUE = 65_536;

    private SecretValues() {
    }

    /** The value's bytes, or null; InvalidParameterException when both kinds are given, or one is too long. */
    static byte[] binary(String secretString, SdkBytes secretBinary) {
        if (secretString != null && secretBinary != null) {
            throw SecretsManagerErrors.invalidParameter("You can't specify both a binary secret value and a string "
                    + "secret value in the same secret.");
        }
        Validation check = Validation.withoutValues("InvalidParameterException");
        if (secretString != null && secretString.length() > MAX_VALUE) {
            check.constraint("secretString", null, false, "Member must have length less than or equal to " + MAX_VALUE);
        }
        byte[] bytes = secretBinary == null ? null : secretBinary.asByteArray();
        if (bytes != null && bytes.length > MAX_VALUE) {
            check.constraint("secretBinary", null, false, "Member must have length less than or equal to " + MAX_VALUE);
        }
        check.orThrow();
        return bytes;
    }

    /** The request's ClientRequestToken (32 to 64 characters), or a new UUID when the caller sent none. */
    static String versionId(String clientRequestToken) {
        if (clientRequestToken == null) {
            return UUID.randomUUID().toString();
        }
        Validation.of("InvalidParameterException").length("clientRequestToken", clientRequestToken, 32, 64).orThrow();
        return clientRequestToken;
    }

    /** The labels a new version gets: those asked for (1 to 20 of them), else AWSCURRENT. */
    static List<String> stages(List<String> requested, boolean given) {
        if (!given) {
            return List.of(SecretRecord.CURRENT);
        }
        Validation check = Validation.of("InvalidParameterException").size("versionStages", requested, 1, 20);
        requested.forEach(stage -> check.length("versionStages.member", stage, 1, 256));
        check.orThrow();
        return List.copyOf(new java.util.LinkedHashSet<>(requested));
    }
}
