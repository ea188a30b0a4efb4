package gluelab.cloud.services.s3.storage;

/**
 * A flexible checksum S3 keeps with an object or part.
 *
 * @param algorithm the SDK's name: CRC32, CRC32C, CRC64NVME, SHA1 or SHA256
 * @param value     base64 of the digest; a composite multipart checksum ends in {@code -<parts>}
 * @param type      FULL_OBJECT or COMPOSITE
 */
public record StoredChecksum(String algorithm, String value, String type) {

    public static final String FULL_OBJECT = "FULL_OBJECT";
    public static final String COMPOSITE = "COMPOSITE";
}
