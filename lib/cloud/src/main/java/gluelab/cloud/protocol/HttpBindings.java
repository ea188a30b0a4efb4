package gluelab.cloud.protocol;

import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.http.QueryString;
import gluelab.cloud.shape.ScalarText;
import gluelab.cloud.shape.ShapeReadException;
import gluelab.cloud.shape.Shapes;
import gluelab.cloud.shape.TimestampFormats;
import gluelab.cloud.shape.XmlShapeCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.JsonValueTrait;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * The HTTP bindings of the REST protocols (REST-JSON and S3's REST-XML): members carried in path
 * labels, query parameters, headers and the status code, read and written from the shapes' metadata.
 */
public final class HttpBindings {

    private HttpBindings() {
    }

    public static boolean inPayload(SdkField<?> field) {
        return field.location() == MarshallLocation.PAYLOAD;
    }

    /** The member that is the whole payload (a blob, a string or a structure), if the shape has one. */
    public static SdkField<?> explicitPayload(List<SdkField<?>> fields) {
        for (SdkField<?> field : fields) {
            if (field.containsTrait(PayloadTrait.class)) {
                return field;
            }
        }
        return null;
    }

    /** Fills the path-, query- and header-bound members of a request builder. */
    public static void bindRequest(SdkPojo builder, HttpExchange exchange, Map<String, String> pathLabels) {
        Set<String> boundQueryNames = builder.sdkFields().stream()
                .filter(f -> f.location() == MarshallLocation.QUERY_PARAM
                        && f.marshallingType().getKnownType() != MarshallingKnownType.MAP)
                .map(SdkField::locationName).collect(Collectors.toSet());
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = switch (field.location()) {
                case PATH, GREEDY_PATH -> {
                    String label = pathLabels.get(field.locationName());
                    yield label == null ? null : ScalarText.read(label, field, field.locationName());
                }
                case QUERY_PARAM -> queryValue(exchange.query(), field, boundQueryNames);
                case HEADER -> headerValue(exchange, field);
                default -> null;
            };
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    /** For an older route: the scalar body members the client sent in the query string, under their names. */
    public static void bindPayloadMembersFromQuery(SdkPojo builder, QueryString query) {
        for (SdkField<?> field : builder.sdkFields()) {
            MarshallingKnownType type = field.marshallingType().getKnownType();
            if (inPayload(field) && type != MarshallingKnownType.SDK_POJO && type != MarshallingKnownType.MAP
                    && query.has(field.locationName())) {
                field.set(builder, queryValue(query, field, Set.of()));
            }
        }
    }

    private static Object queryValue(QueryString query, SdkField<?> field, Set<String> boundNames) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == MarshallingKnownType.MAP) {
            Map<String, String> rest = new LinkedHashMap<>();
            query.asMap().forEach((name, values) -> {
                if (!boundNames.contains(name)) {
                    rest.put(name, values.get(0));
                }
            });
            return rest.isEmpty() ? null : rest;
        }
        if (!query.has(field.locationName())) {
            return null;
        }
        if (type == MarshallingKnownType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> items = new ArrayList<>();
            for (String value : query.getAll(field.locationName())) {
                items.add(ScalarText.read(value, member, field.locationName()));
            }
            return items;
        }
        String value = query.get(field.locationName());
        return type == MarshallingKnownType.INSTANT ? TimestampFormats.parse(value)
                : ScalarText.read(value, field, field.locationName());
    }

    private static Object headerValue(HttpExchange exchange, SdkField<?> field) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        String name = field.locationName();
        if (type == MarshallingKnownType.MAP) {
            String prefix = name.toLowerCase(Locale.ROOT);
            Map<String, String> values = new LinkedHashMap<>();
            for (String header : exchange.headerNames()) {
                if (header.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    values.put(header.substring(prefix.length()).toLowerCase(Locale.ROOT), exchange.header(header));
                }
            }
            return values.isEmpty() ? null : values;
        }
        String value = exchange.header(name);
        if (value == null) {
            return null;
        }
        if (type == MarshallingKnownType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> items = new ArrayList<>();
            for (String part : value.split(",")) {
                items.add(ScalarText.read(part.trim(), member, name));
            }
            return items;
        }
        if (field.containsTrait(JsonValueTrait.class)) {
            try {
                return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ShapeReadException("Header " + name + " is not valid base64");
            }
        }
        return ScalarText.read(value, field, name);
    }

    /**
     * Writes a response's header-bound members.
     *
     * @return the status code member's value, or {@code defaultStatus}
     */
    public static int writeResponseHeaders(SdkPojo response, HttpResponse out, int defaultStatus) {
        int status = defaultStatus;
        for (SdkField<?> field : response.sdkFields()) {
            Object value = field.getValueOrDefault(response);
            if (Shapes.isUnset(value)) {
                continue;
            }
            if (field.location() == MarshallLocation.STATUS_CODE) {
                status = (Integer) value;
            } else if (field.location() == MarshallLocation.HEADER) {
                writeHeader(out, field, value);
            }
        }
        return status;
    }

    private static void writeHeader(HttpResponse out, SdkField<?> field, Object value) {
        String name = field.locationName();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.header(name + k, String.valueOf(v)));
        } else if (value instanceof List<?> list) {
            out.header(name, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else if (value instanceof Instant instant) {
            out.header(name, TimestampFormats.format(instant,
                    TimestampFormats.formatOf(field, TimestampFormatTrait.Format.RFC_822)));
        } else if (field.containsTrait(JsonValueTrait.class)) {
            out.header(name, Base64.getEncoder().encodeToString(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        } else {
            out.header(name, XmlShapeCodec.scalarText(value, field));
        }
    }
}
