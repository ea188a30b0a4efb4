package gluelab.cloud.services.dynamodb;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.services.dynamodb.expressions.Condition;
import gluelab.cloud.services.dynamodb.expressions.ConditionEvaluator;
import gluelab.cloud.services.dynamodb.expressions.ConditionParser;
import gluelab.cloud.services.dynamodb.expressions.Documents;
import gluelab.cloud.services.dynamodb.expressions.ExpressionAttributes;
import gluelab.cloud.services.dynamodb.expressions.ExpressionKind;
import gluelab.cloud.services.dynamodb.expressions.Path;
import gluelab.cloud.services.dynamodb.expressions.ProjectionParser;
import gluelab.cloud.services.dynamodb.model.AttributeValues;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query and Scan, on a table or one of its indexes. As on AWS, Limit counts the items read, before the
 * FilterExpression; a page stops at Limit or once it has read 1 MB, and then answers LastEvaluatedKey.
 */
public final class QueryScanOperations {

    static final int PAGE_BYTES = 1024 * 1024;

    private final AccountRegionStore<DynamoDbState> states;

    QueryScanOperations(AccountRegionStore<DynamoDbState> states) {
        this.states = states;
    }

    /** The table or index a read goes through: its key, its items in key order, and what it projects. */
    private record Source(TableRecord table, KeySchema key, String indexName, Projection projection) {

        static Source of(TableRecord table, String indexName) {
            if (indexName == null) {
                return new Source(table, table.key(), null, null);
            }
            KeySchema key = table.indexes().get(indexName);
            if (key == null) {
                throw DynamoDbErrors.validation("The table does not have the specified index: " + indexName);
            }
            Projection projection = table.description().globalSecondaryIndexes().stream()
                    .filter(i -> i.indexName().equals(indexName)).map(GlobalSecondaryIndexDescription::projection)
                    .findFirst().orElseGet(() -> table.description().localSecondaryIndexes().stream()
                            .filter(i -> i.indexName().equals(indexName))
                            .map(LocalSecondaryIndexDescription::projection).findFirst().orElseThrow());
            return new Source(table, key, indexName, projection);
        }

        boolean isIndex() {
            return indexName != null;
        }

        /** Where an item sorts in this source: its index key, then (for an index) the table's key. */
        String position(Map<String, AttributeValue> item) {
            return isIndex() ? key.encode(item) + "\u0001" + table.key().encode(item) : key.encode(item);
        }

        /** The items of the index, or of the partition when one is given, in this source's key order. */
        Collection<Map<String, AttributeValue>> items(DynamoDbState state, AttributeValue partition) {
            if (!isIndex()) {
                return partition == null ? state.tableItems(table.name()).values()
                        : state.partitionItems(table.name(), key.partitionPrefix(partition)).values();
            }
            TreeMap<String, Map<String, AttributeValue>> sorted = new TreeMap<>();
            for (Map<String, AttributeValue> item : state.tableItems(table.name()).values()) {
                if (key.covers(item) && (partition == null || AttributeValues.same(item.get(key.partition()), partition))) {
                    sorted.put(position(item), item);
                }
            }
            return sorted.values();
        }

        /** The item as the index holds it: keys and the projected attributes only. */
        Map<String, AttributeValue> projected(Map<String, AttributeValue> item) {
            if (projection == null || projection.projectionTypeAsString().equals("ALL")) {
                return item;
            }
            Map<String, AttributeValue> kept = new LinkedHashMap<>();
            item.forEach((name, value) -> {
                if (key.isKey(name) || table.key().isKey(name) || projection.nonKeyAttributes().contains(name)) {
                    kept.put(name, value);
                }
            });
            return kept;
        }

        Map<String, AttributeValue> lastKey(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> last = new LinkedHashMap<>(table.key().keyOf(item));
            if (isIndex()) {
                last.putAll(key.keyOf(item));
            }
            return last;
        }

        /** The position after which a page starts, from ExclusiveStartKey. */
        String start(Map<String, AttributeValue> exclusiveStartKey) {
            Map<String, AttributeValue> checked = table.key().checkedKey(isIndex()
                    ? onlyKeys(exclusiveStartKey, table.key()) : exclusiveStartKey);
            Map<String, AttributeValue> all = new LinkedHashMap<>(exclusiveStartKey);
            all.putAll(checked);
            if (isIndex() && !key.covers(all)) {
                throw DynamoDbErrors.validation("The provided starting key is invalid: The provided key element does"
                        + " not match the schema");
            }
            return position(all);
        }

        private static Map<String, AttributeValue> onlyKeys(Map<String, AttributeValue> item, KeySchema key) {
            Map<String, AttributeValue> keys = new LinkedHashMap<>();
            key.names().forEach(name -> {
                if (item.containsKey(name)) {
                    keys.put(name, item.get(name));
                }
            });
            return keys;
        }
    }

    /** What a page read: the items to answer, how many were read, and where it stopped if it stopped early. */
    private record Page(List<Map<String, AttributeValue>> items, int scanned, Map<String, AttributeValue> lastKey) {
    }

    private static Page read(Source source, Iterable<Map<String, AttributeValue>> ordered, String start,
                             boolean forward, Integer limit, java.util.function.Predicate<Map<String, AttributeValue>> inRange,
                             Condition filter, List<Path> projection, boolean count) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int scanned = 0;
        int bytes = 0;
        Map<String, AttributeValue> last = null;
        for (Map<String, AttributeValue> item : ordered) {
            if (start != null) {
                int order = source.position(item).compareTo(start);
                if (forward ? order <= 0 : order >= 0) {
                    continue;
                }
            }
            if (!inRange.test(item)) {
                continue;
            }
            Map<String, AttributeValue> held = source.projected(item);
            scanned++;
            bytes += AttributeValues.size(held);
            if (filter == null || ConditionEvaluator.test(filter, held)) {
                items.add(count ? Map.of() : projection == null ? held : Documents.project(held, projection));
            }
            if (limit != null && scanned >= limit || bytes >= PAGE_BYTES) {
                last = source.lastKey(item);
                break;
            }
        }
        return new Page(items, scanned, last);
    }

    private static Select select(Select select, String selectText, List<Path> projection, Source source) {
        if (selectText == null) {
            return projection != null ? Select.SPECIFIC_ATTRIBUTES
                    : source.isIndex() ? Select.ALL_PROJECTED_ATTRIBUTES : Select.ALL_ATTRIBUTES;
        }
        if (select == Select.SPECIFIC_ATTRIBUTES && projection == null) {
            throw DynamoDbErrors.validation("Must specify the AttributesToGet or ProjectionExpression when choosing "
                    + "to get SPECIFIC_ATTRIBUTES");
        }
        if (select != Select.SPECIFIC_ATTRIBUTES && projection != null) {
            throw DynamoDbErrors.validation("Cannot specify the ProjectionExpression when choosing to get "
                    + selectText);
        }
        if (select == Select.ALL_PROJECTED_ATTRIBUTES && !source.isIndex()) {
            throw DynamoDbErrors.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an "
                    + "IndexName");
        }
        return select;
    }

    private static void checkFilterAvoidsKeys(Condition filter, KeySchema key, List<Path> paths) {
        if (filter == null) {
            return;
        }
        collectPaths(filter, paths);
        for (Path path : paths) {
            if (key.isKey(path.top())) {
                throw DynamoDbErrors.validation("Filter Expression can only contain non-primary key attributes: "
                        + "Primary key attribute: " + path.top());
            }
        }
    }

    private static void collectPaths(Condition condition, List<Path> paths) {
        if (condition instanceof Condition.And and) {
            collectPaths(and.left(), paths);
            collectPaths(and.right(), paths);
        } else if (condition instanceof Condition.Or or) {
            collectPaths(or.left(), paths);
            collectPaths(or.right(), paths);
        } else if (condition instanceof Condition.Not not) {
            collectPaths(not.condition(), paths);
        } else {
            Path subject = Condition.subject(condition);
            if (subject != null) {
                paths.add(subject);
            }
        }
    }

    public QueryResponse query(RequestContext context, QueryRequest request) {
        ItemOperations.checkLegacy("KeyConditions", request.hasKeyConditions() ? request.keyConditions() : null);
        ItemOperations.checkLegacy("QueryFilter", request.hasQueryFilter() ? request.queryFilter() : null);
        ItemOperations.checkLegacy("AttributesToGet", request.hasAttributesToGet() ? request.attributesToGet() : null);
        Validation.of("ValidationException").range("limit", request.limit(), 1, Integer.MAX_VALUE).orThrow();
        if (request.keyConditionExpression() == null) {
            throw DynamoDbErrors.validation("Either the KeyConditions or KeyConditionExpression parameter must be "
                    + "specified in the request.");
        }
        DynamoDbState state = states.get(context);
        TableRecord table = state.requireActive(request.tableName(), context.now().toEpochMilli());
        Source source = Source.of(table, request.indexName());
        if (Boolean.TRUE.equals(request.consistentRead()) && source.isIndex() && table.description()
                .globalSecondaryIndexes().stream().anyMatch(i -> i.indexName().equals(request.indexName()))) {
            throw DynamoDbErrors.validation("Consistent reads are not supported on global secondary indexes");
        }
        ExpressionAttributes attributes = new ExpressionAttributes(
                request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : null,
                request.hasExpressionAttributeValues() ? request.expressionAttributeValues() : null, true);
        KeyCondition keys = KeyCondition.of(ConditionParser.parse(request.keyConditionExpression(),
                ExpressionKind.KEY_CONDITION, attributes), source.key());
        Condition filter = request.filterExpression() == null ? null
                : ConditionParser.parse(request.filterExpression(), ExpressionKind.FILTER, attributes);
        List<Path> projection = request.projectionExpression() == null ? null
                : ProjectionParser.parse(request.projectionExpression(), attributes);
        attributes.checkAllUsed();
        checkFilterAvoidsKeys(filter, source.key(), new ArrayList<>());
        Select select = select(request.select(), request.selectAsString(), projection, source);
        boolean forward = !Boolean.FALSE.equals(request.scanIndexForward());
        List<Map<String, AttributeValue>> ordered = new ArrayList<>(source.items(state, keys.partitionValue()));
        if (!forward) {
            java.util.Collections.reverse(ordered);
        }
        String start = request.hasExclusiveStartKey() ? source.start(request.exclusiveStartKey()) : null;
        Page page = read(source, ordered, start, forward, request.limit(), keys::matches, filter, projection,
                select == Select.COUNT);
        return QueryResponse.builder().items(select == Select.COUNT ? null : page.items())
                .count(page.items().size()).scannedCount(page.scanned()).lastEvaluatedKey(page.lastKey()).build();
    }

    public ScanResponse scan(RequestContext context, ScanRequest request) {
        ItemOperations.checkLegacy("ScanFilter", request.hasScanFilter() ? request.scanFilter() : null);
        ItemOperations.checkLegacy("AttributesToGet", request.hasAttributesToGet() ? request.attributesToGet() : null);
        Validation.of("ValidationException").range("limit", request.limit(), 1, Integer.MAX_VALUE)
                .range("segment", request.segment(), 0, 999_999)
                .range("totalSegments", request.totalSegments(), 1, 1_000_000).orThrow();
        if ((request.segment() == null) != (request.totalSegments() == null)) {
            throw DynamoDbErrors.validation("The TotalSegments parameter is required but was not present in the "
                    + "request when Segment parameter is present");
        }
        if (request.segment() != null && request.segment() >= request.totalSegments()) {
            throw DynamoDbErrors.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + request.segment() + " is not less than TotalSegments: "
                    + request.totalSegments());
        }
        DynamoDbState state = states.get(context);
        TableRecord table = state.requireActive(request.tableName(), context.now().toEpochMilli());
        Source source = Source.of(table, request.indexName());
        ExpressionAttributes attributes = new ExpressionAttributes(
                request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : null,
                request.hasExpressionAttributeValues() ? request.expressionAttributeValues() : null,
                request.filterExpression() != null || request.projectionExpression() != null);
        Condition filter = request.filterExpression() == null ? null
                : ConditionParser.parse(request.filterExpression(), ExpressionKind.FILTER, attributes);
        List<Path> projection = request.projectionExpression() == null ? null
                : ProjectionParser.parse(request.projectionExpression(), attributes);
        attributes.checkAllUsed();
        Select select = select(request.select(), request.selectAsString(), projection, source);
        String start = request.hasExclusiveStartKey() ? source.start(request.exclusiveStartKey()) : null;
        java.util.function.Predicate<Map<String, AttributeValue>> inSegment = request.segment() == null ? item -> true
                : item -> Math.floorMod(source.key().partitionPrefix(item.get(source.key().partition())).hashCode(),
                        request.totalSegments()) == request.segment();
        Page page = read(source, source.items(state, null), start, true, request.limit(), inSegment, filter,
                projection, select == Select.COUNT);
        return ScanResponse.builder().items(select == Select.COUNT ? null : page.items())
                .count(page.items().size()).scannedCount(page.scanned()).lastEvaluatedKey(page.lastKey()).build();
    }
}
