package gluelab.cloud.services.s3;

import gluelab.cloud.services.s3.storage.ObjectRecord;
import gluelab.cloud.services.s3.storage.WriteCondition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * S3's conditional requests. Reads: If-Match and If-Unmodified-Since fail with 412, If-None-Match and
 * If-Modified-Since with 304, and a matching If-Match / differing If-None-Match overrides its date
 * partner (RFC 7232). Writes: {@code If-None-Match: *} and {@code If-Match: <etag>}. Dates compare at
 * the one-second precision of Last-Modified.
 */
final class ObjectConditions {

    private ObjectConditions() {
    }

    static void checkRead(ObjectRecord object, String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                          Instant ifUnmodifiedSince, Instant now) {
        Instant modified = object.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!matches(ifMatch, object.etag())) {
                throw S3Errors.preconditionFailed("If-Match");
            }
        } else if (ifUnmodifiedSince != null && modified.isAfter(ifUnmodifiedSince)) {
            throw S3Errors.preconditionFailed("If-Unmodified-Since");
        }
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, object.etag())) {
                throw S3Errors.notModified();
            }
        } else if (ifModifiedSince != null && !ifModifiedSince.isAfter(now) && !modified.isAfter(ifModifiedSince)) {
            throw S3Errors.notModified();
        }
    }

    /** CopyObject's {@code x-amz-copy-source-if-*}: every failure is a 412. */
    static void checkCopySource(ObjectRecord source, String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                                Instant ifUnmodifiedSince, Instant now) {
        try {
            checkRead(source, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, now);
        } catch (gluelab.cloud.provider.AwsServiceException e) {
            if (e.status() == 304) {
                throw S3Errors.preconditionFailed(ifNoneMatch != null ? "x-amz-copy-source-If-None-Match"
                        : "x-amz-copy-source-If-Modified-Since");
            }
            throw e.status() == 412 ? S3Errors.preconditionFailed(ifMatch != null ? "x-amz-copy-source-If-Match"
                    : "x-amz-copy-source-If-Unmodified-Since") : e;
        }
    }

    /** A conditional write's precondition on the object it would replace. */
    static WriteCondition forWrite(String key, String ifMatch, String ifNoneMatch) {
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            // S3 answers 501; Lab Cloud answers every client request with a 4xx (see CommonErrors.notImplemented).
            throw new gluelab.cloud.provider.AwsServiceException("NotImplemented",
                    "A header you provided implies functionality that is not implemented", 400)
                    .with("Header", "If-None-Match");
        }
        if (ifMatch == null && ifNoneMatch == null) {
            return WriteCondition.NONE;
        }
        return current -> {
            if (ifNoneMatch != null && current != null) {
                throw S3Errors.preconditionFailed("If-None-Match");
            }
            if (ifMatch != null) {
                if (current == null) {
                    throw S3Errors.noSuchKey(key);
                }
                if (!matches(ifMatch, current.etag())) {
                    throw S3Errors.preconditionFailed("If-Match");
                }
            }
        };
    }

    /** Whether an If-Match / If-None-Match list names this ETag (or is {@code *}). */
    static boolean matches(String header, String etag) {
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .map(ObjectConditions::unquote)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    static String unquote(String etag) {
        String t = etag.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
