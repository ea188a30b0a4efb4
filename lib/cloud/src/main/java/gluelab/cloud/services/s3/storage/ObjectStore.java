package gluelab.cloud.services.s3.storage;

import gluelab.cloud.services.s3.checksum.ChecksumAlgorithm;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;

/**
 * Where S3 keeps buckets, objects and multipart uploads. The provider decides what is allowed (AWS's
 * rules and errors); a store only keeps what it is told, durably and atomically. Cross-cutting behaviour
 * (event notifications) wraps a store as a {@link ForwardingObjectStore}.
 *
 * <p>Every write that replaces or removes bytes removes their files only after the metadata change, so a
 * reader never sees metadata without its bytes.
 *
 * <p>A key has versions, newest first: publishing a version makes it the latest, and the version it follows stays
 * as a noncurrent version unless both are the {@code null} version (which a bucket without versioning rewrites in
 * place). A bucket that never had versioning therefore keeps exactly one version per key, as S3 does.
 */
public interface ObjectStore {

    // ---- buckets --------------------------------------------------------------------------------

    Optional<BucketRecord> bucket(String name);

    Collection<BucketRecord> buckets();

    /** Creates the bucket unless its name is taken; returns the bucket that already held the name, if any. */
    Optional<BucketRecord> createBucket(BucketRecord bucket);

    /**
     * Deletes an empty bucket with its unfinished multipart uploads.
     *
     * @return false if it still holds objects
     */
    boolean deleteBucket(String name);

    /**
     * Changes a bucket's configuration (versioning, ownership, policy, tags, CORS, ACL) atomically.
     *
     * @return the bucket as changed
     */
    BucketRecord updateBucket(String name, UnaryOperator<BucketRecord> change);

    Optional<NotificationConfiguration> notificationConfiguration(String bucket);

    void putNotificationConfiguration(String bucket, NotificationConfiguration configuration);

    // ---- objects --------------------------------------------------------------------------------

    /** The key's latest version, which may be a delete marker. */
    Optional<ObjectRecord> latest(String bucket, String key);

    /** The key's object: its latest version, unless that is a delete marker. */
    default Optional<ObjectRecord> object(String bucket, String key) {
        return latest(bucket, key).filter(o -> !o.deleteMarker());
    }

    /** One version of the key, delete markers included; a null {@code versionId} names the null version. */
    Optional<ObjectRecord> version(String bucket, String key, String versionId);

    /** Every version of the key, newest first. */
    List<ObjectRecord> versions(String bucket, String key);

    /** The latest version of every key (delete markers included), in UTF-8 binary order, as S3 lists them. */
    NavigableMap<String, ObjectRecord> objects(String bucket);

    /**
     * The bytes {@code [offset, offset + length)} of the object made of {@code segments}.
     *
     * @throws ObjectChangedException if the object was replaced since its record was read
     */
    InputStream open(List<Segment> segments, long offset, long length);

    /**
     * Streams {@code body} in and publishes the object that {@code describer} makes of it as the key's latest
     * version; {@code condition} is checked against the key's object (null where the latest is a delete marker).
     */
    ObjectRecord putObject(Requester requester, String bucket, String key, InputStream body,
                           Set<ChecksumAlgorithm> checksums, PayloadDescriber<ObjectRecord> describer,
                           WriteCondition condition);

    /** Copies {@code source}'s bytes into a new object that {@code describer} describes. */
    ObjectRecord copyObject(Requester requester, ObjectRecord source, String bucket, String key,
                            Set<ChecksumAlgorithm> checksums, PayloadDescriber<ObjectRecord> describer,
                            WriteCondition condition);

    /** Makes {@code marker} (a delete marker) the latest version of its key. */
    ObjectRecord putDeleteMarker(Requester requester, String bucket, ObjectRecord marker);

    /**
     * Removes one version for good (a null {@code versionId}: the null version); where it was the latest, the next
     * newest becomes the latest.
     *
     * @return the version removed, if there was one
     */
    Optional<ObjectRecord> deleteObject(Requester requester, String bucket, String key, String versionId);

    /**
     * Changes what a version says about itself (its tags, its ACL), never its bytes.
     *
     * @return the version as changed, or empty if there is no such version (or it is a delete marker)
     */
    Optional<ObjectRecord> updateVersion(String bucket, String key, String versionId, UnaryOperator<ObjectRecord> change);

    // ---- multipart uploads ----------------------------------------------------------------------

    UploadRecord createUpload(UploadRecord upload);

    Optional<UploadRecord> upload(String bucket, String uploadId);

    /** Unfinished uploads of a bucket by upload id. */
    Collection<UploadRecord> uploads(String bucket);

    /** The parts of an upload in part-number order. */
    List<PartRecord> parts(String bucket, String uploadId);

    /**
     * Stores one part, replacing an earlier part with the same number.
     *
     * @return the part, or empty if the upload was completed or aborted meanwhile
     */
    Optional<PartRecord> uploadPart(Requester requester, UploadRecord upload, int partNumber, InputStream body,
                                    Set<ChecksumAlgorithm> checksums, PayloadDescriber<PartRecord> describer);

    /** Stores a part copied from {@code [offset, offset + length)} of another object's bytes. */
    Optional<PartRecord> copyPart(Requester requester, UploadRecord upload, int partNumber, ObjectRecord source,
                                  long offset, long length, PayloadDescriber<PartRecord> describer);

    /**
     * Publishes {@code object}, made of the chosen parts' files, as the key's latest version and ends the upload:
     * its other parts are removed.
     *
     * @return the object, or empty if the upload no longer exists
     */
    Optional<ObjectRecord> completeUpload(Requester requester, UploadRecord upload, List<PartRecord> chosen,
                                          ObjectRecord object, WriteCondition condition);

    /** @return false if there was no such upload */
    boolean abortUpload(String bucket, String uploadId);

    /**
     * Removes buckets whose name starts with {@code prefix} (all if null), with everything in them.
     *
     * @return how many buckets and objects were removed
     */
    int reset(String prefix);
}
