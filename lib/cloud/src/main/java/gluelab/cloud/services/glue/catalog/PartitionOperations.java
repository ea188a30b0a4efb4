package gluelab.cloud.services.glue.catalog;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.catalog.expression.PartitionExpression;
import gluelab.cloud.services.glue.catalog.expression.PartitionExpressionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionFailureEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionResponse;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.CreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.CreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.DeletePartitionRequest;
import software.amazon.awssdk.services.glue.model.DeletePartitionResponse;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.GetPartitionRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionResponse;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.Segment;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.UpdatePartitionRequest;
import software.amazon.awssdk.services.glue.model.UpdatePartitionResponse;

/**
 * The partition operations. A partition is named by its values, one per partition key of its table, in
 * the keys' order; GetPartitions filters them with an {@code Expression} compared by the keys' types.
 */
public final class PartitionOperations {

    private static final Pages.Limits GET_PARTITIONS = new Pages.Limits("maxResults", 1000, 1000);
    private static final int MAX_BATCH_CREATE = 100;
    private static final int MAX_BATCH_DELETE = 25;
    private static final int MAX_BATCH_UPDATE = 100;
    private static final int MAX_BATCH_GET = 1000;
    private static final int MAX_SEGMENTS = 10;

    private final AccountRegionStore<CatalogState> catalogs;

    public PartitionOperations(AccountRegionStore<CatalogState> catalogs) {
        this.catalogs = catalogs;
    }

    public CreatePartitionResponse createPartition(RequestContext context, CreatePartitionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        if (request.partitionInput() == null) {
            throw GlueErrors.missing("partitionInput");
        }
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
            insert(catalog, table, request.partitionInput(), context);
        }
        return CreatePartitionResponse.builder().build();
    }

    public BatchCreatePartitionResponse batchCreatePartition(RequestContext context, BatchCreatePartitionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        checkBatchSize(request.hasPartitionInputList() ? request.partitionInputList() : null,
                "partitionInputList", MAX_BATCH_CREATE);
        List<PartitionError> errors = new ArrayList<>();
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
            for (PartitionInput input : request.partitionInputList()) {
                try {
                    insert(catalog, table, input, context);
                } catch (AwsServiceException refused) {
                    errors.add(error(input.values(), refused.code(), refused.getMessage()));
                }
            }
        }
        return BatchCreatePartitionResponse.builder().errors(errors).build();
    }

    private static void insert(CatalogState catalog, Table table, PartitionInput input, RequestContext context) {
        List<String> values = checkedValues(table, input.hasValues() ? input.values() : null, "partitionInput.values");
        String key = partitionKey(table, values);
        if (catalog.partitions.containsKey(key)) {
            throw GlueErrors.alreadyExists("Partition already exists.");
        }
        catalog.partitions.put(key, fromInput(input, table, context).creationTime(context.now()).build());
    }

    public GetPartitionResponse getPartition(RequestContext context, GetPartitionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        CatalogState catalog = catalogs.get(context);
        Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
        List<String> values = checkedValues(table, request.hasPartitionValues() ? request.partitionValues() : null,
                "partitionValues");
        Partition partition = catalog.partitions.find(partitionKey(table, values))
                .orElseThrow(GlueErrors::partitionNotFound);
        return GetPartitionResponse.builder().partition(partition).build();
    }

    public BatchGetPartitionResponse batchGetPartition(RequestContext context, BatchGetPartitionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        checkBatchSize(request.hasPartitionsToGet() ? request.partitionsToGet() : null, "partitionsToGet", MAX_BATCH_GET);
        CatalogState catalog = catalogs.get(context);
        Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
        List<Partition> found = new ArrayList<>();
        for (PartitionValueList wanted : request.partitionsToGet()) {
            List<String> values = checkedValues(table, wanted.hasValues() ? wanted.values() : null, "partitionsToGet.values");
            // A partition that does not exist is left out; UnprocessedKeys is for throttled keys, which Lab Cloud never has.
            catalog.partitions.find(partitionKey(table, values)).ifPresent(found::add);
        }
        return BatchGetPartitionResponse.builder().partitions(found).unprocessedKeys(List.of()).build();
    }

    public GetPartitionsResponse getPartitions(RequestContext context, GetPartitionsRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        CatalogState catalog = catalogs.get(context);
        Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
        PartitionExpression filter = filter(request.expression(), table);
        Segment segment = checkedSegment(request.segment());
        boolean withoutColumns = Boolean.TRUE.equals(request.excludeColumnSchema());
        List<Map.Entry<String, Partition>> candidates = new ArrayList<>();
        for (Map.Entry<String, Partition> entry : catalog.partitionsOf(table.databaseName(), table.name())) {
            if ((segment == null || inSegment(entry.getKey(), segment))
                    && (filter == null || filter.matches(entry.getValue().values()))) {
                candidates.add(withoutColumns ? Map.entry(entry.getKey(), withoutColumns(entry.getValue())) : entry);
            }
        }
        Pages.Page<Partition> page = CatalogState.page(candidates, Comparator.naturalOrder(), request.nextToken(),
                request.maxResults(), GET_PARTITIONS);
        return GetPartitionsResponse.builder().partitions(page.items()).nextToken(page.nextToken()).build();
    }

    private static PartitionExpression filter(String expression, Table table) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            return PartitionExpression.parse(expression, table.partitionKeys());
        } catch (PartitionExpressionException invalid) {
            throw GlueErrors.invalidInput(invalid.getMessage());
        }
    }

    private static Segment checkedSegment(Segment segment) {
        if (segment == null) {
            return null;
        }
        Integer total = segment.totalSegments();
        Integer number = segment.segmentNumber();
        if (total == null || number == null) {
            throw GlueErrors.missing(total == null ? "segment.totalSegments" : "segment.segmentNumber");
        }
        GlueErrors.range(total, "segment.totalSegments", 1, MAX_SEGMENTS);
        if (number < 0 || number >= total) {
            throw GlueErrors.invalidInput("SegmentNumber " + number + " is not within 0 and TotalSegments - 1 ("
                    + (total - 1) + ")");
        }
        return segment;
    }

    /** Segments split a table's partitions into disjoint sets that together hold every partition once. */
    private static boolean inSegment(String partitionKey, Segment segment) {
        return Math.floorMod(partitionKey.hashCode(), segment.totalSegments()) == segment.segmentNumber();
    }

    private static Partition withoutColumns(Partition partition) {
        if (partition.storageDescriptor() == null) {
            return partition;
        }
        return partition.toBuilder()
                .storageDescriptor(partition.storageDescriptor().toBuilder().columns((Collection<Column>) null).build())
                .build();
    }

    public UpdatePartitionResponse updatePartition(RequestContext context, UpdatePartitionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        if (request.partitionInput() == null) {
            throw GlueErrors.missing("partitionInput");
        }
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
            replace(catalog, table, request.hasPartitionValueList() ? request.partitionValueList() : null,
                    request.partitionInput(), context);
        }
        return UpdatePartitionResponse.builder().build();
    }

    public BatchUpdatePartitionResponse batchUpdatePartition(RequestContext context, BatchUpdatePartitionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        checkBatchSize(request.hasEntries() ? request.entries() : null, "entries", MAX_BATCH_UPDATE);
        List<BatchUpdatePartitionFailureEntry> errors = new ArrayList<>();
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
            for (BatchUpdatePartitionRequestEntry entry : request.entries()) {
                List<String> values = entry.hasPartitionValueList() ? entry.partitionValueList() : null;
                try {
                    if (entry.partitionInput() == null) {
                        throw GlueErrors.missing("entries.member.partitionInput");
                    }
                    replace(catalog, table, values, entry.partitionInput(), context);
                } catch (AwsServiceException refused) {
                    errors.add(BatchUpdatePartitionFailureEntry.builder().partitionValueList(values)
                            .errorDetail(ErrorDetail.builder().errorCode(refused.code()).errorMessage(refused.getMessage()).build())
                            .build());
                }
            }
        }
        return BatchUpdatePartitionResponse.builder().errors(errors).build();
    }

    /** Replaces a partition's definition; the input's values, when given, move it to a new key. */
    private static void replace(CatalogState catalog, Table table, List<String> currentValues, PartitionInput input,
                                RequestContext context) {
        List<String> values = checkedValues(table, currentValues, "partitionValueList");
        String key = partitionKey(table, values);
        Partition existing = catalog.partitions.find(key).orElseThrow(GlueErrors::partitionNotFound);
        List<String> newValues = input.hasValues() ? checkedValues(table, input.values(), "partitionInput.values") : values;
        String newKey = partitionKey(table, newValues);
        if (!newKey.equals(key) && catalog.partitions.containsKey(newKey)) {
            throw GlueErrors.alreadyExists("Partition already exists.");
        }
        Partition updated = fromInput(input, table, context)
                .values(newValues)
                .creationTime(existing.creationTime())
                .build();
        catalog.partitions.put(newKey, updated);
        if (!newKey.equals(key)) {
            catalog.partitions.remove(key);
        }
    }

    public DeletePartitionResponse deletePartition(RequestContext context, DeletePartitionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
            List<String> values = checkedValues(table, request.hasPartitionValues() ? request.partitionValues() : null,
                    "partitionValues");
            if (catalog.partitions.remove(partitionKey(table, values)) == null) {
                throw GlueErrors.partitionNotFound();
            }
        }
        return DeletePartitionResponse.builder().build();
    }

    public BatchDeletePartitionResponse batchDeletePartition(RequestContext context, BatchDeletePartitionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        checkBatchSize(request.hasPartitionsToDelete() ? request.partitionsToDelete() : null,
                "partitionsToDelete", MAX_BATCH_DELETE);
        List<PartitionError> errors = new ArrayList<>();
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            Table table = TableOperations.existing(catalog, request.databaseName(), request.tableName(), "tableName");
            for (PartitionValueList doomed : request.partitionsToDelete()) {
                List<String> values = doomed.hasValues() ? doomed.values() : List.of();
                try {
                    checkedValues(table, values, "partitionsToDelete.values");
                    if (catalog.partitions.remove(partitionKey(table, values)) == null) {
                        throw GlueErrors.partitionNotFound();
                    }
                } catch (AwsServiceException refused) {
                    errors.add(error(values, refused.code(), refused.getMessage()));
                }
            }
        }
        return BatchDeletePartitionResponse.builder().errors(errors).build();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The values, if there is one for each of the table's partition keys. */
    private static List<String> checkedValues(Table table, List<String> values, String member) {
        if (values == null) {
            throw GlueErrors.missing(member);
        }
        if (values.size() != table.partitionKeys().size()) {
            throw GlueErrors.invalidInput(GlueErrors.PARTITION_VALUES_MISMATCH);
        }
        return values;
    }

    private static void checkBatchSize(List<?> batch, String member, int max) {
        if (batch == null) {
            throw GlueErrors.missing(member);
        }
        Validation.of(GlueErrors.VALIDATION).size(member, batch, 0, max).orThrow();
    }

    private static String partitionKey(Table table, List<String> values) {
        return CatalogState.partitionKey(CatalogState.tableKey(table.databaseName(), table.name()), values);
    }

    private static PartitionError error(List<String> values, String code, String message) {
        return PartitionError.builder()
                .partitionValues(values)
                .errorDetail(ErrorDetail.builder().errorCode(code).errorMessage(message).build())
                .build();
    }

    private static Partition.Builder fromInput(PartitionInput input, Table table, RequestContext context) {
        return Partition.builder()
                .values(input.values())
                .databaseName(table.databaseName())
                .tableName(table.name())
                .lastAccessTime(input.lastAccessTime())
                .storageDescriptor(input.storageDescriptor())
                .parameters(input.parameters())
                .lastAnalyzedTime(input.lastAnalyzedTime())
                .catalogId(context.accountId());
    }
}
