package gluelab.cloud.services.s3;

import java.nio.charset.StandardCharsets;

/** S3's one rule for keys: at most 1024 bytes of UTF-8. Anything else (.., //, control characters) is legal. */
final class ObjectKeys {

    static final int MAX_BYTES = 1024;

    private ObjectKeys() {
    }

    static String require(String key) {
        if (key == null || key.isEmpty()) {
            throw S3Errors.invalidArgument("Key must not be empty", "key", "");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw S3Errors.keyTooLong(bytes);
        }
        return key;
    }
}
