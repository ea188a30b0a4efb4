package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingResponse;

/** PutBucketTagging, GetBucketTagging (NoSuchTagSet for a bucket without tags) and DeleteBucketTagging. */
public final class BucketTaggingOperations {

    private final ObjectStore store;
    private final BucketAccess access;

    BucketTaggingOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    public PutBucketTaggingResponse putBucketTagging(RequestContext context, PutBucketTaggingRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        if (request.tagging() == null || !request.tagging().hasTagSet()) {
            throw S3Errors.malformedXml();
        }
        Map<String, String> tags = TagSets.of(request.tagging().tagSet(), true);
        store.updateBucket(bucket.name(), current -> current.withTags(tags));
        return PutBucketTaggingResponse.builder().build();
    }

    public GetBucketTaggingResponse getBucketTagging(RequestContext context, GetBucketTaggingRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        if (bucket.tags().isEmpty()) {
            throw S3Errors.noSuchTagSet(bucket.name());
        }
        return GetBucketTaggingResponse.builder().tagSet(TagSets.toTags(bucket.tags())).build();
    }

    public DeleteBucketTaggingResponse deleteBucketTagging(RequestContext context, DeleteBucketTaggingRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        store.updateBucket(bucket.name(), current -> current.withTags(Map.of()));
        return DeleteBucketTaggingResponse.builder().build();
    }
}
