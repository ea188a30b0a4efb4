package gluelab.cloud.services.s3.storage;

/**
 * A bucket's S3 Block Public Access settings. New buckets have all four on, as on AWS since April 2023.
 *
 * @param blockPublicAcls       refuse ACLs (on PUTs and Put…Acl) that grant to everyone or to every AWS user
 * @param ignorePublicAcls      act as if such grants did not exist
 * @param blockPublicPolicy     refuse a bucket policy that grants public access
 * @param restrictPublicBuckets let a public bucket policy admit only the bucket owner's account and AWS services
 */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {

    public static final PublicAccessBlock ALL = new PublicAccessBlock(true, true, true, true);
    public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);
}
