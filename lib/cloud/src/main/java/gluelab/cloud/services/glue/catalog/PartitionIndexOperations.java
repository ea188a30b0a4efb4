package gluelab.cloud.services.glue.catalog;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.services.glue.GlueErrors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.CreatePartitionIndexRequest;
import software.amazon.awssdk.services.glue.model.CreatePartitionIndexResponse;
import software.amazon.awssdk.services.glue.model.DeletePartitionIndexRequest;
import software.amazon.awssdk.services.glue.model.DeletePartitionIndexResponse;
import software.amazon.awssdk.services.glue.model.GetPartitionIndexesRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionIndexesResponse;
import software.amazon.awssdk.services.glue.model.KeySchemaElement;
import software.amazon.awssdk.services.glue.model.PartitionIndex;
import software.amazon.awssdk.services.glue.model.PartitionIndexDescriptor;
import software.amazon.awssdk.services.glue.model.PartitionIndexStatus;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * A table's partition indexes: CreatePartitionIndex, GetPartitionIndexes, DeletePartitionIndex (and CreateTable's
 * PartitionIndexes, through {@link #define}). An index names some of the table's partition keys, in an order of
 * its own; a table has at most three, and no two with the same name or the same keys.
 *
 * <p>On AWS an index is CREATING while Glue backfills it from the table's partitions, then ACTIVE. Lab Cloud's
 * catalog answers GetPartitions the same with or without an index, and its backfill has nothing to build, so an
 * index is ACTIVE as soon as it is created: a client that waits for ACTIVE finds it at its first look.
 */
public final class PartitionIndexOperations {

    static final int MAX_INDEXES_PER_TABLE = 3;
    private static final Pages.Limits GET_PARTITION_INDEXES = new Pages.Limits("maxResults", 100, 100);

    private final AccountRegionStore<CatalogState> catalogs;

    public PartitionIndexOperations(AccountRegionStore<CatalogState> catalogs) {
        this.catalogs = catalogs;
    }

    public CreatePartitionIndexResponse createPartitionIndex(RequestContext context, CreatePartitionIndexRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        GlueErrors.required(request.partitionIndex(), "partitionIndex");
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
            List<PartitionIndexDescriptor> existing = catalog.partitionIndexesOf(table.databaseName(), table.name())
                    .stream().map(Map.Entry::getValue).toList();
            PartitionIndexDescriptor index = define(table, existing, request.partitionIndex(), "partitionIndex");
            catalog.partitionIndexes.put(indexKey(table, index.indexName()), index);
        }
        return CreatePartitionIndexResponse.builder().build();
    }

    /** Every index of the table, by name, with its keys (name and type) and status. */
    public GetPartitionIndexesResponse getPartitionIndexes(RequestContext context, GetPartitionIndexesRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        CatalogState catalog = catalogs.get(context);
        Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
        Pages.Page<PartitionIndexDescriptor> page = CatalogState.page(
                catalog.partitionIndexesOf(table.databaseName(), table.name()), Comparator.naturalOrder(),
                request.nextToken(), null, GET_PARTITION_INDEXES);
        return GetPartitionIndexesResponse.builder()
                .partitionIndexDescriptorList(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    public DeletePartitionIndexResponse deletePartitionIndex(RequestContext context, DeletePartitionIndexRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        String indexName = GlueErrors.name(request.indexName(), "indexName");
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
            if (catalog.partitionIndexes.remove(indexKey(table, indexName)) == null) {
                throw GlueErrors.entityNotFound("Index with the given indexName : " + indexName + " does not exist.");
            }
        }
        return DeletePartitionIndexResponse.builder().build();
    }

    /**
     * A new index of {@code table}, checked as Glue checks one (in Glue's order: its keys must be partition keys,
     * then the table must have room for it, then neither its name nor its keys may repeat an existing index's).
     *
     * @param existing the table's indexes so far
     * @param member   where the request holds the index, for the model's constraints
     */
    static PartitionIndexDescriptor define(Table table, List<PartitionIndexDescriptor> existing, PartitionIndex index,
                                           String member) {
        List<String> keyNames = index.hasKeys() ? index.keys() : null;
        GlueErrors.name(index.indexName(), member + ".indexName");
        Validation.of(GlueErrors.VALIDATION)
                .required(member + ".keys", keyNames)
                .size(member + ".keys", keyNames, 1, Integer.MAX_VALUE)
                .orThrow();
        List<KeySchemaElement> keys = new ArrayList<>();
        List<String> notPartitionKeys = new ArrayList<>();
        for (String keyName : keyNames) {
            Optional<Column> key = table.partitionKeys().stream()
                    .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(keyName.toLowerCase(Locale.ROOT)))
                    .findFirst();
            key.ifPresentOrElse(k -> keys.add(KeySchemaElement.builder().name(k.name()).type(k.type()).build()),
                    () -> notPartitionKeys.add(keyName));
        }
        if (!notPartitionKeys.isEmpty()) {
            throw GlueErrors.invalidInput("IndexKeys not a part of PartitionColumns. Verify the indexKeys : "
                    + notPartitionKeys);
        }
        if (existing.size() >= MAX_INDEXES_PER_TABLE) {
            throw GlueErrors.limitExceeded("Partition index limit exceeded. Maximum: " + MAX_INDEXES_PER_TABLE);
        }
        for (PartitionIndexDescriptor other : existing) {
            if (other.indexName().equals(index.indexName())) {
                throw GlueErrors.alreadyExists("Partition Index " + index.indexName() + " already exists with the same name.");
            }
            if (names(other.keys()).equals(names(keys))) {
                throw GlueErrors.alreadyExists("Partition Index " + other.indexName() + " already exists with the same keys.");
            }
        }
        return PartitionIndexDescriptor.builder()
                .indexName(index.indexName())
                .keys(keys)
                .indexStatus(PartitionIndexStatus.ACTIVE)
                .build();
    }

    static String indexKey(Table table, String indexName) {
        return CatalogState.indexKey(CatalogState.tableKey(table.databaseName(), table.name()), indexName);
    }

    /** Keys compare by name in order: (year, month) and (month, year) are two indexes. */
    private static List<String> names(List<KeySchemaElement> keys) {
        return keys.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
    }
}
