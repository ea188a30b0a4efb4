package gluelab.cloud.services.s3;

import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.QueryString;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.protocols.core.OperationInfo;
import software.amazon.awssdk.services.s3.model.S3Request;

/**
 * S3's routing: which operation a request calls, from its method, whether it addresses the service, a
 * bucket or an object, the sub-resource keys of its query ({@code ?uploads}, {@code ?uploadId=},
 * {@code ?list-type=2}) and, for copies, the {@code x-amz-copy-source} header.
 *
 * <p>The operations Lab Cloud implements are listed here, most specific first. Any other sub-resource
 * request (say {@code GET /bucket?acl}) is matched against the SDK's own operation bindings so that it is
 * answered honestly as a real operation not implemented yet, never misread as a plain GET.
 */
final class S3Routes {

    enum Level { SERVICE, BUCKET, OBJECT }

    record Route(String method, Level level, String operation, List<String> query, String queryValue,
                 String header) {

        boolean matches(String requestMethod, Level requestLevel, QueryString params, HttpExchange exchange) {
            if (!method.equals(requestMethod) || level != requestLevel) {
                return false;
            }
            for (String name : query) {
                if (!params.has(name)) {
                    return false;
                }
            }
            if (queryValue != null && !queryValue.equals(params.get(query.get(0)))) {
                return false;
            }
            return header == null || exchange.header(header) != null;
        }
    }

    private static final String COPY_SOURCE = "x-amz-copy-source";

    private static final List<Route> IMPLEMENTED = List.of(
            route("GET", Level.SERVICE, "ListBuckets"),
            route("PUT", Level.BUCKET, "PutBucketNotificationConfiguration", "notification"),
            route("GET", Level.BUCKET, "GetBucketNotificationConfiguration", "notification"),
            route("GET", Level.BUCKET, "GetBucketLocation", "location"),
            route("GET", Level.BUCKET, "ListMultipartUploads", "uploads"),
            route("PUT", Level.BUCKET, "PutBucketVersioning", "versioning"),
            route("GET", Level.BUCKET, "GetBucketVersioning", "versioning"),
            route("GET", Level.BUCKET, "ListObjectVersions", "versions"),
            route("PUT", Level.BUCKET, "PutBucketTagging", "tagging"),
            route("GET", Level.BUCKET, "GetBucketTagging", "tagging"),
            route("DELETE", Level.BUCKET, "DeleteBucketTagging", "tagging"),
            route("PUT", Level.OBJECT, "PutObjectTagging", "tagging"),
            route("GET", Level.OBJECT, "GetObjectTagging", "tagging"),
            route("DELETE", Level.OBJECT, "DeleteObjectTagging", "tagging"),
            new Route("GET", Level.BUCKET, "ListObjectsV2", List.of("list-type"), "2", null),
            route("POST", Level.BUCKET, "DeleteObjects", "delete"),
            new Route("PUT", Level.OBJECT, "UploadPartCopy", List.of("partNumber", "uploadId"), null, COPY_SOURCE),
            route("PUT", Level.OBJECT, "UploadPart", "partNumber", "uploadId"),
            route("GET", Level.OBJECT, "ListParts", "uploadId"),
            route("GET", Level.OBJECT, "GetObjectAttributes", "attributes"),
            route("DELETE", Level.OBJECT, "AbortMultipartUpload", "uploadId"),
            route("POST", Level.OBJECT, "CreateMultipartUpload", "uploads"),
            route("POST", Level.OBJECT, "CompleteMultipartUpload", "uploadId"),
            new Route("PUT", Level.OBJECT, "CopyObject", List.of(), null, COPY_SOURCE));

    /** Requests without a sub-resource; tried after every sub-resource route, implemented or not. */
    private static final List<Route> PLAIN = List.of(
            route("PUT", Level.BUCKET, "CreateBucket"),
            route("HEAD", Level.BUCKET, "HeadBucket"),
            route("DELETE", Level.BUCKET, "DeleteBucket"),
            route("POST", Level.BUCKET, "PostObject"),
            route("GET", Level.BUCKET, "ListObjects"),
            route("PUT", Level.OBJECT, "PutObject"),
            route("GET", Level.OBJECT, "GetObject"),
            route("HEAD", Level.OBJECT, "HeadObject"),
            route("DELETE", Level.OBJECT, "DeleteObject"));

    private static final List<Route> MODEL_SUB_RESOURCES = modelSubResources();

    private S3Routes() {
    }

    private static Route route(String method, Level level, String operation, String... query) {
        return new Route(method, level, operation, List.of(query), null, null);
    }

    static Level levelOf(S3Address address) {
        return address.bucket() == null ? Level.SERVICE : address.key() == null ? Level.BUCKET : Level.OBJECT;
    }

    /** The operation this request calls, or empty if S3 has none for it (405 MethodNotAllowed). */
    static Optional<String> operation(HttpExchange exchange, S3Address address) {
        Level level = levelOf(address);
        QueryString query = exchange.query();
        String method = exchange.method();
        for (List<Route> routes : List.of(IMPLEMENTED, MODEL_SUB_RESOURCES, PLAIN)) {
            for (Route route : routes) {
                if (route.matches(method, level, query, exchange)) {
                    return Optional.of(route.operation());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every S3 operation whose SDK binding names a sub-resource ({@code GET ?acl}, {@code PUT /{Key+}?tagging}),
     * read from the SDK's request marshallers, so unimplemented ones are recognised for what they are.
     */
    private static List<Route> modelSubResources() {
        List<Route> routes = new ArrayList<>();
        String transform = "software.amazon.awssdk.services.s3.transform.";
        for (Class<?> request : S3RequestTypes.all()) {
            String operation = request.getSimpleName().substring(0, request.getSimpleName().length() - "Request".length());
            try {
                Class<?> marshaller = Class.forName(transform + operation + "RequestMarshaller");
                Field binding = marshaller.getDeclaredField("SDK_OPERATION_BINDING");
                binding.setAccessible(true);
                OperationInfo info = (OperationInfo) binding.get(null);
                String uri = info.requestUri();
                int question = uri.indexOf('?');
                if (question < 0) {
                    continue;
                }
                List<String> keys = new ArrayList<>();
                String value = null;
                for (QueryString.Pair pair : QueryString.parseUrlQuery(uri.substring(question + 1)).pairs()) {
                    if (pair.name().equals("x-id")) {
                        continue;
                    }
                    keys.add(pair.name());
                    if (pair.hasValue() && keys.size() == 1) {
                        value = pair.value();
                    }
                }
                if (keys.isEmpty()) {
                    continue;
                }
                Level level = uri.startsWith("/{Key+}") ? Level.OBJECT : Level.BUCKET;
                routes.add(new Route(info.httpMethod().name(), level, operation, keys, value, null));
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // Not an operation with a binding of its own.
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.query().size()).reversed());
        return routes;
    }

    /** The request classes of the S3 model, found beside {@link S3Request}. */
    static final class S3RequestTypes {
        private S3RequestTypes() {
        }

        static List<Class<?>> all() {
            List<Class<?>> out = new ArrayList<>();
            for (java.lang.reflect.Method method : software.amazon.awssdk.services.s3.S3Client.class.getMethods()) {
                Class<?>[] params = method.getParameterTypes();
                if (params.length == 1 && S3Request.class.isAssignableFrom(params[0]) && !out.contains(params[0])) {
                    out.add(params[0]);
                }
            }
            return out;
        }
    }
}
