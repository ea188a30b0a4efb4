package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Distributed Map's ItemBatcher ("ItemBatcher (Map)"): each child execution gets a batch of items as
 * {@code {"Items": [...]}}, with {@code "BatchInput"} beside them when the batcher has one. A batch holds at most
 * MaxItemsPerBatch items and at most MaxInputBytesPerBatch bytes of them (either may come from the input by its
 * {@code …Path}); one of the two is required.
 */
final class ItemBatcher {

    private static final Set<String> FIELDS = Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath",
            "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput");
    /** What AWS allows a child execution's input to be at most. */
    private static final int MAX_BYTES = 262_144;

    private final Integer maxItems;
    private final JsonPath maxItemsPath;
    private final Integer maxBytes;
    private final JsonPath maxBytesPath;
    private final PayloadTemplate batchInput;
    private final JsonataTemplate jsonataBatchInput;

    ItemBatcher(Fields batcher, boolean jsonata) {
        batcher.only(FIELDS);
        for (String field : List.of("MaxItemsPerBatch", "MaxInputBytesPerBatch")) {
            if (batcher.has(field) && batcher.has(field + "Path")) {
                throw Fields.schema("The ItemBatcher cannot have both '" + field + "' and '" + field + "Path'",
                        batcher.location);
            }
        }
        this.maxItems = batcher.integer("MaxItemsPerBatch", 1, Integer.MAX_VALUE);
        this.maxItemsPath = path(batcher, "MaxItemsPerBatchPath");
        this.maxBytes = batcher.integer("MaxInputBytesPerBatch", 1, MAX_BYTES);
        this.maxBytesPath = path(batcher, "MaxInputBytesPerBatchPath");
        if (maxItems == null && maxItemsPath == null && maxBytes == null && maxBytesPath == null) {
            throw Fields.schema("The ItemBatcher must have at least one of 'MaxItemsPerBatch', "
                    + "'MaxItemsPerBatchPath', 'MaxInputBytesPerBatch' or 'MaxInputBytesPerBatchPath'",
                    batcher.location);
        }
        this.batchInput = jsonata ? null : batcher.template("BatchInput");
        this.jsonataBatchInput = jsonata && batcher.has("BatchInput")
                ? new JsonataTemplate(batcher.raw("BatchInput"), batcher.at("BatchInput")) : null;
    }

    private static JsonPath path(Fields fields, String field) {
        String text = fields.string(field);
        return text == null ? null : fields.compile(field, text, true);
    }

    /** The items in batches, each a child execution's input. */
    List<MapRunHost.Batch> batch(ArrayNode items, JsonNode effectiveInput, JsonNode context, Branch branch) {
        PathRoots roots = State.roots(effectiveInput, context, branch);
        int itemLimit = limit(maxItems, maxItemsPath, "MaxItemsPerBatchPath", roots, Integer.MAX_VALUE);
        int byteLimit = limit(maxBytes, maxBytesPath, "MaxInputBytesPerBatchPath", roots, MAX_BYTES);
        JsonNode extra = batchInput != null ? batchInput.apply(roots)
                : jsonataBatchInput != null ? jsonataBatchInput.apply(State.statesVariable(effectiveInput, context),
                branch.variables()) : null;
        List<MapRunHost.Batch> batches = new ArrayList<>();
        ArrayNode current = JsonNodeFactory.instance.arrayNode();
        int bytes = 0;
        for (JsonNode item : items) {
            int size = item.toString().length();
            if (current.size() > 0 && (current.size() >= itemLimit || bytes + size > byteLimit)) {
                batches.add(batch(current, extra));
                current = JsonNodeFactory.instance.arrayNode();
                bytes = 0;
            }
            current.add(item);
            bytes += size;
        }
        if (current.size() > 0) {
            batches.add(batch(current, extra));
        }
        return batches;
    }

    private static MapRunHost.Batch batch(ArrayNode items, JsonNode extra) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        if (extra != null) {
            input.set("BatchInput", extra);
        }
        input.set("Items", items);
        return new MapRunHost.Batch(input, items.size());
    }

    private static int limit(Integer value, JsonPath path, String field, PathRoots roots, int otherwise) {
        if (path == null) {
            return value == null ? otherwise : value;
        }
        JsonNode input = roots.data();
        JsonNode read = path.read(roots).orElse(null);
        if (read == null || !read.isIntegralNumber() || read.asLong() < 1) {
            throw StatesError.runtime("The " + field + " '" + path + "' must point to a positive integer in the "
                    + "input '" + input + "'");
        }
        return (int) Math.min(read.asLong(), otherwise);
    }
}
