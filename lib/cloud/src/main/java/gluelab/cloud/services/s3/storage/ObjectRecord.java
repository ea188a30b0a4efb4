package gluelab.cloud.services.s3.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One object's metadata, as journaled; its bytes live in payload files named by {@link Segment#fileId()}.
 *
 * @param etag       the unquoted ETag: the MD5 in hex, or {@code <md5 of part md5s>-<parts>} for multipart
 * @param partsCount the number of parts of a multipart object, else null
 */
public record ObjectRecord(
        String key,
        long size,
        String etag,
        Instant lastModified,
        String ownerAccount,
        ContentHeaders headers,
        Map<String, String> userMetadata,
        StoredChecksum checksum,
        String storageClass,
        Integer partsCount,
        List<Segment> segments) {

    public ObjectRecord {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
        segments = List.copyOf(segments);
        headers = headers == null ? ContentHeaders.none() : headers;
    }

    public String quotedEtag() {
        return "\"" + etag + "\"";
    }
}
