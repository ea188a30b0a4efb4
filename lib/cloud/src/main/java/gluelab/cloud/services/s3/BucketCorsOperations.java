package gluelab.cloud.services.s3;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.CorsRule;
import gluelab.cloud.services.s3.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketCorsResponse;

/**
 * PutBucketCors, GetBucketCors (NoSuchCORSConfiguration without one) and DeleteBucketCors: a bucket's CORS rules,
 * checked as S3 checks them (at most 100 rules, methods among GET/PUT/POST/DELETE/HEAD, at most one {@code *} in an
 * origin or allowed header).
 */
public final class BucketCorsOperations {

    private static final int MAX_RULES = 100;
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

    private final ObjectStore store;
    private final BucketAccess access;

    BucketCorsOperations(ObjectStore store, BucketAccess access) {
        this.store = store;
        this.access = access;
    }

    public PutBucketCorsResponse putBucketCors(RequestContext context, PutBucketCorsRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        if (request.corsConfiguration() == null || !request.corsConfiguration().hasCorsRules()
                || request.corsConfiguration().corsRules().isEmpty()
                || request.corsConfiguration().corsRules().size() > MAX_RULES) {
            throw S3Errors.malformedXml();
        }
        List<CorsRule> rules = new ArrayList<>();
        for (software.amazon.awssdk.services.s3.model.CORSRule rule : request.corsConfiguration().corsRules()) {
            if (!rule.hasAllowedMethods() || rule.allowedMethods().isEmpty() || !rule.hasAllowedOrigins()
                    || rule.allowedOrigins().isEmpty()) {
                throw S3Errors.malformedXml();
            }
            for (String method : rule.allowedMethods()) {
                if (!METHODS.contains(method)) {
                    throw S3Errors.invalidRequest("Found unsupported HTTP method in CORS config. Unsupported method is "
                            + method);
                }
            }
            for (String origin : rule.allowedOrigins()) {
                if (origin.indexOf('*') != origin.lastIndexOf('*')) {
                    throw S3Errors.invalidRequest("AllowedOrigin \"" + origin + "\" can not have more than one "
                            + "wildcard.");
                }
            }
            for (String header : rule.allowedHeaders()) {
                if (header.indexOf('*') != header.lastIndexOf('*')) {
                    throw S3Errors.invalidRequest("AllowedHeader \"" + header + "\" can not have more than one "
                            + "wildcard.");
                }
            }
            rules.add(new CorsRule(rule.id(), rule.allowedMethods(), rule.allowedOrigins(), rule.allowedHeaders(),
                    rule.exposeHeaders(), rule.maxAgeSeconds()));
        }
        store.updateBucket(bucket.name(), current -> current.withCors(rules));
        return PutBucketCorsResponse.builder().build();
    }

    public GetBucketCorsResponse getBucketCors(RequestContext context, GetBucketCorsRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        if (bucket.cors().isEmpty()) {
            throw S3Errors.noSuchCorsConfiguration(bucket.name());
        }
        return GetBucketCorsResponse.builder().corsRules(bucket.cors().stream().map(r ->
                software.amazon.awssdk.services.s3.model.CORSRule.builder().id(r.id())
                        .allowedMethods(r.allowedMethods()).allowedOrigins(r.allowedOrigins())
                        .allowedHeaders(r.allowedHeaders().isEmpty() ? null : r.allowedHeaders())
                        .exposeHeaders(r.exposeHeaders().isEmpty() ? null : r.exposeHeaders())
                        .maxAgeSeconds(r.maxAgeSeconds()).build()).toList()).build();
    }

    public DeleteBucketCorsResponse deleteBucketCors(RequestContext context, DeleteBucketCorsRequest request) {
        BucketRecord bucket = access.owned(context, request.bucket());
        store.updateBucket(bucket.name(), current -> current.withCors(List.of()));
        return DeleteBucketCorsResponse.builder().build();
    }
}
