package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;

/**
 * PutBucketVersioning and GetBucketVersioning. A bucket starts without versioning; once Enabled it can only be
 * Suspended, never returned to the state it started in, as on AWS.
 */
public final class BucketVersioningOperations {

    private final ObjectStore store;
    private final BucketAccess access;

    BucketVersioningOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    public PutBucketVersioningResponse putBucketVersioning(RequestContext context, PutBucketVersioningRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        String status = request.versioningConfiguration() == null ? null
                : request.versioningConfiguration().statusAsString();
        if (!BucketRecord.ENABLED.equals(status) && !BucketRecord.SUSPENDED.equals(status)) {
            throw S3Errors.malformedXml();
        }
        store.updateBucket(bucket.name(), current -> current.withVersioning(status));
        return PutBucketVersioningResponse.builder().build();
    }

    public GetBucketVersioningResponse getBucketVersioning(RequestContext context, GetBucketVersioningRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        return GetBucketVersioningResponse.builder().status(bucket.versioning()).build();
    }
}
