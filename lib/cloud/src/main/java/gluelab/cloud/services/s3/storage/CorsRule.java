package gluelab.cloud.services.s3.storage;

import java.util.List;

/** One rule of a bucket's CORS configuration, as PutBucketCors gave it. */
public record CorsRule(String id, List<String> allowedMethods, List<String> allowedOrigins,
                       List<String> allowedHeaders, List<String> exposeHeaders, Integer maxAgeSeconds) {

    public CorsRule {
        allowedMethods = allowedMethods == null ? List.of() : List.copyOf(allowedMethods);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        allowedHeaders = allowedHeaders == null ? List.of() : List.copyOf(allowedHeaders);
        exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
    }
}
