package gluelab.cloud.services.dynamodb;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * DynamoDB in one account and region: the tables, their items (keyed {@code table/encoded key}, so a table is one
 * range and a partition one range within it, in DynamoDB's key order), tags and TTL settings, each in a durable
 * map. Every write to a table's items is made holding that table's lock ({@link #lock}), which makes conditional
 * writes atomic.
 */
final class DynamoDbState {

    /** A table's tags. */
    record TableTags(Map<String, String> tags) {
    }

    final Scope scope;
    private final DurableMap<TableRecord> tables;
    private final DurableMap<Map<String, AttributeValue>> items;
    private final DurableMap<TableTags> tags;
    private final DurableMap<TimeToLiveDescription> timeToLive;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    DynamoDbState(Scope scope, StateStore store) {
        this.scope = scope;
        this.tables = store.map(scope.mapName(DynamoDbProvider.SERVICE, "tables"), TableRecord.CODEC);
        this.items = store.map(scope.mapName(DynamoDbProvider.SERVICE, "items"), ItemCodec.INSTANCE);
        this.tags = store.map(scope.mapName(DynamoDbProvider.SERVICE, "tags"), Codec.of(TableTags.class));
        this.timeToLive = store.map(scope.mapName(DynamoDbProvider.SERVICE, "time-to-live"),
                ShapeCodec.of(TimeToLiveDescription.class));
    }

    Object lock(String table) {
        return locks.computeIfAbsent(table, name -> new Object());
    }

    // ---- tables ----------------------------------------------------------------------------------------

    Optional<TableRecord> find(String name, long now) {
        if (name == null) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'tableName' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        return tables.find(name).map(table -> settled(table, now));
    }

    private TableRecord settled(TableRecord table, long now) {
        TableRecord current = table.at(now);
        if (current != table) {
            tables.put(current.name(), current);
        }
        return current;
    }

    /** The table for DescribeTable, UpdateTable and the like. */
    TableRecord require(String name, long now) {
        return find(name, now).orElseThrow(() -> DynamoDbErrors.tableNotFound(name));
    }

    /** The table for reading and writing items: it must exist and be ACTIVE, as AWS requires. */
    TableRecord requireActive(String name, long now) {
        return find(name, now).filter(TableRecord::isActive).orElseThrow(DynamoDbErrors::resourceNotFound);
    }

    Collection<TableRecord> tables() {
        return tables.values();
    }

    void putTable(TableRecord table) {
        tables.put(table.name(), table);
    }

    void deleteTable(String name) {
        synchronized (lock(name)) {
            tables.remove(name);
            tags.remove(name);
            timeToLive.remove(name);
            for (String key : List.copyOf(tableItems(name).keySet())) {
                items.remove(key);
            }
        }
    }

    // ---- items (writers hold the table's lock) ---------------------------------------------------------------

    private static String itemKey(String table, String encodedKey) {
        return table + "/" + encodedKey;
    }

    Map<String, AttributeValue> item(String table, String encodedKey) {
        return items.get(itemKey(table, encodedKey));
    }

    void putItem(String table, String encodedKey, Map<String, AttributeValue> item) {
        items.put(itemKey(table, encodedKey), item);
    }

    void removeItem(String table, String encodedKey) {
        items.remove(itemKey(table, encodedKey));
    }

    /** The table's items in key order, keyed by their encoded key within the table. */
    java.util.NavigableMap<String, Map<String, AttributeValue>> tableItems(String table) {
        return items.view().subMap(table + "/", true, table + "/\uffff", false);
    }

    /** One partition's items in sort-key order. */
    java.util.NavigableMap<String, Map<String, AttributeValue>> partitionItems(String table, String prefix) {
        return items.view().subMap(itemKey(table, prefix), true, itemKey(table, prefix) + "\uffff", false);
    }

    // ---- tags and time to live ---------------------------------------------------------------------------

    Map<String, String> tags(String table) {
        return tags.find(table).map(TableTags::tags).orElse(Map.of());
    }

    void putTags(String table, Map<String, String> tableTags) {
        if (tableTags.isEmpty()) {
            tags.remove(table);
        } else {
            tags.put(table, new TableTags(Map.copyOf(tableTags)));
        }
    }

    Optional<TimeToLiveDescription> timeToLive(String table) {
        return timeToLive.find(table);
    }

    void putTimeToLive(String table, TimeToLiveDescription description) {
        timeToLive.put(table, description);
    }

    int reset(String prefix) {
        int removed = 0;
        for (TableRecord table : List.copyOf(tables.values())) {
            if (prefix == null || table.name().startsWith(prefix)) {
                deleteTable(table.name());
                removed++;
            }
        }
        return removed;
    }
}
