package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.AccessControlLists.GrantHeaders;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.Grant;
import gluelab.cloud.services.s3.storage.ObjectRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import java.util.List;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.GetBucketAclRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.PutBucketAclRequest;
import software.amazon.awssdk.services.s3.model.PutBucketAclResponse;
import software.amazon.awssdk.services.s3.model.PutObjectAclRequest;
import software.amazon.awssdk.services.s3.model.PutObjectAclResponse;

/**
 * GetBucketAcl, PutBucketAcl, GetObjectAcl and PutObjectAcl. Reading an ACL always works and shows the owner with
 * FULL_CONTROL; setting one works only where the bucket's Object Ownership has ACLs enabled
 * ({@link BucketOwnershipControlsOperations}).
 */
public final class AccessControlListOperations {

    private final ObjectStore store;
    private final BucketAccess access;

    AccessControlListOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    public GetBucketAclResponse getBucketAcl(RequestContext context, GetBucketAclRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        return GetBucketAclResponse.builder().owner(S3Owners.owner(bucket.ownerAccount()))
                .grants(AccessControlLists.shown(bucket.ownerAccount(), bucket.grants())).build();
    }

    public PutBucketAclResponse putBucketAcl(RequestContext context, PutBucketAclRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        List<Grant> grants = requested(bucket, bucket.ownerAccount(), request.aclAsString(),
                request.accessControlPolicy(), GrantHeaders.of(request));
        if (bucket.aclsEnabled()) {
            store.updateBucket(bucket.name(), current -> current.withGrants(grants));
        }
        return PutBucketAclResponse.builder().build();
    }

    public GetObjectAclResponse getObjectAcl(RequestContext context, GetObjectAclRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        ObjectRecord object = ObjectVersions.read(store, bucket, request.key(), request.versionId(), "GET");
        return GetObjectAclResponse.builder().owner(S3Owners.owner(object.ownerAccount()))
                .grants(AccessControlLists.shown(object.ownerAccount(), object.grants())).build();
    }

    public PutObjectAclResponse putObjectAcl(RequestContext context, PutObjectAclRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        ObjectRecord object = ObjectVersions.read(store, bucket, request.key(), request.versionId(), "PUT");
        List<Grant> grants = requested(bucket, object.ownerAccount(), request.aclAsString(),
                request.accessControlPolicy(), GrantHeaders.of(request));
        if (bucket.aclsEnabled()) {
            store.updateVersion(bucket.name(), object.key(), object.versionId(),
                    o -> o.withAcl(o.ownerAccount(), grants)).orElseThrow(() -> S3Errors.noSuchKey(object.key()));
        }
        return PutObjectAclResponse.builder().build();
    }

    private static List<Grant> requested(BucketRecord bucket, String owner, String canned, AccessControlPolicy policy,
                                         GrantHeaders headers) {
        if (policy != null && policy.hasGrants()) {
            if (canned != null || headers.any()) {
                throw S3Errors.invalidRequest("Specifying both Canned ACLs and Header Grants is not allowed");
            }
            return AccessControlLists.of(bucket, owner, policy);
        }
        if (canned == null && !headers.any()) {
            throw S3Errors.malformedXml();
        }
        return AccessControlLists.requested(bucket, owner, canned, headers);
    }
}
