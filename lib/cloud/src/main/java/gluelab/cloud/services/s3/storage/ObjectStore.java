package gluelab.cloud.services.s3.storage;

import gluelab.cloud.services.s3.checksum.ChecksumAlgorithm;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;

/**
 * Where S3 keeps buckets, objects and multipart uploads. The provider decides what is allowed (AWS's
 * rules and errors); a store only keeps what it is told, durably and atomically. Cross-cutting behaviour
 * (event notifications) wraps a store as a {@link ForwardingObjectStore}.
 *
 * <p>Every write that replaces or removes bytes removes their files only after the metadata change, so a
 * reader never sees metadata without its bytes.
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

    Optional<NotificationConfiguration> notificationConfiguration(String bucket);

    void putNotificationConfiguration(String bucket, NotificationConfiguration configuration);

    // ---- objects --------------------------------------------------------------------------------

    Optional<ObjectRecord> object(String bucket, String key);

    /** The bucket's objects by key, in UTF-8 binary order, as S3 lists them. */
    NavigableMap<String, ObjectRecord> objects(String bucket);

    /**
     * The bytes {@code [offset, offset + length)} of the object made of {@code segments}.
     *
     * @throws ObjectChangedException if the object was replaced since its record was read
     */
    InputStream open(List<Segment> segments, long offset, long length);

    /** Streams {@code body} in and publishes the object that {@code describer} makes of it. */
    ObjectRecord putObject(Requester requester, String bucket, String key, InputStream body,
                           Set<ChecksumAlgorithm> checksums, PayloadDescriber<ObjectRecord> describer,
                           WriteCondition condition);

    /** Copies {@code source}'s bytes into a new object that {@code describer} describes. */
    ObjectRecord copyObject(Requester requester, ObjectRecord source, String bucket, String key,
                            Set<ChecksumAlgorithm> checksums, PayloadDescriber<ObjectRecord> describer,
                            WriteCondition condition);

    /** Removes the object, if there is one; returns what was removed. */
    Optional<ObjectRecord> deleteObject(Requester requester, String bucket, String key);

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
     * Publishes {@code object}, made of the chosen parts' files, and ends the upload: its other parts are
     * removed.
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
