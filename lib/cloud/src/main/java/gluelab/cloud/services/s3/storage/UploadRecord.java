package gluelab.cloud.services.s3.storage;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multipart upload in progress: what CreateMultipartUpload fixed for the object it will become.
 *
 * @param checksumAlgorithm the algorithm every part is checksummed with, or null
 * @param checksumType      COMPOSITE or FULL_OBJECT when an algorithm is set
 * @param objectOwner       the account that will own the object
 * @param tags              the tag set the object will have
 * @param grants            the ACL grants the object will have (where the bucket's ACLs are enabled)
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
        String storageClass,
        String objectOwner,
        Map<String, String> tags,
        List<Grant> grants) {

    public UploadRecord {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
        headers = headers == null ? ContentHeaders.none() : headers;
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    /** Who owns the object the upload makes: uploads journaled before ownership was recorded, the initiator. */
    @Override
    public String objectOwner() {
        return objectOwner == null ? ownerAccount : objectOwner;
    }
}
