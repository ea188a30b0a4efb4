package gluelab.cloud.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.shape.JsonShapeCodec;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stores an item in DynamoDB's own JSON form ({@code {"id": {"S": "a"}}}), the form the wire uses. */
final class ItemCodec implements Codec<Map<String, AttributeValue>> {

    static final ItemCodec INSTANCE = new ItemCodec();

    static ObjectNode write(Map<String, AttributeValue> item) {
        ObjectNode json = Json.object();
        item.forEach((name, value) -> json.set(name, JsonShapeCodec.write(value)));
        return json;
    }

    @Override
    public JsonNode encode(Map<String, AttributeValue> item) {
        return write(item);
    }

    @Override
    public Map<String, AttributeValue> decode(JsonNode json) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            item.put(field.getKey(), JsonShapeCodec.read(field.getValue(), AttributeValue.class));
        }
        return item;
    }
}
