package gluelab.cloud.services.glue.crawlers.inference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Glue's built-in JSON classifier over a text sample: JSON lines (one object per line) or a file holding
 * one array of objects. Objects become {@code struct<…>}, arrays {@code array<…>}, integers {@code int}
 * or {@code bigint}, numbers with a fraction {@code double}; types widen across records and nulls are ignored.
 */
final class JsonClassifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonClassifier() {
    }

    /** The schema, or null when the sample is not JSON objects. */
    static FileSchema classify(TextSample sample, long objectSize) {
        String text = sample.text().stripLeading();
        if (text.isEmpty() || (text.charAt(0) != '{' && text.charAt(0) != '[')) {
            return null;
        }
        Map<String, HiveType> columns = new LinkedHashMap<>();
        long records = 0;
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            parser.setCodec(JSON);
            JsonToken first = parser.nextToken();
            boolean array = first == JsonToken.START_ARRAY;
            JsonToken token = array ? parser.nextToken() : first;
            while (token != null && token != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    return null;
                }
                JsonNode record;
                try {
                    record = parser.readValueAsTree();
                } catch (IOException truncatedAtSampleEnd) {
                    if (sample.complete() || records == 0) {
                        return null;
                    }
                    break;
                }
                columns = HiveType.mergeFields(columns, ((HiveType.Struct) typeOf(record)).fields());
                records++;
                token = nextTokenOrEnd(parser, sample);
            }
        } catch (IOException notJson) {
            if (records == 0 || sample.complete()) {
                return null;
            }
        }
        if (records == 0) {
            return null;
        }
        return new FileSchema("json", columns, StorageFormat.json(String.join(",", columns.keySet())), Map.of(),
                sample.estimateRecords(records, objectSize), sample.compressionType());
    }

    private static JsonToken nextTokenOrEnd(JsonParser parser, TextSample sample) throws IOException {
        try {
            return parser.nextToken();
        } catch (IOException cut) {
            if (sample.complete()) {
                throw cut;
            }
            return null;
        }
    }

    /** A value's type; null for JSON null, so that it never decides a column's type. */
    static HiveType typeOf(JsonNode node) {
        if (node.isObject()) {
            Map<String, HiveType> fields = new LinkedHashMap<>();
            node.properties().forEach(field -> fields.put(field.getKey().toLowerCase(java.util.Locale.ROOT),
                    HiveType.widen(fields.get(field.getKey()), typeOf(field.getValue()))));
            return new HiveType.Struct(fields);
        }
        if (node.isArray()) {
            HiveType element = null;
            for (JsonNode item : node) {
                element = HiveType.widen(element, typeOf(item));
            }
            return new HiveType.ArrayOf(element);
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return HiveType.BOOLEAN;
        }
        if (node.isInt()) {
            return HiveType.INT;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? HiveType.BIGINT : HiveType.DOUBLE;
        }
        if (node.isNumber()) {
            return HiveType.DOUBLE;
        }
        return HiveType.STRING;
    }
}
