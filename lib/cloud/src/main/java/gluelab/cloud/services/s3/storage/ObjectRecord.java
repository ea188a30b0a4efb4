package gluelab.cloud.services.s3.storage;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of an object, as journaled: an object's bytes and metadata, or a delete marker. Its bytes live in
 * payload files named by {@link Segment#fileId()}.
 *
 * @param etag         the unquoted ETag: the MD5 in hex, or {@code <md5 of part md5s>-<parts>} for multipart
 * @param ownerAccount the account that owns the object: the bucket owner, unless the bucket's Object Ownership
 *                     leaves objects to their writers
 * @param partsCount   the number of parts of a multipart object, else null
 * @param versionId    the version's id, or null for the {@code null} version (every object of a bucket that never
 *                     had versioning, and what a bucket with versioning suspended writes)
 * @param deleteMarker whether this version is a delete marker: no bytes, and the key reads as absent while it is
 *                     the latest version
 * @param sequence     the order versions of one key were made in (later is newer); the store assigns it
 * @param tags         the object's tag set, in the order it was given
 * @param grants       the object's ACL grants beyond its owner's FULL_CONTROL, kept where the bucket's ACLs are
 *                     enabled; empty otherwise
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
        List<Segment> segments,
        String versionId,
        boolean deleteMarker,
        long sequence,
        Map<String, String> tags,
        List<Grant> grants) {

    public ObjectRecord {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
        segments = segments == null ? List.of() : List.copyOf(segments);
        headers = headers == null ? ContentHeaders.none() : headers;
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    /** An object's null version, with no tags and no grants: what a plain upload describes. */
    public ObjectRecord(String key, long size, String etag, Instant lastModified, String ownerAccount,
                        ContentHeaders headers, Map<String, String> userMetadata, StoredChecksum checksum,
                        String storageClass, Integer partsCount, List<Segment> segments) {
        this(key, size, etag, lastModified, ownerAccount, headers, userMetadata, checksum, storageClass, partsCount,
                segments, null, false, 0, Map.of(), List.of());
    }

    /** A delete marker: the latest version of a key that reads as deleted. */
    public static ObjectRecord deleteMarker(String key, String versionId, Instant lastModified, String ownerAccount) {
        return new ObjectRecord(key, 0, null, lastModified, ownerAccount, null, null, null, null, null, List.of(),
                versionId, true, 0, Map.of(), List.of());
    }

    public String quotedEtag() {
        return "\"" + etag + "\"";
    }

    /** Whether {@code versionId} (null for the null version) names this version. */
    public boolean isVersion(String id) {
        return id == null ? versionId == null : id.equals(versionId);
    }

    public ObjectRecord withVersion(String id) {
        return new ObjectRecord(key, size, etag, lastModified, ownerAccount, headers, userMetadata, checksum,
                storageClass, partsCount, segments, id, deleteMarker, sequence, tags, grants);
    }

    public ObjectRecord withSequence(long order) {
        return new ObjectRecord(key, size, etag, lastModified, ownerAccount, headers, userMetadata, checksum,
                storageClass, partsCount, segments, versionId, deleteMarker, order, tags, grants);
    }

    public ObjectRecord withTags(Map<String, String> tagSet) {
        return new ObjectRecord(key, size, etag, lastModified, ownerAccount, headers, userMetadata, checksum,
                storageClass, partsCount, segments, versionId, deleteMarker, sequence, tagSet, grants);
    }

    public ObjectRecord withAcl(String owner, List<Grant> acl) {
        return new ObjectRecord(key, size, etag, lastModified, owner, headers, userMetadata, checksum,
                storageClass, partsCount, segments, versionId, deleteMarker, sequence, tags, acl);
    }
}
