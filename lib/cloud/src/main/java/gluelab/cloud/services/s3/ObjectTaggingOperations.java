package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingResponse;

/**
 * PutObjectTagging, GetObjectTagging and DeleteObjectTagging, of an object's latest version or of the version named.
 * Uploads set their tags with {@code x-amz-tagging} ({@link ObjectOperations}, {@link MultipartUploadOperations}).
 */
public final class ObjectTaggingOperations {

    private final ObjectStore store;
    private final BucketAccess access;

    ObjectTaggingOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    public PutObjectTaggingResponse putObjectTagging(RequestContext context, PutObjectTaggingRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        if (request.tagging() == null || !request.tagging().hasTagSet()) {
            throw S3Errors.malformedXml();
        }
        Map<String, String> tags = TagSets.of(request.tagging().tagSet(), false);
        ObjectRecord changed = change(bucket, request.key(), request.versionId(), o -> o.withTags(tags));
        return PutObjectTaggingResponse.builder().versionId(ObjectVersions.header(bucket, changed)).build();
    }

    public GetObjectTaggingResponse getObjectTagging(RequestContext context, GetObjectTaggingRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        ObjectRecord object = ObjectVersions.read(store, bucket, request.key(), request.versionId(), "GET");
        return GetObjectTaggingResponse.builder().tagSet(TagSets.toTags(object.tags()))
                .versionId(ObjectVersions.header(bucket, object)).build();
    }

    public DeleteObjectTaggingResponse deleteObjectTagging(RequestContext context, DeleteObjectTaggingRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        ObjectRecord changed = change(bucket, request.key(), request.versionId(), o -> o.withTags(Map.of()));
        return DeleteObjectTaggingResponse.builder().versionId(ObjectVersions.header(bucket, changed)).build();
    }

    /** Changes the version a request names (its key's latest without a versionId), as S3 finds it for a read. */
    private ObjectRecord change(BucketRecord bucket, String key, String versionId, UnaryOperator<ObjectRecord> change) {
        ObjectRecord version = ObjectVersions.read(store, bucket, key, versionId, "PUT");
        return store.updateVersion(bucket.name(), key, version.versionId(), change)
                .orElseThrow(() -> S3Errors.noSuchKey(key));
    }
}
