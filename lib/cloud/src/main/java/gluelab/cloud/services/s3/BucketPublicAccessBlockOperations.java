package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import gluelab.cloud.services.s3.storage.PublicAccessBlock;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockResponse;

/**
 * Put/Get/DeletePublicAccessBlock of a bucket. New buckets block all public access, as on AWS since April 2023;
 * BlockPublicAcls refuses ACLs that grant to everyone or to every AWS user.
 */
public final class BucketPublicAccessBlockOperations {

    private final ObjectStore store;
    private final BucketAccess access;

    BucketPublicAccessBlockOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    public PutPublicAccessBlockResponse putPublicAccessBlock(RequestContext context, PutPublicAccessBlockRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        PublicAccessBlockConfiguration given = request.publicAccessBlockConfiguration();
        if (given == null) {
            throw S3Errors.malformedXml();
        }
        PublicAccessBlock block = new PublicAccessBlock(Boolean.TRUE.equals(given.blockPublicAcls()),
                Boolean.TRUE.equals(given.ignorePublicAcls()), Boolean.TRUE.equals(given.blockPublicPolicy()),
                Boolean.TRUE.equals(given.restrictPublicBuckets()));
        store.updateBucket(bucket.name(), current -> current.withPublicAccessBlock(block));
        return PutPublicAccessBlockResponse.builder().build();
    }

    public GetPublicAccessBlockResponse getPublicAccessBlock(RequestContext context, GetPublicAccessBlockRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        PublicAccessBlock block = bucket.publicAccessBlock();
        if (block == null) {
            throw S3Errors.noSuchPublicAccessBlock(bucket.name());
        }
        return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(block.blockPublicAcls()).ignorePublicAcls(block.ignorePublicAcls())
                .blockPublicPolicy(block.blockPublicPolicy()).restrictPublicBuckets(block.restrictPublicBuckets()))
                .build();
    }

    public DeletePublicAccessBlockResponse deletePublicAccessBlock(RequestContext context,
                                                                   DeletePublicAccessBlockRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        store.updateBucket(bucket.name(), current -> current.withPublicAccessBlock(null));
        return DeletePublicAccessBlockResponse.builder().build();
    }
}
