package gluelab.cloud.services.s3;

import gluelab.cloud.provider.AwsServiceException;

/** S3's errors with the codes, messages, statuses and extra members the real service answers with. */
public final class S3Errors {

    private S3Errors() {
    }

    public static AwsServiceException noSuchBucket(String bucket) {
        return new AwsServiceException("NoSuchBucket", "The specified bucket does not exist", 404)
                .with("BucketName", bucket);
    }

    public static AwsServiceException noSuchKey(String key) {
        return new AwsServiceException("NoSuchKey", "The specified key does not exist.", 404).with("Key", key);
    }

    public static AwsServiceException noSuchUpload(String uploadId) {
        return new AwsServiceException("NoSuchUpload", "The specified upload does not exist. The upload ID may be "
                + "invalid, or the upload may have been aborted or completed.", 404).with("UploadId", uploadId);
    }

    public static AwsServiceException accessDenied() {
        return accessDenied("Access Denied");
    }

    public static AwsServiceException accessDenied(String message) {
        return new AwsServiceException("AccessDenied", message, 403);
    }

    public static AwsServiceException bucketAlreadyExists(String bucket) {
        return new AwsServiceException("BucketAlreadyExists", "The requested bucket name is not available. The bucket "
                + "namespace is shared by all users of the system. Please select a different name and try again.", 409)
                .with("BucketName", bucket);
    }

    public static AwsServiceException bucketAlreadyOwnedByYou(String bucket) {
        return new AwsServiceException("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket "
                + "succeeded and you already own it.", 409).with("BucketName", bucket);
    }

    public static AwsServiceException bucketNotEmpty(String bucket) {
        return new AwsServiceException("BucketNotEmpty", "The bucket you tried to delete is not empty", 409)
                .with("BucketName", bucket);
    }

    public static AwsServiceException invalidBucketName(String bucket) {
        return new AwsServiceException("InvalidBucketName", "The specified bucket is not valid.", 400)
                .with("BucketName", bucket);
    }

    public static AwsServiceException keyTooLong(int bytes) {
        return new AwsServiceException("KeyTooLongError", "Your key is too long", 400)
                .with("Size", Integer.toString(bytes)).with("MaxSizeAllowed", "1024");
    }

    public static AwsServiceException invalidArgument(String message, String name, String value) {
        AwsServiceException error = new AwsServiceException("InvalidArgument", message, 400);
        if (name != null) {
            error = error.with("ArgumentName", name);
        }
        return value == null ? error : error.with("ArgumentValue", value);
    }

    public static AwsServiceException invalidRequest(String message) {
        return new AwsServiceException("InvalidRequest", message, 400);
    }

    public static AwsServiceException preconditionFailed(String condition) {
        return new AwsServiceException("PreconditionFailed", "At least one of the pre-conditions you specified did "
                + "not hold", 412).with("Condition", condition);
    }

    /** A 304 is not an error to S3's clients, but it ends the request the same way: no body. */
    public static AwsServiceException notModified() {
        return new AwsServiceException("NotModified", "Not Modified", 304);
    }

    public static AwsServiceException invalidRange(long size, String range) {
        return new AwsServiceException("InvalidRange", "The requested range is not satisfiable", 416)
                .with("RangeRequested", range).with("ActualObjectSize", Long.toString(size));
    }

    public static AwsServiceException badDigest(String what) {
        return new AwsServiceException("BadDigest", "The " + what + " you specified did not match the calculated "
                + "checksum.", 400);
    }

    public static AwsServiceException contentMd5Mismatch() {
        return new AwsServiceException("BadDigest", "The Content-MD5 you specified did not match what we received.", 400);
    }

    public static AwsServiceException invalidDigest() {
        return new AwsServiceException("InvalidDigest", "The Content-MD5 you specified was invalid.", 400);
    }

    public static AwsServiceException invalidPart(String message) {
        return new AwsServiceException("InvalidPart", message, 400);
    }

    public static AwsServiceException invalidPartOrder() {
        return new AwsServiceException("InvalidPartOrder", "The list of parts was not in ascending order. Parts must "
                + "be ordered by part number.", 400);
    }

    public static AwsServiceException entityTooSmall(long size) {
        return new AwsServiceException("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed "
                + "object size.", 400).with("ProposedSize", Long.toString(size)).with("MinSizeAllowed", "5242880");
    }

    public static AwsServiceException entityTooLarge(long size, long max) {
        return new AwsServiceException("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", 400)
                .with("ProposedSize", Long.toString(size)).with("MaxSizeAllowed", Long.toString(max));
    }

    public static AwsServiceException malformedXml() {
        return new AwsServiceException("MalformedXML", "The XML you provided was not well-formed or did not validate "
                + "against our published schema", 400);
    }

    public static AwsServiceException noSuchVersion(String key, String versionId) {
        return new AwsServiceException("NoSuchVersion", "The specified version does not exist.", 404)
                .with("Key", key).with("VersionId", versionId);
    }

    /** @param resourceType OBJECT, BUCKET, SERVICE or DeleteMarker */
    public static AwsServiceException methodNotAllowed(String method, String resourceType) {
        return new AwsServiceException("MethodNotAllowed", "The specified method is not allowed against this resource.",
                405).with("Method", method).with("ResourceType", resourceType);
    }

    public static AwsServiceException accessControlListNotSupported() {
        return new AwsServiceException("AccessControlListNotSupported", "The bucket does not allow ACLs", 400);
    }

    public static AwsServiceException invalidBucketAclWithObjectOwnership() {
        return new AwsServiceException("InvalidBucketAclWithObjectOwnership",
                "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting", 400);
    }

    public static AwsServiceException ownershipControlsNotFound(String bucket) {
        return new AwsServiceException("OwnershipControlsNotFoundError",
                "The bucket ownership controls were not found", 404).with("BucketName", bucket);
    }

    public static AwsServiceException noSuchTagSet(String bucket) {
        return new AwsServiceException("NoSuchTagSet", "The TagSet does not exist", 404).with("BucketName", bucket);
    }

    public static AwsServiceException invalidTag(String message) {
        return new AwsServiceException("InvalidTag", message, 400);
    }

    public static AwsServiceException noSuchBucketPolicy(String bucket) {
        return new AwsServiceException("NoSuchBucketPolicy", "The bucket policy does not exist", 404)
                .with("BucketName", bucket);
    }

    public static AwsServiceException malformedPolicy(String message) {
        return new AwsServiceException("MalformedPolicy", message, 400);
    }

    public static AwsServiceException noSuchPublicAccessBlock(String bucket) {
        return new AwsServiceException("NoSuchPublicAccessBlockConfiguration",
                "The public access block configuration was not found", 404).with("BucketName", bucket);
    }

    public static AwsServiceException noSuchCorsConfiguration(String bucket) {
        return new AwsServiceException("NoSuchCORSConfiguration", "The CORS configuration does not exist", 404)
                .with("BucketName", bucket);
    }
}
