package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.DeleteBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.PutBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketOwnershipControlsResponse;

/**
 * Put/Get/DeleteBucketOwnershipControls: S3 Object Ownership. BucketOwnerEnforced (every new bucket's) disables
 * ACLs; BucketOwnerPreferred and ObjectWriter enable them, and so does deleting the controls, as on AWS.
 */
public final class BucketOwnershipControlsOperations {

    static final Set<String> OWNERSHIPS = Set.of(BucketRecord.BUCKET_OWNER_ENFORCED, "BucketOwnerPreferred",
            "ObjectWriter");

    private final ObjectStore store;
    private final BucketAccess access;

    BucketOwnershipControlsOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    public PutBucketOwnershipControlsResponse putBucketOwnershipControls(RequestContext context,
                                                                         PutBucketOwnershipControlsRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        if (request.ownershipControls() == null || !request.ownershipControls().hasRules()
                || request.ownershipControls().rules().size() != 1) {
            throw S3Errors.malformedXml();
        }
        String ownership = request.ownershipControls().rules().get(0).objectOwnershipAsString();
        if (ownership == null || !OWNERSHIPS.contains(ownership)) {
            throw S3Errors.malformedXml();
        }
        if (ownership.equals(BucketRecord.BUCKET_OWNER_ENFORCED) && !bucket.grants().isEmpty()) {
            throw S3Errors.invalidBucketAclWithObjectOwnership();
        }
        store.updateBucket(bucket.name(), current -> current.withObjectOwnership(ownership));
        return PutBucketOwnershipControlsResponse.builder().build();
    }

    public GetBucketOwnershipControlsResponse getBucketOwnershipControls(RequestContext context,
                                                                         GetBucketOwnershipControlsRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        if (!bucket.hasOwnershipControls()) {
            throw S3Errors.ownershipControlsNotFound(bucket.name());
        }
        return GetBucketOwnershipControlsResponse.builder().ownershipControls(o -> o.rules(
                OwnershipControlsRule.builder().objectOwnership(bucket.objectOwnership()).build())).build();
    }

    public DeleteBucketOwnershipControlsResponse deleteBucketOwnershipControls(
            RequestContext context, DeleteBucketOwnershipControlsRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        store.updateBucket(bucket.name(), current -> current.withObjectOwnership(BucketRecord.NO_OWNERSHIP_CONTROLS));
        return DeleteBucketOwnershipControlsResponse.builder().build();
    }
}
