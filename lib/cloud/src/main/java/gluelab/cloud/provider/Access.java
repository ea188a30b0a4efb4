package gluelab.cloud.provider;

import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.policy.RequestContextKeys;

/**
 * One permission a call needs: an IAM action on a resource, e.g. {@code glue:StartJobRun} on
 * {@code arn:aws:glue:us-east-1:000000000000:job/etl}. A call may need several (CopyObject reads one object and
 * writes another).
 *
 * @param resource        the resource's ARN, or {@code *} for actions that have no resource (ListBuckets)
 * @param resourceAccount the account that owns the resource, when it may be another than the caller's (an S3
 *                        bucket); null means the caller's own
 * @param resourcePolicy  the resource's own policy (bucket policy, function policy), or null
 * @param keys            the service's condition keys for this call ({@code s3:prefix}); the common {@code aws:}
 *                        keys are added by the access control
 */
public record Access(String action, String resource, String resourceAccount, PolicyDocument resourcePolicy,
                     RequestContextKeys keys) {

    public static Access of(String action, String resource) {
        return new Access(action, resource, null, null, new RequestContextKeys());
    }

    public static Access of(String action, Arn resource) {
        return of(action, resource.toString());
    }

    public Access withResourcePolicy(String owner, PolicyDocument policy) {
        return new Access(action, resource, owner, policy, keys);
    }

    public Access withKey(String key, String value) {
        keys.put(key, value);
        return this;
    }
}
