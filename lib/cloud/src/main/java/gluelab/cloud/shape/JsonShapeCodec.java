package gluelab.cloud.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * SDK model shapes to and from JSON, driven by the shapes' own field metadata. Used by the JSON and
 * REST-JSON protocols and by the state journal, so stored resources have their wire form.
 */
public final class JsonShapeCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonShapeCodec() {
    }

    // ---- writing -------------------------------------------------------------------------------

    public static ObjectNode write(SdkPojo shape) {
        return write(shape, field -> true);
    }

    /** Writes the members of {@code shape} that {@code include} accepts, skipping unset ones. */
    public static ObjectNode write(SdkPojo shape, Predicate<SdkField<?>> include) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> field : shape.sdkFields()) {
            if (!include.test(field)) {
                continue;
            }
            Object value = field.getValueOrDefault(shape);
            if (Shapes.isUnset(value)) {
                continue;
            }
            out.set(field.locationName(), writeValue(value, field));
        }
        return out;
    }

    public static JsonNode writeValue(Object value, SdkField<?> field) {
        return switch (field.marshallingType().getKnownType()) {
            case STRING -> NODES.textNode((String) value);
            case INTEGER -> NODES.numberNode((Integer) value);
            case LONG -> NODES.numberNode((Long) value);
            case SHORT -> NODES.numberNode((Short) value);
            case BYTE -> NODES.numberNode((Byte) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case BIG_DECIMAL -> NODES.numberNode((BigDecimal) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case INSTANT -> writeInstant((Instant) value, field);
            case SDK_BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
            case SDK_POJO -> write((SdkPojo) value);
            case LIST -> {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                ArrayNode array = NODES.arrayNode();
                for (Object item : (List<?>) value) {
                    array.add(item == null ? NODES.nullNode() : writeValue(item, member));
                }
                yield array;
            }
            case MAP -> {
                SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    object.set(String.valueOf(entry.getKey()),
                            entry.getValue() == null ? NODES.nullNode() : writeValue(entry.getValue(), valueField));
                }
                yield object;
            }
            case DOCUMENT -> writeDocument((Document) value);
            case NULL -> NODES.nullNode();
        };
    }

    private static JsonNode writeInstant(Instant instant, SdkField<?> field) {
        TimestampFormatTrait.Format format = TimestampFormats.formatOf(field, TimestampFormatTrait.Format.UNIX_TIMESTAMP);
        return format == TimestampFormatTrait.Format.UNIX_TIMESTAMP
                ? NODES.numberNode(TimestampFormats.epochSeconds(instant))
                : NODES.textNode(TimestampFormats.format(instant, format));
    }

    private static JsonNode writeDocument(Document document) {
        if (document == null || document.isNull()) {
            return NODES.nullNode();
        }
        if (document.isString()) {
            return NODES.textNode(document.asString());
        }
        if (document.isBoolean()) {
            return NODES.booleanNode(document.asBoolean());
        }
        if (document.isNumber()) {
            return NODES.numberNode(document.asNumber().bigDecimalValue());
        }
        if (document.isList()) {
            ArrayNode array = NODES.arrayNode();
            document.asList().forEach(d -> array.add(writeDocument(d)));
            return array;
        }
        ObjectNode object = NODES.objectNode();
        document.asMap().forEach((k, v) -> object.set(k, writeDocument(v)));
        return object;
    }

    /**
     * Copies the members two shapes share by wire name, e.g. a {@code CreateJobRequest} or {@code JobUpdate}
     * into a {@code Job}: AWS request shapes repeat the resource's member names.
     */
    public static <T> T convert(SdkPojo from, Class<T> to) {
        return read(write(from), to);
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Reads a whole top-level shape, e.g. a {@code CreateJobRequest}, from a JSON object. */
    public static <T> T read(JsonNode json, Class<T> shapeClass) {
        SdkPojo builder = Shapes.newBuilder(shapeClass);
        readInto(json, builder, field -> true);
        return Shapes.build(builder);
    }

    /**
     * Reads a whole top-level shape from JSON that names every member, at every depth, as the service's model does
     * ({@code JobName}, {@code Bucket}), whatever its wire name (a header, a query parameter): the request JSON
     * EventBridge Scheduler's universal targets hold.
     */
    public static <T> T readByMemberNames(JsonNode json, Class<T> shapeClass) {
        SdkPojo builder = Shapes.newBuilder(shapeClass);
        readInto(json, builder, field -> true, SdkField::memberName);
        return Shapes.build(builder);
    }

    /** Fills the members of {@code builder} that {@code include} accepts from a JSON object. */
    public static void readInto(JsonNode json, SdkPojo builder, Predicate<SdkField<?>> include) {
        readInto(json, builder, include, SdkField::locationName);
    }

    /** As above, finding each member in the JSON by the name {@code naming} gives it. */
    private static void readInto(JsonNode json, SdkPojo builder, Predicate<SdkField<?>> include,
                                 Function<SdkField<?>, String> naming) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return;
        }
        if (!json.isObject()) {
            throw new ShapeReadException("Expected a JSON object but found " + describe(json));
        }
        Map<String, SdkField<?>> byName = new LinkedHashMap<>();
        for (SdkField<?> field : builder.sdkFields()) {
            if (include.test(field)) {
                byName.put(naming.apply(field), field);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> members = json.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            SdkField<?> field = byName.get(member.getKey());
            if (field == null || member.getValue().isNull()) {
                continue;
            }
            field.set(builder, readValue(member.getValue(), field, member.getKey(), naming));
        }
    }

    public static Object readValue(JsonNode node, SdkField<?> field, String path) {
        return readValue(node, field, path, SdkField::locationName);
    }

    private static Object readValue(JsonNode node, SdkField<?> field, String path, Function<SdkField<?>, String> naming) {
        switch (field.marshallingType().getKnownType()) {
            case STRING:
                if (!node.isTextual()) {
                    throw mismatch(path, "a string", node);
                }
                return node.textValue();
            case INTEGER:
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    throw mismatch(path, "an integer", node);
                }
                return node.intValue();
            case LONG:
                if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                    throw mismatch(path, "a long integer", node);
                }
                return node.longValue();
            case SHORT:
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    throw mismatch(path, "a short integer", node);
                }
                return (short) node.intValue();
            case BYTE:
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    throw mismatch(path, "a byte", node);
                }
                return (byte) node.intValue();
            case FLOAT:
                return (float) readDouble(node, path);
            case DOUBLE:
                return readDouble(node, path);
            case BIG_DECIMAL:
                if (!node.isNumber()) {
                    throw mismatch(path, "a number", node);
                }
                return node.decimalValue();
            case BOOLEAN:
                if (!node.isBoolean()) {
                    throw mismatch(path, "a boolean", node);
                }
                return node.booleanValue();
            case INSTANT:
                if (node.isNumber()) {
                    return TimestampFormats.fromEpochSeconds(node.decimalValue());
                }
                if (node.isTextual()) {
                    return TimestampFormats.parse(node.textValue());
                }
                throw mismatch(path, "a timestamp", node);
            case SDK_BYTES:
                if (!node.isTextual()) {
                    throw mismatch(path, "base64 text", node);
                }
                try {
                    return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(node.textValue()));
                } catch (IllegalArgumentException e) {
                    throw new ShapeReadException("'" + path + "' is not valid base64");
                }
            case SDK_POJO: {
                if (!node.isObject()) {
                    throw mismatch(path, "an object", node);
                }
                SdkPojo nested = field.constructor().get();
                readInto(node, nested, f -> true, naming);
                return Shapes.build(nested);
            }
            case LIST: {
                if (!node.isArray()) {
                    throw mismatch(path, "a list", node);
                }
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                List<Object> list = new ArrayList<>(node.size());
                int index = 0;
                for (JsonNode item : node) {
                    list.add(item.isNull() ? null : readValue(item, member, path + "[" + index++ + "]", naming));
                }
                return list;
            }
            case MAP: {
                if (!node.isObject()) {
                    throw mismatch(path, "a map", node);
                }
                SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    map.put(entry.getKey(), entry.getValue().isNull() ? null
                            : readValue(entry.getValue(), valueField, path + "." + entry.getKey(), naming));
                }
                return map;
            }
            case DOCUMENT:
                return readDocument(node);
            default:
                return null;
        }
    }

    private static double readDouble(JsonNode node, String path) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw mismatch(path, "a number", node);
    }

    public static Document readDocument(JsonNode node) {
        if (node == null || node.isNull()) {
            return Document.fromNull();
        }
        if (node.isTextual()) {
            return Document.fromString(node.textValue());
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(SdkNumber.fromBigDecimal(node.decimalValue()));
        }
        if (node.isArray()) {
            List<Document> items = new ArrayList<>();
            node.forEach(item -> items.add(readDocument(item)));
            return Document.fromList(items);
        }
        Map<String, Document> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), readDocument(e.getValue())));
        return Document.fromMap(map);
    }

    private static ShapeReadException mismatch(String path, String expected, JsonNode found) {
        return new ShapeReadException("Unexpected value for '" + path + "': expected " + expected
                + " but found " + describe(found));
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().name().toLowerCase();
    }
}
