package gluelab.cloud.services.s3;

import gluelab.cloud.services.s3.storage.ContentHeaders;
import gluelab.cloud.services.s3.storage.ObjectRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The headers GET and HEAD answer an object with. GetObjectResponse and HeadObjectResponse name these
 * members alike, so one description of an object fills either through the model's field metadata.
 */
final class ObjectHeaders {

    private ObjectHeaders() {
    }

    /**
     * @param versionId the {@code x-amz-version-id} to answer with, or null for none
     * @param length    the bytes this answer carries (the whole object, a range or a part)
     * @param overrides GetObject's {@code response-content-type}, … query overrides, by member name
     */
    static void fill(SdkPojo builder, ObjectRecord object, String versionId, long length,
                     Map<String, Object> overrides) {
        ContentHeaders headers = object.headers();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ETag", object.quotedEtag());
        values.put("LastModified", object.lastModified());
        values.put("ContentLength", length);
        values.put("ContentType", headers.contentType() != null ? headers.contentType() : ContentHeaders.DEFAULT_CONTENT_TYPE);
        values.put("ContentEncoding", headers.contentEncoding());
        values.put("ContentDisposition", headers.contentDisposition());
        values.put("ContentLanguage", headers.contentLanguage());
        values.put("CacheControl", headers.cacheControl());
        values.put("Expires", headers.expires());
        values.put("Metadata", object.userMetadata().isEmpty() ? null : object.userMetadata());
        values.put("AcceptRanges", "bytes");
        values.put("VersionId", versionId);
        values.put("TagCount", object.tags().isEmpty() ? null : object.tags().size());
        // S3 leaves the storage class out for STANDARD objects.
        values.put("StorageClass", "STANDARD".equals(object.storageClass()) ? null : object.storageClass());
        values.putAll(overrides);
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = values.get(field.memberName());
            if (value != null) {
                field.set(builder, value);
            }
        }
    }
}
