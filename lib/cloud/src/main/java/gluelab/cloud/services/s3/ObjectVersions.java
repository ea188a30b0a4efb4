package gluelab.cloud.services.s3;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import gluelab.cloud.shape.TimestampFormats;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * S3's object versions as requests name them. A bucket that never had versioning keeps one version of each key, the
 * {@code null} version: {@code versionId=null} names it, and any other id is refused before the key is looked up.
 * Where versioning is enabled every write makes a new version with a fresh id; where it is suspended, writes
 * replace the null version. Version ids are 32 characters of {@code [A-Za-z0-9._]}, as S3's look.
 */
final class ObjectVersions {

    static final String NULL_VERSION = "null";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
    private static final Pattern VERSION_ID = Pattern.compile("[A-Za-z0-9._]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ObjectVersions() {
    }

    /** The id of a version a write makes in this bucket: a new one where versioning is enabled, else null. */
    static String forNewVersion(BucketRecord bucket) {
        if (!bucket.versioningEnabled()) {
            return null;
        }
        char[] id = new char[32];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }

    /** A version's id as S3 writes it: the null version is {@code null}. */
    static String wire(ObjectRecord version) {
        return version.versionId() == null ? NULL_VERSION : version.versionId();
    }

    /** The {@code x-amz-version-id} S3 answers with: none for a bucket that never had versioning. */
    static String header(BucketRecord bucket, ObjectRecord version) {
        return bucket.versioningConfigured() ? wire(version) : null;
    }

    /**
     * The version a {@code versionId} parameter names, as the store keys it (null for the null version), once the
     * parameter is checked as S3 checks it.
     */
    static String requested(BucketRecord bucket, String versionId) {
        if (versionId.equals(NULL_VERSION)) {
            return null;
        }
        if (versionId.isEmpty()) {
            throw S3Errors.invalidArgument("Version id cannot be the empty string", "versionId", versionId);
        }
        if (!bucket.versioningConfigured() || !VERSION_ID.matcher(versionId).matches()) {
            throw S3Errors.invalidArgument("Invalid version id specified", "versionId", versionId);
        }
        return versionId;
    }

    /**
     * The object a read names: the version asked for, or the key's latest. A latest version that is a delete marker
     * reads as NoSuchKey, and asking for a delete marker by its id is MethodNotAllowed; both say it is a marker.
     */
    static ObjectRecord read(ObjectStore store, BucketRecord bucket, String key, String versionId, String method) {
        if (versionId == null) {
            ObjectRecord latest = store.latest(bucket.name(), key).orElseThrow(() -> S3Errors.noSuchKey(key));
            if (latest.deleteMarker()) {
                throw markerHeaders(S3Errors.noSuchKey(key), latest);
            }
            return latest;
        }
        ObjectRecord version = named(store, bucket, key, versionId);
        if (version.deleteMarker()) {
            throw markerHeaders(S3Errors.methodNotAllowed(method, "DeleteMarker"), version)
                    .withHeader("Last-Modified", TimestampFormats.format(version.lastModified(),
                            TimestampFormatTrait.Format.RFC_822));
        }
        return version;
    }

    /**
     * The object a copy reads: as {@link #read}, but a source that names a delete marker by its id is refused as
     * S3 refuses it, an invalid request rather than a method.
     */
    static ObjectRecord copySource(ObjectStore store, BucketRecord bucket, String key, String versionId) {
        if (versionId == null) {
            return read(store, bucket, key, null, "GET");
        }
        ObjectRecord version = named(store, bucket, key, versionId);
        if (version.deleteMarker()) {
            throw S3Errors.invalidRequest("The source of a copy request may not specifically refer to a delete "
                    + "marker by version id.");
        }
        return version;
    }

    /** The version a {@code versionId} names, delete markers included; NoSuchVersion if there is none. */
    private static ObjectRecord named(ObjectStore store, BucketRecord bucket, String key, String versionId) {
        String wanted = requested(bucket, versionId);
        return store.version(bucket.name(), key, wanted)
                .orElseThrow(() -> wanted == null && !bucket.versioningConfigured() ? S3Errors.noSuchKey(key)
                        : S3Errors.noSuchVersion(key, versionId));
    }

    static AwsServiceException markerHeaders(AwsServiceException error, ObjectRecord marker) {
        return error.withHeader("x-amz-delete-marker", "true").withHeader("x-amz-version-id", wire(marker));
    }
}
