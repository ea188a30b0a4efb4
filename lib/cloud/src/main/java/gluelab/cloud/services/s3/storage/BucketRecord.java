package gluelab.cloud.services.s3.storage;

import java.time.Instant;

/**
 * One bucket. Bucket names are global across accounts, as in AWS: the owner's account and the bucket's
 * region are properties of the bucket, not of where it is looked up.
 */
public record BucketRecord(String name, String ownerAccount, String region, Instant created) {
}
