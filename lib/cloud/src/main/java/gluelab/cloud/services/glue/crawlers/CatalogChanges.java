package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.crawlers.inference.InferredPartition;
import gluelab.cloud.services.glue.crawlers.inference.InferredTable;
import gluelab.cloud.shape.JsonShapeCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.DeleteBehavior;
import software.amazon.awssdk.services.glue.model.DeleteTableRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.UpdateBehavior;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;

/**
 * Writes what a crawl found to the Data Catalog, as the crawler's role through the catalog's own typed
 * operations (so table versions and errors behave as for any client), following the crawler's
 * SchemaChangePolicy:
 * <ul>
 * <li>new tables and new partitions are always created (the policy "does not affect whether or how new tables
 *     and partitions are added");</li>
 * <li>a changed schema is written with UPDATE_IN_DATABASE (merged with MergeNewColumns), only logged with LOG;</li>
 * <li>tables this crawler made whose data is gone are deleted, marked {@code DEPRECATED_BY_CRAWLER}, or only
 *     logged, as DeleteBehavior says; vanished partitions are deleted only with DELETE_FROM_DATABASE.</li>
 * </ul>
 */
final class CatalogChanges {

    static final String UPDATED_BY_CRAWLER = "UPDATED_BY_CRAWLER";
    static final String DEPRECATED_BY_CRAWLER = "DEPRECATED_BY_CRAWLER";
    private static final int PARTITION_BATCH = 100;

    private final InternalCalls internal;
    private final Scope scope;
    private final String roleArn;
    private final String crawlerName;
    private final String database;
    private final String tablePrefix;
    private final UpdateBehavior updateBehavior;
    private final DeleteBehavior deleteBehavior;
    private final CrawlerConfiguration configuration;
    private final CrawlLogs.Crawl log;
    private final Runnable checkpoint;
    private int tablesCreated;
    private int tablesUpdated;
    private int tablesDeleted;
    private int partitionsCreated;
    private int partitionsUpdated;
    private int partitionsDeleted;

    /**
     * @param checkpoint called between tables: throws to end the crawl early when it is stopped
     */
    CatalogChanges(InternalCalls internal, Scope scope, CrawlPlan plan, CrawlLogs.Crawl log, Runnable checkpoint) {
        this.internal = internal;
        this.scope = scope;
        this.roleArn = plan.crawler().role();
        this.crawlerName = plan.crawler().name();
        this.database = plan.crawler().databaseName();
        this.tablePrefix = plan.crawler().tablePrefix() == null ? "" : plan.crawler().tablePrefix();
        this.updateBehavior = plan.crawler().schemaChangePolicy().updateBehavior();
        this.deleteBehavior = plan.crawler().schemaChangePolicy().deleteBehavior();
        this.configuration = plan.configuration();
        this.log = log;
        this.checkpoint = checkpoint;
    }

    CrawlSummary summary() {
        return new CrawlSummary(tablesCreated, tablesUpdated, tablesDeleted, partitionsCreated, partitionsUpdated,
                partitionsDeleted);
    }

    /** Writes every inferred table with its partitions, in order. */
    void write(List<InferredTable> tables) {
        for (InferredTable inferred : tables) {
            checkpoint.run();
            String name = (tablePrefix + inferred.name()).toLowerCase(Locale.ROOT);
            Optional<Table> existing = table(name);
            if (existing.isEmpty()) {
                create(name, inferred);
            } else {
                update(existing.get(), inferred);
            }
        }
    }

    /**
     * Handles the tables this crawler made earlier at a location its targets cover that the crawl did not find
     * again: their data is gone.
     *
     * @param covered whether a table's location (an S3 folder, a JDBC {@code database.schema.table}) lies under
     *        one of the crawler's targets
     */
    void handleVanishedTables(List<InferredTable> found, Predicate<String> covered, Instant now) {
        Set<String> foundNames = found.stream().map(t -> (tablePrefix + t.name()).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (Table table : tablesOfThisCrawler()) {
            String location = table.storageDescriptor() == null ? null : table.storageDescriptor().location();
            if (foundNames.contains(table.name()) || location == null || !covered.test(location)) {
                continue;
            }
            checkpoint.run();
            switch (deleteBehavior) {
                case DELETE_FROM_DATABASE -> {
                    internal.call("glue", scope, roleArn,
                            DeleteTableRequest.builder().databaseName(database).name(table.name()).build());
                    tablesDeleted++;
                    log.info("Deleted table " + table.name() + " in database " + database + ": its data is gone");
                }
                case DEPRECATE_IN_DATABASE -> {
                    if (table.parameters().containsKey(DEPRECATED_BY_CRAWLER)) {
                        continue;
                    }
                    Map<String, String> parameters = new LinkedHashMap<>(table.parameters());
                    // AWS marks the table with the time it found the data gone.
                    parameters.put(DEPRECATED_BY_CRAWLER, String.valueOf(now.toEpochMilli()));
                    updateTable(input(table).toBuilder().parameters(parameters).build());
                    tablesDeleted++;
                    log.info("Table " + table.name() + " in database " + database
                            + " is deprecated: its data is gone (DeleteBehavior DEPRECATE_IN_DATABASE)");
                }
                default -> log.info("Table " + table.name() + " in database " + database
                        + " has no data any more; it is kept (DeleteBehavior LOG)");
            }
        }
    }

    // ---- tables ---------------------------------------------------------------------------------

    private void create(String name, InferredTable inferred) {
        TableInput input = TableInput.builder()
                .name(name)
                .owner("owner")
                .retention(0)
                .tableType("EXTERNAL_TABLE")
                .storageDescriptor(inferred.storageDescriptor())
                .partitionKeys(inferred.partitionKeys())
                .parameters(crawlerParameters(Map.of(), inferred.parameters()))
                .build();
        internal.call("glue", scope, roleArn, CreateTableRequest.builder().databaseName(database).tableInput(input).build());
        tablesCreated++;
        log.info("Created table " + name + " in database " + database);
        createPartitions(name, inferred.storageDescriptor(), inferred.partitions());
    }

    private void update(Table existing, InferredTable inferred) {
        String name = existing.name();
        boolean schemaChanged = !sameSchema(existing.storageDescriptor().columns(), inferred.storageDescriptor().columns())
                || !sameSchema(existing.partitionKeys(), inferred.partitionKeys());
        StorageDescriptor tableDescriptor = existing.storageDescriptor();
        if (schemaChanged && updateBehavior == UpdateBehavior.UPDATE_IN_DATABASE) {
            List<Column> columns = configuration.mergeNewColumns()
                    ? mergedColumns(existing.storageDescriptor().columns(), inferred.storageDescriptor().columns())
                    : inferred.storageDescriptor().columns();
            tableDescriptor = inferred.storageDescriptor().toBuilder().columns(columns).build();
            TableInput input = input(existing).toBuilder()
                    .storageDescriptor(tableDescriptor)
                    .partitionKeys(configuration.mergeNewColumns() ? existing.partitionKeys() : inferred.partitionKeys())
                    .parameters(crawlerParameters(withoutDeprecation(existing.parameters()), inferred.parameters()))
                    .build();
            updateTable(input);
            tablesUpdated++;
            log.info("Table " + name + " in database " + database + " has a new schema: updated"
                    + (configuration.mergeNewColumns() ? " (new columns merged)" : ""));
        } else if (schemaChanged) {
            log.info("Table " + name + " in database " + database + " has a new schema; it is not updated "
                    + "(UpdateBehavior LOG). Columns found: " + describe(inferred.storageDescriptor().columns()));
        }
        Map<List<String>, Partition> known = partitions(name);
        List<InferredPartition> added = new ArrayList<>();
        List<InferredPartition> changed = new ArrayList<>();
        for (InferredPartition partition : inferred.partitions()) {
            Partition current = known.remove(partition.values());
            if (current == null) {
                added.add(partition);
            } else if (!sameSchema(current.storageDescriptor().columns(), partition.storageDescriptor().columns())) {
                changed.add(partition);
            }
        }
        createPartitions(name, tableDescriptor, added);
        if (!changed.isEmpty() && updateBehavior == UpdateBehavior.UPDATE_IN_DATABASE) {
            updatePartitions(name, tableDescriptor, changed);
        } else if (!changed.isEmpty()) {
            log.info(changed.size() + " partitions of table " + name + " have a new schema; they are not updated "
                    + "(UpdateBehavior LOG)");
        }
        if (!known.isEmpty() && deleteBehavior == DeleteBehavior.DELETE_FROM_DATABASE) {
            deletePartitions(name, known.keySet());
        } else if (!known.isEmpty()) {
            log.info(known.size() + " partitions of table " + name + " have no data any more; they are kept (DeleteBehavior "
                    + deleteBehavior + ")");
        }
    }

    private Optional<Table> table(String name) {
        try {
            return Optional.of(internal.<software.amazon.awssdk.services.glue.model.GetTableResponse>call("glue", scope,
                    roleArn, GetTableRequest.builder().databaseName(database).name(name).build()).table());
        } catch (AwsServiceException e) {
            if ("EntityNotFoundException".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<Table> tablesOfThisCrawler() {
        List<Table> tables = new ArrayList<>();
        String token = null;
        do {
            GetTablesResponse page = internal.call("glue", scope, roleArn,
                    GetTablesRequest.builder().databaseName(database).nextToken(token).build());
            page.tableList().stream()
                    .filter(t -> crawlerName.equals(t.parameters().get(UPDATED_BY_CRAWLER)))
                    .forEach(tables::add);
            token = page.nextToken();
        } while (token != null);
        return tables;
    }

    private void updateTable(TableInput input) {
        internal.call("glue", scope, roleArn, UpdateTableRequest.builder().databaseName(database).tableInput(input).build());
    }

    /** The parameters a crawler leaves on its tables, over what was there and what the inference found. */
    private Map<String, String> crawlerParameters(Map<String, String> previous, Map<String, String> inferred) {
        Map<String, String> parameters = new LinkedHashMap<>(previous);
        parameters.putAll(inferred);
        parameters.put("CrawlerSchemaDeserializerVersion", "1.0");
        parameters.put("CrawlerSchemaSerializerVersion", "1.0");
        parameters.put(UPDATED_BY_CRAWLER, crawlerName);
        return parameters;
    }

    private static Map<String, String> withoutDeprecation(Map<String, String> parameters) {
        Map<String, String> kept = new HashMap<>(parameters);
        kept.remove(DEPRECATED_BY_CRAWLER);
        return kept;
    }

    private static TableInput input(Table table) {
        return JsonShapeCodec.convert(table, TableInput.class);
    }

    // ---- partitions -----------------------------------------------------------------------------

    private Map<List<String>, Partition> partitions(String table) {
        Map<List<String>, Partition> partitions = new LinkedHashMap<>();
        String token = null;
        do {
            GetPartitionsResponse page = internal.call("glue", scope, roleArn, GetPartitionsRequest.builder()
                    .databaseName(database).tableName(table).nextToken(token).build());
            page.partitions().forEach(p -> partitions.put(p.values(), p));
            token = page.nextToken();
        } while (token != null);
        return partitions;
    }

    private void createPartitions(String table, StorageDescriptor tableDescriptor, List<InferredPartition> partitions) {
        for (int from = 0; from < partitions.size(); from += PARTITION_BATCH) {
            checkpoint.run();
            List<PartitionInput> batch = partitions.subList(from, Math.min(partitions.size(), from + PARTITION_BATCH))
                    .stream().map(p -> partitionInput(tableDescriptor, p)).toList();
            BatchCreatePartitionResponse response = internal.call("glue", scope, roleArn, BatchCreatePartitionRequest
                    .builder().databaseName(database).tableName(table).partitionInputList(batch).build());
            response.errors().forEach(error -> log.warn("Partition " + error.partitionValues() + " of table " + table
                    + " was not created: " + error.errorDetail().errorMessage()));
            partitionsCreated += batch.size() - response.errors().size();
        }
        if (!partitions.isEmpty()) {
            log.info("Added " + partitions.size() + " partitions to table " + table + " in database " + database);
        }
    }

    private void updatePartitions(String table, StorageDescriptor tableDescriptor, List<InferredPartition> partitions) {
        for (int from = 0; from < partitions.size(); from += PARTITION_BATCH) {
            checkpoint.run();
            List<BatchUpdatePartitionRequestEntry> batch = partitions
                    .subList(from, Math.min(partitions.size(), from + PARTITION_BATCH)).stream()
                    .map(p -> BatchUpdatePartitionRequestEntry.builder().partitionValueList(p.values())
                            .partitionInput(partitionInput(tableDescriptor, p)).build())
                    .toList();
            internal.call("glue", scope, roleArn, BatchUpdatePartitionRequest.builder().databaseName(database)
                    .tableName(table).entries(batch).build());
            partitionsUpdated += batch.size();
        }
        log.info("Updated " + partitions.size() + " partitions of table " + table + " in database " + database);
    }

    private void deletePartitions(String table, Set<List<String>> values) {
        List<List<String>> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += PARTITION_BATCH) {
            List<PartitionValueList> batch = all.subList(from, Math.min(all.size(), from + PARTITION_BATCH)).stream()
                    .map(v -> PartitionValueList.builder().values(v).build()).toList();
            internal.call("glue", scope, roleArn, BatchDeletePartitionRequest.builder().databaseName(database)
                    .tableName(table).partitionsToDelete(batch).build());
            partitionsDeleted += batch.size();
        }
        log.info("Deleted " + values.size() + " partitions of table " + table + " in database " + database
                + ": their data is gone");
    }

    /** A partition as the crawler writes it: its own folder and format; the table's columns with InheritFromTable. */
    private PartitionInput partitionInput(StorageDescriptor tableDescriptor, InferredPartition partition) {
        StorageDescriptor descriptor = configuration.partitionsInheritFromTable()
                ? partition.storageDescriptor().toBuilder().columns(tableDescriptor.columns()).build()
                : partition.storageDescriptor();
        return PartitionInput.builder().values(partition.values()).storageDescriptor(descriptor).build();
    }

    // ---- schemas --------------------------------------------------------------------------------

    /** Same column names and types in the same order; comments do not count. */
    private static boolean sameSchema(List<Column> a, List<Column> b) {
        return describe(a).equals(describe(b));
    }

    private static String describe(List<Column> columns) {
        return columns.stream().map(c -> c.name().toLowerCase(Locale.ROOT) + ":" + c.type())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** The existing columns as they are, then the new ones: MergeNewColumns never drops or retypes a column. */
    private static List<Column> mergedColumns(List<Column> existing, List<Column> found) {
        List<Column> merged = new ArrayList<>(existing);
        Set<String> names = existing.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        found.stream().filter(c -> !names.contains(c.name().toLowerCase(Locale.ROOT))).forEach(merged::add);
        return merged;
    }
}
