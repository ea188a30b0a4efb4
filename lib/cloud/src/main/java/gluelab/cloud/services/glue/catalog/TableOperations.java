package gluelab.cloud.services.glue.catalog;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.services.glue.GlueErrors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import software.amazon.awssdk.services.glue.model.BatchDeleteTableRequest;
import software.amazon.awssdk.services.glue.model.BatchDeleteTableResponse;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.CreateTableResponse;
import software.amazon.awssdk.services.glue.model.DeleteTableRequest;
import software.amazon.awssdk.services.glue.model.DeleteTableResponse;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.GetTableVersionRequest;
import software.amazon.awssdk.services.glue.model.GetTableVersionResponse;
import software.amazon.awssdk.services.glue.model.GetTableVersionsRequest;
import software.amazon.awssdk.services.glue.model.GetTableVersionsResponse;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.PartitionIndex;
import software.amazon.awssdk.services.glue.model.PartitionIndexDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableAttributes;
import software.amazon.awssdk.services.glue.model.TableError;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.TableVersion;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;
import software.amazon.awssdk.services.glue.model.UpdateTableResponse;

/**
 * The table operations. Every table carries a {@code VersionId} ("0" when created) that each UpdateTable
 * increments; an UpdateTable that names an older VersionId loses with ConcurrentModificationException,
 * which is the optimistic lock Iceberg's GlueCatalog commits through. Unless {@code SkipArchive} is set, the
 * replaced version is archived and stays readable through GetTableVersion(s).
 */
public final class TableOperations {

    private static final Pages.Limits GET_TABLES = new Pages.Limits("maxResults", 100, 100);
    private static final Pages.Limits GET_TABLE_VERSIONS = new Pages.Limits("maxResults", 100, 100);
    private static final int MAX_TABLES_TO_DELETE = 100;
    private static final String FIRST_VERSION = "0";

    private final AccountRegionStore<CatalogState> catalogs;

    public TableOperations(AccountRegionStore<CatalogState> catalogs) {
        this.catalogs = catalogs;
    }

    public CreateTableResponse createTable(RequestContext context, CreateTableRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        if (request.openTableFormatInput() != null) {
            // Lab Cloud differs here: Glue would write the Iceberg metadata itself.
            throw GlueErrors.invalidInput("Lab Cloud does not create tables from OpenTableFormatInput yet: "
                    + "create the Iceberg table through Iceberg's GlueCatalog, which writes its own metadata");
        }
        TableInput input = request.tableInput();
        if (input == null) {
            throw GlueErrors.missing("tableInput");
        }
        String database = CatalogNames.fold(request.databaseName(), "databaseName");
        String name = CatalogNames.fold(input.name() != null ? input.name() : request.name(), "tableInput.name");
        context.resource(database + "." + name);
        checkPartitionKeys(input);
        List<PartitionIndex> indexes = request.hasPartitionIndexes() ? request.partitionIndexes() : List.of();
        Validation.of(GlueErrors.VALIDATION)
                .size("partitionIndexes", indexes, 0, PartitionIndexOperations.MAX_INDEXES_PER_TABLE)
                .orThrow();
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            DatabaseOperations.existing(catalog, database, request.databaseName());
            if (catalog.table(database, name).isPresent()) {
                throw GlueErrors.alreadyExists("Table already exists.");
            }
            Table table = fromInput(input, database, name, context)
                    .createTime(context.now())
                    .updateTime(context.now())
                    .createdBy(context.caller().principalArn())
                    .versionId(FIRST_VERSION)
                    .build();
            List<PartitionIndexDescriptor> defined = new ArrayList<>();
            for (int i = 0; i < indexes.size(); i++) {
                defined.add(PartitionIndexOperations.define(table, defined, indexes.get(i),
                        "partitionIndexes." + (i + 1) + ".member"));
            }
            catalog.tables.put(CatalogState.tableKey(database, name), table);
            defined.forEach(index -> catalog.partitionIndexes.put(
                    PartitionIndexOperations.indexKey(table, index.indexName()), index));
        }
        return CreateTableResponse.builder().build();
    }

    public GetTableResponse getTable(RequestContext context, GetTableRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        Table table = existing(catalogs.get(context), request.databaseName(), request.name(), "name");
        return GetTableResponse.builder().table(table).build();
    }

    public GetTablesResponse getTables(RequestContext context, GetTablesRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        String database = CatalogNames.fold(request.databaseName(), "databaseName");
        CatalogState catalog = catalogs.get(context);
        DatabaseOperations.existing(catalog, database, request.databaseName());
        Pattern names = namePattern(request.expression());
        List<Map.Entry<String, Table>> candidates = catalog.tablesOf(database).stream()
                .filter(entry -> names == null || names.matcher(entry.getValue().name()).matches())
                .toList();
        Pages.Page<Table> page = CatalogState.page(candidates, Comparator.naturalOrder(), request.nextToken(),
                request.maxResults(), GET_TABLES);
        List<Table> tables = page.items().stream().map(t -> onlyAttributes(t, request.attributesToGet())).toList();
        return GetTablesResponse.builder().tableList(tables).nextToken(page.nextToken()).build();
    }

    /**
     * GetTables' Expression is a regular expression on table names, matched as a whole and ignoring case.
     * Like Hive's {@code SHOW TABLES 'sales*'}, a {@code *} that does not follow a {@code .} means any run of
     * characters, so both {@code sales*} and {@code sales.*} work.
     */
    private static Pattern namePattern(String expression) {
        if (expression == null || expression.isEmpty()) {
            return null;
        }
        String regex = expression.replaceAll("(?<!\\.)\\*", ".*");
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw GlueErrors.invalidInput("Invalid expression '" + expression + "': " + e.getDescription());
        }
    }

    private static Table onlyAttributes(Table table, List<TableAttributes> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return table;
        }
        Table.Builder trimmed = Table.builder().name(table.name());
        if (attributes.contains(TableAttributes.TABLE_TYPE)) {
            trimmed.tableType(table.tableType());
        }
        return trimmed.build();
    }

    public UpdateTableResponse updateTable(RequestContext context, UpdateTableRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        if (request.updateOpenTableFormatInput() != null) {
            throw GlueErrors.invalidInput("Lab Cloud does not update tables through UpdateOpenTableFormatInput yet: "
                    + "commit to the Iceberg table through Iceberg's GlueCatalog");
        }
        TableInput input = request.tableInput();
        if (input == null) {
            throw GlueErrors.missing("tableInput");
        }
        String tableName = input.name() != null ? input.name() : request.name();
        GlueErrors.name(tableName, "tableInput.name");
        checkPartitionKeys(input);
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            Table current = existing(catalog, request.databaseName(), tableName, "tableInput.name");
            context.resource(current.databaseName() + "." + current.name());
            if (request.versionId() != null && !request.versionId().equals(current.versionId())) {
                throw GlueErrors.concurrentTableUpdate();
            }
            String tableKey = CatalogState.tableKey(current.databaseName(), current.name());
            long version = versionNumber(current);
            if (!Boolean.TRUE.equals(request.skipArchive())) {
                catalog.tableVersions.put(CatalogState.versionKey(tableKey, version), current);
            }
            Table updated = fromInput(input, current.databaseName(), current.name(), context)
                    .createTime(current.createTime())
                    .updateTime(context.now())
                    .createdBy(current.createdBy())
                    .versionId(Long.toString(version + 1))
                    .build();
            catalog.tables.put(tableKey, updated);
        }
        return UpdateTableResponse.builder().build();
    }

    public GetTableVersionsResponse getTableVersions(RequestContext context, GetTableVersionsRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        CatalogState catalog = catalogs.get(context);
        Table current = existing(catalog, request.databaseName(), request.tableName(), "tableName");
        List<Map.Entry<String, TableVersion>> newestFirst = new ArrayList<>();
        newestFirst.add(versionEntry(current));
        List<Table> archived = catalog.archivedVersionsOf(current.databaseName(), current.name());
        for (int i = archived.size() - 1; i >= 0; i--) {
            newestFirst.add(versionEntry(archived.get(i)));
        }
        Pages.Page<TableVersion> page = CatalogState.page(newestFirst, Comparator.<String>naturalOrder().reversed(),
                request.nextToken(), request.maxResults(), GET_TABLE_VERSIONS);
        return GetTableVersionsResponse.builder().tableVersions(page.items()).nextToken(page.nextToken()).build();
    }

    public GetTableVersionResponse getTableVersion(RequestContext context, GetTableVersionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        CatalogState catalog = catalogs.get(context);
        Table current = existing(catalog, request.databaseName(), request.tableName(), "tableName");
        Table found = current;
        if (request.versionId() != null && !request.versionId().equals(current.versionId())) {
            found = parseVersion(request.versionId())
                    .flatMap(v -> catalog.tableVersions.find(CatalogState.versionKey(
                            CatalogState.tableKey(current.databaseName(), current.name()), v)))
                    .orElseThrow(() -> GlueErrors.entityNotFound("Version not found."));
        }
        return GetTableVersionResponse.builder().tableVersion(versionEntry(found).getValue()).build();
    }

    public DeleteTableResponse deleteTable(RequestContext context, DeleteTableRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            Table table = existing(catalog, request.databaseName(), request.name(), "name");
            context.resource(table.databaseName() + "." + table.name());
            catalog.deleteTable(table.databaseName(), table.name());
        }
        return DeleteTableResponse.builder().build();
    }

    public BatchDeleteTableResponse batchDeleteTable(RequestContext context, BatchDeleteTableRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        String database = CatalogNames.fold(request.databaseName(), "databaseName");
        Validation.of(GlueErrors.VALIDATION)
                .required("tablesToDelete", request.hasTablesToDelete() ? request.tablesToDelete() : null)
                .size("tablesToDelete", request.tablesToDelete(), 0, MAX_TABLES_TO_DELETE)
                .orThrow();
        List<TableError> errors = new ArrayList<>();
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            DatabaseOperations.existing(catalog, database, request.databaseName());
            for (String asGiven : request.tablesToDelete()) {
                String name = CatalogNames.fold(asGiven, "tablesToDelete");
                if (catalog.table(database, name).isEmpty()) {
                    errors.add(TableError.builder().tableName(asGiven).errorDetail(ErrorDetail.builder()
                            .errorCode("EntityNotFoundException").errorMessage("Table " + asGiven + " not found.")
                            .build()).build());
                } else {
                    catalog.deleteTable(database, name);
                }
            }
        }
        return BatchDeleteTableResponse.builder().errors(errors).build();
    }

    /**
     * The table a request names, or Glue's EntityNotFoundException for its database or for itself, naming
     * them as the caller wrote them.
     */
    static Table existing(CatalogState catalog, String databaseAsGiven, String tableAsGiven, String tableMember) {
        String database = CatalogNames.fold(databaseAsGiven, "databaseName");
        String table = CatalogNames.fold(tableAsGiven, tableMember);
        DatabaseOperations.existing(catalog, database, databaseAsGiven);
        return catalog.table(database, table).orElseThrow(() -> GlueErrors.tableNotFound(tableAsGiven));
    }

    private static void checkPartitionKeys(TableInput input) {
        for (int i = 0; i < input.partitionKeys().size(); i++) {
            if (input.partitionKeys().get(i).name() == null) {
                throw GlueErrors.missing("tableInput.partitionKeys." + (i + 1) + ".member.name");
            }
        }
    }

    private static long versionNumber(Table table) {
        return parseVersion(table.versionId()).orElse(0L);
    }

    private static Optional<Long> parseVersion(String versionId) {
        try {
            return Optional.of(Long.parseLong(versionId));
        } catch (NumberFormatException notAVersionThisCatalogGaveOut) {
            return Optional.empty();
        }
    }

    /** A version under a key that sorts by version number, for paging. */
    private static Map.Entry<String, TableVersion> versionEntry(Table table) {
        String key = String.format("%020d", versionNumber(table));
        return Map.entry(key, TableVersion.builder().table(table).versionId(table.versionId()).build());
    }

    /**
     * A Table from a TableInput, with what Glue adds: the database, the owning catalog, no Lake Formation
     * registration, a retention of 0 and an empty partition-key list when none are given.
     */
    private static Table.Builder fromInput(TableInput input, String database, String name, RequestContext context) {
        return Table.builder()
                .name(name)
                .databaseName(database)
                .description(input.description())
                .owner(input.owner())
                .lastAccessTime(input.lastAccessTime())
                .lastAnalyzedTime(input.lastAnalyzedTime())
                .retention(input.retention() != null ? input.retention() : 0)
                .storageDescriptor(input.storageDescriptor())
                .partitionKeys(input.hasPartitionKeys() ? input.partitionKeys() : List.of())
                .viewOriginalText(input.viewOriginalText())
                .viewExpandedText(input.viewExpandedText())
                .tableType(input.tableType())
                .parameters(input.parameters())
                .targetTable(input.targetTable())
                .federatedTable(input.federatedTable())
                .isRegisteredWithLakeFormation(false)
                .catalogId(context.accountId());
    }
}
