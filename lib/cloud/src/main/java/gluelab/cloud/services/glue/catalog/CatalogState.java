package gluelab.cloud.services.glue.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GluePages;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.Json;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionIndexDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * One account's Data Catalog in one region: databases, tables, archived table versions, partitions and
 * partition indexes, each a durable map. Keys nest (database, then table, then version, partition values or
 * index name) joined by a control character that Glue names cannot contain, so one database's or table's
 * entries are one key range. Writes that touch several maps hold this object's lock, so a reader never sees a table whose
 * partitions are half gone, and two UpdateTable calls never both pass the same VersionId check.
 */
public final class CatalogState {

    static final String SERVICE = "glue";

    /** Glue's NameString allows no control character but tab, so this never occurs inside a name. */
    private static final char SEPARATOR = '\u0001';
    private static final char AFTER_SEPARATOR = '\u0002';
    private static final String VERSION_FORMAT = "%020d";

    final Scope scope;
    final DurableMap<Database> databases;
    final DurableMap<Table> tables;
    final DurableMap<Table> tableVersions;
    final DurableMap<Partition> partitions;
    final DurableMap<PartitionIndexDescriptor> partitionIndexes;

    public CatalogState(Scope scope, StateStore store) {
        this.scope = scope;
        this.databases = store.map(scope.mapName(SERVICE, "catalog/databases"), ShapeCodec.of(Database.class));
        this.tables = store.map(scope.mapName(SERVICE, "catalog/tables"), ShapeCodec.of(Table.class));
        this.tableVersions = store.map(scope.mapName(SERVICE, "catalog/table-versions"), ShapeCodec.of(Table.class));
        this.partitions = store.map(scope.mapName(SERVICE, "catalog/partitions"), ShapeCodec.of(Partition.class));
        this.partitionIndexes = store.map(scope.mapName(SERVICE, "catalog/partition-indexes"),
                ShapeCodec.of(PartitionIndexDescriptor.class));
    }

    // ---- keys -----------------------------------------------------------------------------------

    static String tableKey(String database, String table) {
        return database + SEPARATOR + table;
    }

    static String indexKey(String tableKey, String indexName) {
        return tableKey + SEPARATOR + indexName;
    }

    static String versionKey(String tableKey, long version) {
        return tableKey + SEPARATOR + String.format(VERSION_FORMAT, version);
    }

    static String partitionKey(String tableKey, List<String> values) {
        try {
            return tableKey + SEPARATOR + Json.MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entries whose key is {@code parentKey} followed by the separator and anything, in key order. */
    static <V> List<Map.Entry<String, V>> children(DurableMap<V> map, String parentKey) {
        return new ArrayList<>(map.view().subMap(parentKey + SEPARATOR, true, parentKey + AFTER_SEPARATOR, false).entrySet());
    }

    /** One page of entries in {@code order} of their keys, as GetDatabases, GetTables and GetPartitions list them. */
    static <V> Pages.Page<V> page(List<Map.Entry<String, V>> entries, Comparator<String> order, String nextToken,
                                  Integer maxResults, Pages.Limits limits) {
        Pages.Page<Map.Entry<String, V>> page = GluePages.PAGES.page(entries, Map.Entry::getKey, order, nextToken,
                maxResults, limits);
        return new Pages.Page<>(page.items().stream().map(Map.Entry::getValue).toList(), page.nextToken());
    }

    // ---- reads ----------------------------------------------------------------------------------

    Optional<Database> database(String name) {
        return databases.find(name);
    }

    /** The database's name as Glue keeps it (in lower case), if there is one by that name in any case. */
    public Optional<String> databaseNamed(String name) {
        return database(name.toLowerCase(Locale.ROOT)).map(Database::name);
    }

    Optional<Table> table(String database, String table) {
        return tables.find(tableKey(database, table));
    }

    List<Map.Entry<String, Table>> tablesOf(String database) {
        return children(tables, database);
    }

    List<Map.Entry<String, Partition>> partitionsOf(String database, String table) {
        return children(partitions, tableKey(database, table));
    }

    /** A table's partition indexes, by name. */
    List<Map.Entry<String, PartitionIndexDescriptor>> partitionIndexesOf(String database, String table) {
        return children(partitionIndexes, tableKey(database, table));
    }

    /** Earlier versions of a table that UpdateTable archived, oldest first. */
    List<Table> archivedVersionsOf(String database, String table) {
        return children(tableVersions, tableKey(database, table)).stream().map(Map.Entry::getValue).toList();
    }

    // ---- cascading deletes ----------------------------------------------------------------------

    /**
     * Removes a table with its partitions, partition indexes and archived versions; returns how many tables and
     * partitions went.
     */
    synchronized int deleteTable(String database, String table) {
        String key = tableKey(database, table);
        int removed = 0;
        for (Map.Entry<String, Partition> partition : children(partitions, key)) {
            partitions.remove(partition.getKey());
            removed++;
        }
        for (Map.Entry<String, Table> version : children(tableVersions, key)) {
            tableVersions.remove(version.getKey());
        }
        for (Map.Entry<String, PartitionIndexDescriptor> index : children(partitionIndexes, key)) {
            partitionIndexes.remove(index.getKey());
        }
        if (tables.remove(key) != null) {
            removed++;
        }
        return removed;
    }

    /** Removes a database with everything in it; returns how many databases, tables and partitions went. */
    synchronized int deleteDatabase(String database) {
        int removed = 0;
        for (Map.Entry<String, Table> table : tablesOf(database)) {
            removed += deleteTable(database, table.getValue().name());
        }
        if (databases.remove(database) != null) {
            removed++;
        }
        return removed;
    }
}
