package gluelab.cloud.services.s3.storage;

import java.time.Instant;

/** The standard HTTP headers S3 stores with an object and returns on GET and HEAD. */
public record ContentHeaders(
        String contentType,
        String contentEncoding,
        String contentDisposition,
        String contentLanguage,
        String cacheControl,
        Instant expires) {

    public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    public static ContentHeaders none() {
        return new ContentHeaders(null, null, null, null, null, null);
    }
}
