package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import gluelab.cloud.services.s3.storage.Requester;

/**
 * Who may touch a bucket: its owner, and whoever its bucket policy or (where ACLs are enabled) its ACL grants admit.
 * The access control judges every call into another account's bucket, and every anonymous one, by the bucket's
 * policy and the grants that reach the caller ({@link S3AccessRules} hands them over); here a bucket with neither a
 * policy nor ACLs stays its owner's alone, so another account gets 403 AccessDenied, as AWS answers a bucket that
 * exists but is not yours.
 */
final class BucketAccess {

    private final ObjectStore store;

    BucketAccess(ObjectStore store) {
        this.store = store;
    }

    BucketRecord owned(RequestContext context, String bucket) {
        if (bucket == null || bucket.isEmpty()) {
            throw S3Errors.noSuchBucket(bucket);
        }
        BucketRecord record = store.bucket(bucket).orElseThrow(() -> S3Errors.noSuchBucket(bucket));
        // An anonymous caller has been judged already, by the bucket policy and by ACL grants to everyone.
        if (context.isAuthenticated() && !record.ownerAccount().equals(context.accountId()) && record.policy() == null
                && !record.aclsEnabled()) {
            throw S3Errors.accessDenied();
        }
        return record;
    }

    /** The account a write is recorded for: the caller's, or the bucket owner's for an anonymous write. */
    static String writer(RequestContext context, BucketRecord bucket) {
        return context.accountId() != null ? context.accountId() : bucket.ownerAccount();
    }

    static Requester requester(RequestContext context) {
        String ip = context.exchange() == null ? "127.0.0.1" : context.exchange().remoteAddress();
        return new Requester(context.requestId(), context.accountId(),
                context.caller() == null ? null : context.caller().principalArn(), ip, null);
    }
}
