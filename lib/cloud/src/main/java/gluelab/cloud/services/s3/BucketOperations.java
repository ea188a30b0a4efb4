package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/**
 * CreateBucket, HeadBucket, DeleteBucket, ListBuckets and GetBucketLocation. Bucket names are one global
 * namespace: a name another account holds is BucketAlreadyExists, your own is BucketAlreadyOwnedByYou,
 * except in us-east-1 where re-creating your own bucket succeeds (S3's legacy behaviour).
 */
public final class BucketOperations {

    static final String US_EAST_1 = "us-east-1";
    private static final int MAX_BUCKETS_PAGE = 10_000;

    private final ObjectStore store;
    private final BucketAccess access;

    BucketOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    public CreateBucketResponse createBucket(RequestContext context, CreateBucketRequest request) {
        String name = request.bucket();
        if (!BucketNames.isValid(name)) {
            throw S3Errors.invalidBucketName(name);
        }
        String region = region(context, request);
        BucketRecord created = BucketRecord.created(name, context.accountId(), region,
                ObjectOperations.lastModified(context), ownership(request));
        BucketRecord existing = store.createBucket(created.withGrants(AccessControlLists.requested(created,
                context.accountId(), request.aclAsString(), AccessControlLists.GrantHeaders.of(request)))).orElse(null);
        if (existing != null && !existing.ownerAccount().equals(context.accountId())) {
            throw S3Errors.bucketAlreadyExists(name);
        }
        // The name was already ours: only us-east-1 answers that with success.
        if (existing != null && !(existing.region().equals(US_EAST_1) && region.equals(US_EAST_1))) {
            throw S3Errors.bucketAlreadyOwnedByYou(name);
        }
        return CreateBucketResponse.builder().location("/" + name).build();
    }

    /**
     * The bucket's Object Ownership: BucketOwnerEnforced unless asked otherwise, as on AWS since April 2023. An ACL
     * other than {@code private} cannot come with it.
     */
    private static String ownership(CreateBucketRequest request) {
        String ownership = request.objectOwnershipAsString() == null ? BucketRecord.BUCKET_OWNER_ENFORCED
                : request.objectOwnershipAsString();
        if (!BucketOwnershipControlsOperations.OWNERSHIPS.contains(ownership)) {
            throw S3Errors.invalidArgument("Invalid x-amz-object-ownership header: " + ownership,
                    "x-amz-object-ownership", ownership);
        }
        boolean grants = AccessControlLists.GrantHeaders.of(request).any();
        if (ownership.equals(BucketRecord.BUCKET_OWNER_ENFORCED)
                && (grants || (request.aclAsString() != null && !request.aclAsString().equals("private")))) {
            throw S3Errors.invalidBucketAclWithObjectOwnership();
        }
        return ownership;
    }

    /**
     * The bucket's region: its LocationConstraint, or us-east-1 without one. Sent to a regional endpoint
     * (signed for a region other than us-east-1), the constraint must name that region.
     */
    private static String region(RequestContext context, CreateBucketRequest request) {
        String constraint = request.createBucketConfiguration() == null ? null
                : request.createBucketConfiguration().locationConstraintAsString();
        String signedFor = context.region();
        if (constraint == null || constraint.isEmpty()) {
            if (!US_EAST_1.equals(signedFor)) {
                throw new gluelab.cloud.provider.AwsServiceException("IllegalLocationConstraintException",
                        "The unspecified location constraint is incompatible for the region specific endpoint this "
                                + "request was sent to.", 400);
            }
            return US_EAST_1;
        }
        if (constraint.equals(US_EAST_1)) {
            throw new gluelab.cloud.provider.AwsServiceException("InvalidLocationConstraint",
                    "The specified location-constraint is not valid", 400).with("LocationConstraint", constraint);
        }
        String region = constraint.equals("EU") ? "eu-west-1" : constraint;
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new gluelab.cloud.provider.AwsServiceException("InvalidLocationConstraint",
                    "The specified location-constraint is not valid", 400).with("LocationConstraint", constraint);
        }
        if (!US_EAST_1.equals(signedFor) && !region.equals(signedFor)) {
            throw new gluelab.cloud.provider.AwsServiceException("IllegalLocationConstraintException",
                    "The " + constraint + " location constraint is incompatible for the region specific endpoint "
                            + "this request was sent to.", 400);
        }
        return region;
    }

    public HeadBucketResponse headBucket(RequestContext context, HeadBucketRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        return HeadBucketResponse.builder().bucketRegion(bucket.region()).accessPointAlias(false).build();
    }

    public DeleteBucketResponse deleteBucket(RequestContext context, DeleteBucketRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        if (!store.deleteBucket(bucket.name())) {
            throw S3Errors.bucketNotEmpty(bucket.name());
        }
        return DeleteBucketResponse.builder().build();
    }

    public ListBucketsResponse listBuckets(RequestContext context, ListBucketsRequest request) {
        int max = request.maxBuckets() == null ? MAX_BUCKETS_PAGE : request.maxBuckets();
        if (max < 1 || max > MAX_BUCKETS_PAGE) {
            throw S3Errors.invalidArgument("Argument max-buckets must be an integer between 1 and 10000",
                    "max-buckets", String.valueOf(max));
        }
        String after = request.continuationToken() == null ? null : new String(
                decodeToken(request.continuationToken()), StandardCharsets.UTF_8);
        List<BucketRecord> mine = store.buckets().stream()
                .filter(b -> b.ownerAccount().equals(context.accountId()))
                .filter(b -> request.prefix() == null || b.name().startsWith(request.prefix()))
                .filter(b -> request.bucketRegion() == null || b.region().equals(request.bucketRegion()))
                .filter(b -> after == null || b.name().compareTo(after) > 0)
                .sorted(Comparator.comparing(BucketRecord::name))
                .toList();
        List<BucketRecord> page = mine.subList(0, Math.min(max, mine.size()));
        String next = mine.size() > page.size() ? Base64.getUrlEncoder().encodeToString(
                page.get(page.size() - 1).name().getBytes(StandardCharsets.UTF_8)) : null;
        return ListBucketsResponse.builder()
                .buckets(page.stream().map(b -> Bucket.builder().name(b.name()).creationDate(b.created())
                        .bucketRegion(b.region()).build()).toList())
                .owner(S3Owners.owner(context.accountId()))
                .prefix(request.prefix())
                .continuationToken(next)
                .build();
    }

    private static byte[] decodeToken(String token) {
        try {
            return Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
        }
    }

    public GetBucketLocationResponse getBucketLocation(RequestContext context, GetBucketLocationRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        // us-east-1 buckets answer with an empty LocationConstraint.
        return GetBucketLocationResponse.builder()
                .locationConstraint(bucket.region().equals(US_EAST_1) ? null : bucket.region())
                .build();
    }
}
