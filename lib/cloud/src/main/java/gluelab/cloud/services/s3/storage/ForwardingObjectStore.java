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
 * A store that passes every call to another: extend it and override the calls a cross-cutting concern
 * needs, as S3Proxy's {@code ForwardingBlobStore} middlewares do.
 */
public abstract class ForwardingObjectStore implements ObjectStore {

    private final ObjectStore delegate;

    protected ForwardingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    protected ObjectStore delegate() {
        return delegate;
    }

    @Override
    public Optional<BucketRecord> bucket(String name) {
        return delegate.bucket(name);
    }

    @Override
    public Collection<BucketRecord> buckets() {
        return delegate.buckets();
    }

    @Override
    public Optional<BucketRecord> createBucket(BucketRecord bucket) {
        return delegate.createBucket(bucket);
    }

    @Override
    public boolean deleteBucket(String name) {
        return delegate.deleteBucket(name);
    }

    @Override
    public BucketRecord updateBucket(String name, UnaryOperator<BucketRecord> change) {
        return delegate.updateBucket(name, change);
    }

    @Override
    public Optional<NotificationConfiguration> notificationConfiguration(String bucket) {
        return delegate.notificationConfiguration(bucket);
    }

    @Override
    public void putNotificationConfiguration(String bucket, NotificationConfiguration configuration) {
        delegate.putNotificationConfiguration(bucket, configuration);
    }

    @Override
    public Optional<ObjectRecord> latest(String bucket, String key) {
        return delegate.latest(bucket, key);
    }

    @Override
    public Optional<ObjectRecord> version(String bucket, String key, String versionId) {
        return delegate.version(bucket, key, versionId);
    }

    @Override
    public List<ObjectRecord> versions(String bucket, String key) {
        return delegate.versions(bucket, key);
    }

    @Override
    public NavigableMap<String, ObjectRecord> objects(String bucket) {
        return delegate.objects(bucket);
    }

    @Override
    public InputStream open(List<Segment> segments, long offset, long length) {
        return delegate.open(segments, offset, length);
    }

    @Override
    public ObjectRecord putObject(Requester requester, String bucket, String key, InputStream body,
                                  Set<ChecksumAlgorithm> checksums, PayloadDescriber<ObjectRecord> describer,
                                  WriteCondition condition) {
        return delegate.putObject(requester, bucket, key, body, checksums, describer, condition);
    }

    @Override
    public ObjectRecord copyObject(Requester requester, ObjectRecord source, String bucket, String key,
                                   Set<ChecksumAlgorithm> checksums, PayloadDescriber<ObjectRecord> describer,
                                   WriteCondition condition) {
        return delegate.copyObject(requester, source, bucket, key, checksums, describer, condition);
    }

    @Override
    public ObjectRecord putDeleteMarker(Requester requester, String bucket, ObjectRecord marker) {
        return delegate.putDeleteMarker(requester, bucket, marker);
    }

    @Override
    public Optional<ObjectRecord> deleteObject(Requester requester, String bucket, String key, String versionId) {
        return delegate.deleteObject(requester, bucket, key, versionId);
    }

    @Override
    public Optional<ObjectRecord> updateVersion(String bucket, String key, String versionId,
                                                UnaryOperator<ObjectRecord> change) {
        return delegate.updateVersion(bucket, key, versionId, change);
    }

    @Override
    public UploadRecord createUpload(UploadRecord upload) {
        return delegate.createUpload(upload);
    }

    @Override
    public Optional<UploadRecord> upload(String bucket, String uploadId) {
        return delegate.upload(bucket, uploadId);
    }

    @Override
    public Collection<UploadRecord> uploads(String bucket) {
        return delegate.uploads(bucket);
    }

    @Override
    public List<PartRecord> parts(String bucket, String uploadId) {
        return delegate.parts(bucket, uploadId);
    }

    @Override
    public Optional<PartRecord> uploadPart(Requester requester, UploadRecord upload, int partNumber, InputStream body,
                                           Set<ChecksumAlgorithm> checksums, PayloadDescriber<PartRecord> describer) {
        return delegate.uploadPart(requester, upload, partNumber, body, checksums, describer);
    }

    @Override
    public Optional<PartRecord> copyPart(Requester requester, UploadRecord upload, int partNumber, ObjectRecord source,
                                         long offset, long length, PayloadDescriber<PartRecord> describer) {
        return delegate.copyPart(requester, upload, partNumber, source, offset, length, describer);
    }

    @Override
    public Optional<ObjectRecord> completeUpload(Requester requester, UploadRecord upload, List<PartRecord> chosen,
                                                 ObjectRecord object, WriteCondition condition) {
        return delegate.completeUpload(requester, upload, chosen, object, condition);
    }

    @Override
    public boolean abortUpload(String bucket, String uploadId) {
        return delegate.abortUpload(bucket, uploadId);
    }

    @Override
    public int reset(String prefix) {
        return delegate.reset(prefix);
    }
}
