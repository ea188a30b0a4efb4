package gluelab.cloud.services.s3.storage;

import java.time.Instant;

/** One uploaded part of a multipart upload; its bytes are the payload file {@code fileId}. */
public record PartRecord(
        String uploadId,
        int partNumber,
        String fileId,
        long size,
        String etag,
        Instant lastModified,
        StoredChecksum checksum) {

    public String quotedEtag() {
        return "\"" + etag + "\"";
    }
}
