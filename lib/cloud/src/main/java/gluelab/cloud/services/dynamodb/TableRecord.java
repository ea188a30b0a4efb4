package gluelab.cloud.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.shape.JsonShapeCodec;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A table as stored: its description as DescribeTable answers it (without the live item count and size), and the
 * lab time at which what is being created (the table, or an index UpdateTable added) becomes ACTIVE.
 */
record TableRecord(TableDescription description, long settlesAt) {

    static final Codec<TableRecord> CODEC = new Codec<>() {
        @Override
        public JsonNode encode(TableRecord table) {
            ObjectNode json = Json.object();
            json.set("description", JsonShapeCodec.write(table.description()));
            json.put("settlesAt", table.settlesAt());
            return json;
        }

        @Override
        public TableRecord decode(JsonNode json) {
            return new TableRecord(JsonShapeCodec.read(json.get("description"), TableDescription.class),
                    json.get("settlesAt").asLong());
        }
    };

    String name() {
        return description.tableName();
    }

    KeySchema key() {
        return KeySchema.of(description.keySchema(), description.attributeDefinitions());
    }

    /** The key of each secondary index, by index name: global ones first, then local ones. */
    Map<String, KeySchema> indexes() {
        Map<String, KeySchema> indexes = new LinkedHashMap<>();
        for (GlobalSecondaryIndexDescription index : description.globalSecondaryIndexes()) {
            indexes.put(index.indexName(), KeySchema.of(index.keySchema(), description.attributeDefinitions()));
        }
        for (LocalSecondaryIndexDescription index : description.localSecondaryIndexes()) {
            indexes.put(index.indexName(), KeySchema.of(index.keySchema(), description.attributeDefinitions()));
        }
        return indexes;
    }

    /** The table as it is at {@code now}: CREATING and UPDATING turn ACTIVE once the settle time has passed. */
    TableRecord at(long now) {
        if (now < settlesAt || description.tableStatus() == TableStatus.ACTIVE
                && description.globalSecondaryIndexes().stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE)) {
            return this;
        }
        List<GlobalSecondaryIndexDescription> indexes = description.globalSecondaryIndexes().stream()
                .map(index -> index.toBuilder().indexStatus(IndexStatus.ACTIVE).backfilling(null).build()).toList();
        return new TableRecord(description.toBuilder().tableStatus(TableStatus.ACTIVE)
                .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes).build(), settlesAt);
    }

    boolean isActive() {
        return description.tableStatus() == TableStatus.ACTIVE;
    }
}
