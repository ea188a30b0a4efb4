package gluelab.cloud.protocol;

import gluelab.cloud.http.QueryString;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * One operation's HTTP binding, e.g. {@code POST /2015-03-31/functions/{FunctionName}/invocations}, read
 * from the SDK's own request marshaller so the routes match the clients exactly.
 */
public final class RestRoute {

    private record Segment(String literal, String label, boolean greedy) {
    }

    private final String operation;
    private final String method;
    private final List<Segment> segments = new ArrayList<>();
    private final Map<String, String> requiredQuery = new LinkedHashMap<>();
    private final boolean older;

    RestRoute(String operation, String method, String uriTemplate) {
        this(operation, method, uriTemplate, false);
    }

    private RestRoute(String operation, String method, String uriTemplate, boolean older) {
        this.operation = operation;
        this.method = method;
        this.older = older;
        String path = uriTemplate;
        int question = uriTemplate.indexOf('?');
        if (question >= 0) {
            path = uriTemplate.substring(0, question);
            for (QueryString.Pair pair : QueryString.parseUrlQuery(uriTemplate.substring(question + 1)).pairs()) {
                requiredQuery.put(pair.name(), pair.hasValue() ? pair.value() : null);
            }
        }
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                String label = part.substring(1, part.length() - 1);
                boolean greedy = label.endsWith("+");
                segments.add(new Segment(null, greedy ? label.substring(0, label.length() - 1) : label, greedy));
            } else {
                segments.add(new Segment(part, null, false));
            }
        }
    }

    /**
     * The route of an operation from its SDK marshaller. The SDK keeps it in a private field; if a new SDK moves
     * it, this fails with the reason, at start-up (see {@link RestJsonProtocolCodec#prepare}), rather than
     * leaving an operation that nothing can reach.
     */
    public static RestRoute fromSdk(String modelPackage, String operation) {
        return fromSdk(modelPackage, operation, operation);
    }

    /** As above, for an operation whose SDK class name ({@code className}Request) differs from its wire name. */
    public static RestRoute fromSdk(String modelPackage, String operation, String className) {
        String transform = modelPackage.substring(0, modelPackage.lastIndexOf('.')) + ".transform";
        String marshallerName = transform + "." + className + "RequestMarshaller";
        try {
            Class<?> marshaller = Class.forName(marshallerName);
            Field binding = marshaller.getDeclaredField("SDK_OPERATION_BINDING");
            binding.setAccessible(true);
            OperationInfo info = (OperationInfo) binding.get(null);
            return new RestRoute(operation, info.httpMethod().name(), info.requestUri());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the HTTP route of " + operation + " from the SDK's "
                    + marshallerName + ".SDK_OPERATION_BINDING (" + e + "); has the SDK changed where it keeps it?", e);
        }
    }

    /** A route older clients use ({@code "GET /v2/email/identities"}), whose members come in the query string. */
    public static RestRoute older(String operation, String methodAndUri) {
        int space = methodAndUri.indexOf(' ');
        return new RestRoute(operation, methodAndUri.substring(0, space), methodAndUri.substring(space + 1), true);
    }

    public String operation() {
        return operation;
    }

    /** Whether this is an older route, whose body members the client sends in the query string instead. */
    public boolean older() {
        return older;
    }

    /** More literal segments and required query parameters make a route more specific. */
    public int specificity() {
        int literals = (int) segments.stream().filter(s -> s.literal() != null).count();
        return literals * 10 + requiredQuery.size() * 5 + segments.size();
    }

    /** The decoded path labels if this route matches the request, else empty. */
    public Optional<Map<String, String>> match(String requestMethod, String rawPath, QueryString query) {
        if (!method.equals(requestMethod)) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> required : requiredQuery.entrySet()) {
            if (!query.has(required.getKey())
                    || (required.getValue() != null && !required.getValue().equals(query.get(required.getKey())))) {
                return Optional.empty();
            }
        }
        List<String> parts = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        for (Segment segment : segments) {
            if (segment.greedy()) {
                if (i >= parts.size()) {
                    return Optional.empty();
                }
                labels.put(segment.label(), QueryString.decode(String.join("/", parts.subList(i, parts.size())), false));
                i = parts.size();
                break;
            }
            if (i >= parts.size()) {
                return Optional.empty();
            }
            String decoded = QueryString.decode(parts.get(i), false);
            if (segment.literal() != null) {
                if (!segment.literal().equals(decoded)) {
                    return Optional.empty();
                }
            } else {
                labels.put(segment.label(), decoded);
            }
            i++;
        }
        return i == parts.size() ? Optional.of(labels) : Optional.empty();
    }
}
