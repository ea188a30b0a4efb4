package gluelab.cloud.services.s3;

import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import gluelab.cloud.services.s3.storage.PublicAccessBlock;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusResponse;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;

/**
 * Put/Get/DeleteBucketPolicy and GetBucketPolicyStatus. The policy is stored exactly as given and judged with the
 * caller's identity policies by the access control ({@link S3AccessRules} hands it over). A policy that grants
 * public access is refused while the bucket's {@code BlockPublicPolicy} is on, as it is for every new bucket.
 */
public final class BucketPolicyOperations {

    private final ObjectStore store;
    private final BucketAccess access;

    BucketPolicyOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    public PutBucketPolicyResponse putBucketPolicy(RequestContext context, PutBucketPolicyRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        PolicyDocument policy = BucketPolicies.validated(bucket.name(), request.policy());
        PublicAccessBlock block = bucket.publicAccessBlock();
        if (block != null && block.blockPublicPolicy() && policy.grantsPublicAccess()) {
            throw S3Errors.accessDenied("User: " + context.platform().access().principalOf(context.caller()).describe()
                    + " is not authorized to perform: s3:PutBucketPolicy on resource: \"arn:aws:s3:::" + bucket.name()
                    + "\" because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public "
                    + "Access.");
        }
        store.updateBucket(bucket.name(), current -> current.withPolicy(request.policy()));
        return PutBucketPolicyResponse.builder().build();
    }

    public GetBucketPolicyResponse getBucketPolicy(RequestContext context, GetBucketPolicyRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        if (bucket.policy() == null) {
            throw S3Errors.noSuchBucketPolicy(bucket.name());
        }
        return GetBucketPolicyResponse.builder().policy(bucket.policy()).build();
    }

    public DeleteBucketPolicyResponse deleteBucketPolicy(RequestContext context, DeleteBucketPolicyRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        store.updateBucket(bucket.name(), current -> current.withPolicy(null));
        return DeleteBucketPolicyResponse.builder().build();
    }

    /** IsPublic as S3 computes it: whether the policy grants access to the public, whatever Block Public Access says. */
    public GetBucketPolicyStatusResponse getBucketPolicyStatus(RequestContext context,
                                                               GetBucketPolicyStatusRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        PolicyDocument policy = BucketPolicies.of(bucket);
        if (policy == null) {
            throw S3Errors.noSuchBucketPolicy(bucket.name());
        }
        return GetBucketPolicyStatusResponse.builder()
                .policyStatus(s -> s.isPublic(policy.grantsPublicAccess())).build();
    }
}
