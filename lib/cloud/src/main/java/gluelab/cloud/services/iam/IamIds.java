package gluelab.cloud.services.iam;

import java.security.SecureRandom;

/**
 * IAM's unique ids: {@code AROA} (roles) or {@code ANPA} (managed policies) and 17 characters of AWS's alphabet,
 * new for every entity created, so a role deleted and created again under the same name is another role.
 */
final class IamIds {

    static final String ROLE = "AROA";
    static final String POLICY = "ANPA";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IamIds() {
    }

    static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
