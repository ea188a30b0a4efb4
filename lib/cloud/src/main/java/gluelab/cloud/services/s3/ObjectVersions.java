package gluelab.cloud.services.s3;

/**
 * The {@code versionId} of a request on an object. Lab Cloud's buckets are never versioned, so every object is
 * its {@code null} version: {@code versionId=null} names it, and any other version id is refused as S3 refuses
 * one on an unversioned bucket, before the key is looked up.
 */
final class ObjectVersions {

    static final String NULL_VERSION = "null";

    private ObjectVersions() {
    }

    static void requireCurrent(String versionId) {
        if (versionId == null || versionId.equals(NULL_VERSION)) {
            return;
        }
        if (versionId.isEmpty()) {
            throw S3Errors.invalidArgument("Version id cannot be the empty string", "versionId", versionId);
        }
        throw S3Errors.invalidArgument("Invalid version id specified", "versionId", versionId);
    }
}
