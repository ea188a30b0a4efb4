package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import gluelab.cloud.services.s3.storage.Requester;

/**
 * Who may touch a bucket. Without bucket policies or ACLs (not implemented yet) that is its owner alone:
 * any other account gets 403 AccessDenied, as AWS answers a bucket that exists but is not yours.
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
        if (!record.ownerAccount().equals(context.accountId())) {
            throw S3Errors.accessDenied();
        }
        return record;
    }

    static Requester requester(RequestContext context) {
        String ip = context.exchange() == null ? "127.0.0.1" : context.exchange().remoteAddress();
        return new Requester(context.requestId(), context.accountId(),
                context.caller() == null ? null : context.caller().principalArn(), ip);
    }
}
