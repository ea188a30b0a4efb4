package gluelab.cloud.services.glue.catalog;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchDeleteTableRequest;
import software.amazon.awssdk.services.glue.model.BatchDeleteTableResponse;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionResponse;
import software.amazon.awssdk.services.glue.model.CreateDatabaseRequest;
import software.amazon.awssdk.services.glue.model.CreateDatabaseResponse;
import software.amazon.awssdk.services.glue.model.CreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.CreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.CreateTableResponse;
import software.amazon.awssdk.services.glue.model.DeleteDatabaseRequest;
import software.amazon.awssdk.services.glue.model.DeleteDatabaseResponse;
import software.amazon.awssdk.services.glue.model.DeletePartitionRequest;
import software.amazon.awssdk.services.glue.model.DeletePartitionResponse;
import software.amazon.awssdk.services.glue.model.DeleteTableRequest;
import software.amazon.awssdk.services.glue.model.DeleteTableResponse;
import software.amazon.awssdk.services.glue.model.GetDatabaseRequest;
import software.amazon.awssdk.services.glue.model.GetDatabaseResponse;
import software.amazon.awssdk.services.glue.model.GetDatabasesRequest;
import software.amazon.awssdk.services.glue.model.GetDatabasesResponse;
import software.amazon.awssdk.services.glue.model.GetPartitionRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionResponse;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.GetTableVersionRequest;
import software.amazon.awssdk.services.glue.model.GetTableVersionResponse;
import software.amazon.awssdk.services.glue.model.GetTableVersionsRequest;
import software.amazon.awssdk.services.glue.model.GetTableVersionsResponse;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.UpdateDatabaseRequest;
import software.amazon.awssdk.services.glue.model.UpdateDatabaseResponse;
import software.amazon.awssdk.services.glue.model.UpdatePartitionRequest;
import software.amazon.awssdk.services.glue.model.UpdatePartitionResponse;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;
import software.amazon.awssdk.services.glue.model.UpdateTableResponse;

/**
 * The Glue Data Catalog operations: databases, tables (with versions) and partitions, one catalog per
 * account and region, durable with {@code --state-dir}. The operations live in one class per resource;
 * this class is what the edge dispatches to, and what other parts of Lab Cloud (the crawler, the job
 * runtime's catalog sources) read the catalog through.
 */
public final class GlueCatalogApi {

    private final AccountRegionStore<CatalogState> catalogs;
    private final DatabaseOperations databases;
    private final TableOperations tables;
    private final PartitionOperations partitions;

    public GlueCatalogApi(Platform platform) {
        this.catalogs = new AccountRegionStore<>(CatalogState.SERVICE, platform.state(), CatalogState::new);
        this.databases = new DatabaseOperations(catalogs);
        this.tables = new TableOperations(catalogs);
        this.partitions = new PartitionOperations(catalogs);
    }

    // ---- reading the catalog from inside Lab Cloud ------------------------------------------------

    /** Every table of the catalog in {@code scope}, by database then name. */
    public List<Table> tables(Scope scope) {
        return List.copyOf(catalogs.get(scope).tables.values());
    }

    /** One table; names are matched case-insensitively, as Glue does. */
    public Optional<Table> table(Scope scope, String database, String name) {
        return catalogs.get(scope).table(database.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
    }

    /** The partitions of one table, in no particular order; empty if there is no such table. */
    public List<Partition> partitions(Scope scope, String database, String table) {
        return catalogs.get(scope).partitionsOf(database.toLowerCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))
                .stream().map(Map.Entry::getValue).toList();
    }

    /**
     * Removes databases (with their tables and partitions) whose name starts with {@code prefix}, or all.
     * Glue stores names in lower case, so the prefix is compared in lower case too.
     */
    public int reset(String prefix) {
        String folded = prefix == null || prefix.isEmpty() ? null : prefix.toLowerCase(Locale.ROOT);
        return catalogs.all().values().stream().mapToInt(catalog -> catalog.deleteDatabasesStartingWith(folded)).sum();
    }

    // ---- databases ------------------------------------------------------------------------------

    public CreateDatabaseResponse createDatabase(RequestContext context, CreateDatabaseRequest request) {
        return databases.create(context, request);
    }

    public GetDatabaseResponse getDatabase(RequestContext context, GetDatabaseRequest request) {
        return databases.get(context, request);
    }

    public GetDatabasesResponse getDatabases(RequestContext context, GetDatabasesRequest request) {
        return databases.list(context, request);
    }

    public UpdateDatabaseResponse updateDatabase(RequestContext context, UpdateDatabaseRequest request) {
        return databases.update(context, request);
    }

    public DeleteDatabaseResponse deleteDatabase(RequestContext context, DeleteDatabaseRequest request) {
        return databases.delete(context, request);
    }

    // ---- tables ---------------------------------------------------------------------------------

    public CreateTableResponse createTable(RequestContext context, CreateTableRequest request) {
        return tables.create(context, request);
    }

    public GetTableResponse getTable(RequestContext context, GetTableRequest request) {
        return tables.get(context, request);
    }

    public GetTablesResponse getTables(RequestContext context, GetTablesRequest request) {
        return tables.list(context, request);
    }

    public UpdateTableResponse updateTable(RequestContext context, UpdateTableRequest request) {
        return tables.update(context, request);
    }

    public GetTableVersionsResponse getTableVersions(RequestContext context, GetTableVersionsRequest request) {
        return tables.versions(context, request);
    }

    public GetTableVersionResponse getTableVersion(RequestContext context, GetTableVersionRequest request) {
        return tables.version(context, request);
    }

    public DeleteTableResponse deleteTable(RequestContext context, DeleteTableRequest request) {
        return tables.delete(context, request);
    }

    public BatchDeleteTableResponse batchDeleteTable(RequestContext context, BatchDeleteTableRequest request) {
        return tables.batchDelete(context, request);
    }

    // ---- partitions -----------------------------------------------------------------------------

    public CreatePartitionResponse createPartition(RequestContext context, CreatePartitionRequest request) {
        return partitions.create(context, request);
    }

    public BatchCreatePartitionResponse batchCreatePartition(RequestContext context, BatchCreatePartitionRequest request) {
        return partitions.batchCreate(context, request);
    }

    public GetPartitionResponse getPartition(RequestContext context, GetPartitionRequest request) {
        return partitions.get(context, request);
    }

    public GetPartitionsResponse getPartitions(RequestContext context, GetPartitionsRequest request) {
        return partitions.list(context, request);
    }

    public BatchGetPartitionResponse batchGetPartition(RequestContext context, BatchGetPartitionRequest request) {
        return partitions.batchGet(context, request);
    }

    public UpdatePartitionResponse updatePartition(RequestContext context, UpdatePartitionRequest request) {
        return partitions.update(context, request);
    }

    public BatchUpdatePartitionResponse batchUpdatePartition(RequestContext context, BatchUpdatePartitionRequest request) {
        return partitions.batchUpdate(context, request);
    }

    public DeletePartitionResponse deletePartition(RequestContext context, DeletePartitionRequest request) {
        return partitions.delete(context, request);
    }

    public BatchDeletePartitionResponse batchDeletePartition(RequestContext context, BatchDeletePartitionRequest request) {
        return partitions.batchDelete(context, request);
    }
}
