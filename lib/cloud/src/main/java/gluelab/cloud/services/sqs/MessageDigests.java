package gluelab.cloud.services.sqs;

import gluelab.cloud.services.sqs.StoredMessage.StoredAttribute;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digests SQS answers with and the SDKs check: {@code MD5OfMessageBody} over the body's UTF-8 bytes, and
 * {@code MD5OfMessageAttributes} over the attributes sorted by name, each written as its name, data type, a
 * transport byte (1 for strings and numbers, 2 for binary) and its value, every string and value preceded by its
 * length as a 4-byte big-endian integer. Content-based deduplication uses the body's SHA-256.
 */
final class MessageDigests {

    private MessageDigests() {
    }

    static String md5OfBody(String body) {
        return hex(digest("MD5", body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Null when there are no attributes, as SQS leaves the member out then. */
    static String md5OfAttributes(Map<String, StoredAttribute> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Map.Entry<String, StoredAttribute> entry : new TreeMap<>(attributes).entrySet()) {
            StoredAttribute attribute = entry.getValue();
            lengthPrefixed(bytes, entry.getKey().getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(bytes, attribute.dataType().getBytes(StandardCharsets.UTF_8));
            if (attribute.dataType().startsWith("Binary")) {
                bytes.write(2);
                lengthPrefixed(bytes, Base64.getDecoder().decode(attribute.binaryValue()));
            } else {
                bytes.write(1);
                lengthPrefixed(bytes, attribute.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return hex(digest("MD5", bytes.toByteArray()));
    }

    static String sha256(String body) {
        return hex(digest("SHA-256", body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
