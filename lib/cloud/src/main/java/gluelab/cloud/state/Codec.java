package gluelab.cloud.state;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a stored value into JSON for the journal and back. */
public interface Codec<V> {

    JsonNode encode(V value);

    V decode(JsonNode json);

    /** A codec for records and plain classes, through Jackson. */
    static <V> Codec<V> of(Class<V> type) {
        return new Codec<>() {
            @Override
            public JsonNode encode(V value) {
                return Json.MAPPER.valueToTree(value);
            }

            @Override
            public V decode(JsonNode json) {
                try {
                    return Json.MAPPER.treeToValue(json, type);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot read stored " + type.getSimpleName() + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
