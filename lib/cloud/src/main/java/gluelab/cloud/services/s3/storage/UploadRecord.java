package gluelab.cloud.services.s3.storage;

import java.time.Instant;
import java.util.Map;

/**
 * A multipart upload in progress: what CreateMultipartUpload fixed for the object it will become.
 *
 * @param checksumAlgorithm the algorithm every part is checksummed with, or null
 * @param checksumType      COMPOSITE or FULL_OBJECT when an algorithm is set
 */
public record UploadRecord(
        String uploadId,
        String bucket,
        String key,
        Instant initiated,
        String ownerAccount,
        String initiatorArn,
        ContentHeaders headers,
        Map<String, String> userMetadata,
        String checksumAlgorithm,
        String checksumType,
        String storageClass) {

    public UploadRecord {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
        headers = headers == null ? ContentHeaders.none() : headers;
    }
}
