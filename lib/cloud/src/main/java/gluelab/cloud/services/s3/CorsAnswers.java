package gluelab.cloud.services.s3;

import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.CorsRule;
import gluelab.cloud.services.s3.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A bucket's CORS rules applied as S3 applies them: a preflight ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}) is answered from the first rule that allows the origin, the method and every
 * requested header, or refused with 403; an actual request from an allowed origin gets the
 * {@code Access-Control-Allow-*} headers of the rule it matches. Preflights are never signed, so they are answered
 * before authentication.
 */
final class CorsAnswers {

    private static final String VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";

    private final ObjectStore store;

    CorsAnswers(ObjectStore store) {
        this.store = store;
    }

    /** The answer to a preflight of {@code bucket} (or an object in it), or the error S3 gives instead. */
    HttpResponse preflight(HttpExchange exchange, String bucket, String resourceType) {
        String origin = exchange.header("Origin");
        if (origin == null) {
            throw new AwsServiceException("BadRequest", "Insufficient information. Origin request header needed.", 400);
        }
        String method = exchange.header("Access-Control-Request-Method");
        if (method == null) {
            throw new AwsServiceException("BadRequest", "Invalid Access-Control-Request-Method: null", 400);
        }
        BucketRecord record = store.bucket(bucket).orElseThrow(() -> S3Errors.noSuchBucket(bucket));
        if (record.cors().isEmpty()) {
            throw forbidden("CORSResponse: CORS is not enabled for this bucket.", resourceType);
        }
        List<String> requestedHeaders = headerList(exchange.header("Access-Control-Request-Headers"));
        CorsRule rule = matching(record, origin, method, requestedHeaders).orElseThrow(() -> forbidden(
                "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, "
                        + "request method / Access-Control-Request-Method or Access-Control-Request-Headers are not "
                        + "whitelisted by the resource's CORS spec.", resourceType));
        HttpResponse out = allowed(new HttpResponse(200), rule, origin);
        if (!requestedHeaders.isEmpty()) {
            out.header("Access-Control-Allow-Headers", String.join(", ", requestedHeaders));
        }
        return out;
    }

    /** The CORS headers an actual request from an allowed origin gets; nothing for one without an Origin. */
    void decorate(HttpExchange exchange, String bucket, HttpResponse out) {
        String origin = exchange == null ? null : exchange.header("Origin");
        if (origin == null || bucket == null) {
            return;
        }
        store.bucket(bucket).flatMap(record -> matching(record, origin, exchange.method(), List.of()))
                .ifPresent(rule -> allowed(out, rule, origin));
    }

    private static HttpResponse allowed(HttpResponse out, CorsRule rule, String origin) {
        boolean anyOrigin = rule.allowedOrigins().contains("*");
        out.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin)
                .header("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
        if (!rule.exposeHeaders().isEmpty()) {
            out.header("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        if (rule.maxAgeSeconds() != null) {
            out.header("Access-Control-Max-Age", rule.maxAgeSeconds().toString());
        }
        if (!anyOrigin) {
            out.header("Access-Control-Allow-Credentials", "true");
        }
        return out.header("Vary", VARY);
    }

    private static Optional<CorsRule> matching(BucketRecord bucket, String origin, String method, List<String> headers) {
        for (CorsRule rule : bucket.cors()) {
            if (rule.allowedMethods().contains(method)
                    && rule.allowedOrigins().stream().anyMatch(allowed -> matches(allowed, origin, false))
                    && headers.stream().allMatch(h -> rule.allowedHeaders().stream().anyMatch(a -> matches(a, h, true)))) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** A CORS pattern: the value itself, or with one {@code *} standing for any run of characters. */
    private static boolean matches(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int star = p.indexOf('*');
        if (star < 0) {
            return p.equals(v);
        }
        String prefix = p.substring(0, star);
        String suffix = p.substring(star + 1);
        return v.length() >= prefix.length() + suffix.length() && v.startsWith(prefix) && v.endsWith(suffix);
    }

    private static List<String> headerList(String header) {
        List<String> names = new ArrayList<>();
        if (header != null) {
            for (String name : header.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static AwsServiceException forbidden(String message, String resourceType) {
        return new AwsServiceException("AccessForbidden", message, 403).with("Method", "OPTIONS")
                .with("ResourceType", resourceType);
    }
}
