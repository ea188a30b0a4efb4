package gluelab.cloud.services.dynamodb;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.services.dynamodb.model.AttributeValues;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Tables: CreateTable, DescribeTable, ListTables, UpdateTable (adding or removing a GSI) and DeleteTable. */
public final class TableOperations {

    /**
     * How long a new table or index stays CREATING, on the lab clock. AWS takes seconds; here the CreateTable or
     * UpdateTable answer says CREATING and the next request sees ACTIVE, so the SDK waiters' first DescribeTable
     * matches and no one waits out their 20-second poll.
     */
    static final long SETTLE_MILLIS = 0;
    private static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";

    private final AccountRegionStore<DynamoDbState> states;
    private final TimeToLiveOperations timeToLive;

    TableOperations(AccountRegionStore<DynamoDbState> states, TimeToLiveOperations timeToLive) {
        this.states = states;
        this.timeToLive = timeToLive;
    }

    public CreateTableResponse createTable(RequestContext context, CreateTableRequest request) {
        Validation.of("ValidationException")
                .required("tableName", request.tableName())
                .length("tableName", request.tableName(), 3, 255)
                .pattern("tableName", request.tableName(), NAME_PATTERN)
                .required("keySchema", request.hasKeySchema() ? request.keySchema() : null)
                .size("keySchema", request.hasKeySchema() ? request.keySchema() : null, 1, 2)
                .required("attributeDefinitions",
                        request.hasAttributeDefinitions() ? request.attributeDefinitions() : null)
                .orThrow();
        checkDefinitions(request);
        BillingMode billing = request.billingMode() == null ? BillingMode.PROVISIONED : request.billingMode();
        checkThroughput(billing, request.provisionedThroughput(), "table");
        DynamoDbState state = states.get(context);
        long now = context.now().toEpochMilli();
        Arn arn = Arn.in(state.scope, "dynamodb", "table/" + request.tableName());
        KeySchema tableKey = KeySchema.of(request.keySchema(), request.attributeDefinitions());
        Set<String> indexNames = new LinkedHashSet<>();
        List<GlobalSecondaryIndexDescription> globals = new ArrayList<>();
        for (GlobalSecondaryIndex index : request.globalSecondaryIndexes()) {
            checkIndexName(index.indexName(), indexNames);
            checkIndexKey(index.keySchema());
            checkProjection(index.projection());
            if (billing == BillingMode.PROVISIONED && index.provisionedThroughput() == null) {
                throw DynamoDbErrors.invalidParameter("ProvisionedThroughput must be specified for index: "
                        + index.indexName());
            }
            checkThroughput(billing, index.provisionedThroughput(), "index");
            globals.add(GlobalSecondaryIndexDescription.builder().indexName(index.indexName())
                    .keySchema(index.keySchema()).projection(index.projection()).indexStatus(IndexStatus.ACTIVE)
                    .provisionedThroughput(throughput(billing, index.provisionedThroughput(), now))
                    .indexArn(arn + "/index/" + index.indexName()).indexSizeBytes(0L).itemCount(0L).build());
        }
        List<LocalSecondaryIndexDescription> locals = new ArrayList<>();
        for (LocalSecondaryIndex index : request.localSecondaryIndexes()) {
            checkIndexName(index.indexName(), indexNames);
            checkIndexKey(index.keySchema());
            checkProjection(index.projection());
            KeySchema key = KeySchema.of(index.keySchema(), request.attributeDefinitions());
            if (tableKey.sort() == null) {
                throw DynamoDbErrors.invalidParameter("Table KeySchema does not have a range key, which is required "
                        + "when specifying a LocalSecondaryIndex");
            }
            if (!key.partition().equals(tableKey.partition()) || key.sort() == null) {
                throw DynamoDbErrors.invalidParameter("Index KeySchema does not have the same leading hash key as "
                        + "table KeySchema for index: " + index.indexName() + ". index hash key: " + key.partition()
                        + ", table hash key: " + tableKey.partition());
            }
            locals.add(LocalSecondaryIndexDescription.builder().indexName(index.indexName())
                    .keySchema(index.keySchema()).projection(index.projection())
                    .indexArn(arn + "/index/" + index.indexName()).indexSizeBytes(0L).itemCount(0L).build());
        }
        TableDescription.Builder description = TableDescription.builder()
                .tableName(request.tableName()).tableArn(arn.toString()).tableId(UUID.randomUUID().toString())
                .tableStatus(TableStatus.CREATING).creationDateTime(context.now())
                .keySchema(request.keySchema()).attributeDefinitions(request.attributeDefinitions())
                .provisionedThroughput(throughput(billing, request.provisionedThroughput(), now))
                .billingModeSummary(billing == BillingMode.PAY_PER_REQUEST ? BillingModeSummary.builder()
                        .billingMode(billing).lastUpdateToPayPerRequestDateTime(context.now()).build() : null)
                .globalSecondaryIndexes(globals.isEmpty() ? null : globals)
                .localSecondaryIndexes(locals.isEmpty() ? null : locals)
                .deletionProtectionEnabled(Boolean.TRUE.equals(request.deletionProtectionEnabled()))
                .tableClassSummary(request.tableClass() == null ? null
                        : software.amazon.awssdk.services.dynamodb.model.TableClassSummary.builder()
                                .tableClass(request.tableClass()).build());
        withStream(description, request.streamSpecification(), arn, context.now());
        TableRecord table = new TableRecord(description.build(), now + SETTLE_MILLIS);
        synchronized (state) {
            if (state.find(request.tableName(), now).isPresent()) {
                throw DynamoDbErrors.resourceInUse("Table already exists: " + request.tableName());
            }
            state.putTable(table);
            if (request.hasTags() && !request.tags().isEmpty()) {
                state.putTags(request.tableName(), TagOperations.checked(request.tags(), Map.of()));
            }
        }
        return CreateTableResponse.builder().tableDescription(live(state, table)).build();
    }

    private static void withStream(TableDescription.Builder description, StreamSpecification stream, Arn arn,
                                   Instant now) {
        if (stream == null) {
            return;
        }
        if (Boolean.TRUE.equals(stream.streamEnabled()) && stream.streamViewType() == null) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: StreamViewType is required "
                    + "when stream is enabled");
        }
        description.streamSpecification(stream);
        if (Boolean.TRUE.equals(stream.streamEnabled())) {
            String label = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC)
                    .format(now);
            description.latestStreamLabel(label).latestStreamArn(arn + "/stream/" + label);
        }
    }

    private static void checkDefinitions(CreateTableRequest request) {
        List<KeySchemaElement> keys = new ArrayList<>(request.keySchema());
        request.globalSecondaryIndexes().forEach(i -> keys.addAll(i.keySchema()));
        request.localSecondaryIndexes().forEach(i -> keys.addAll(i.keySchema()));
        keys.forEach(TableOperations::checkKeyElement);
        Set<String> defined = new LinkedHashSet<>();
        for (AttributeDefinition definition : request.attributeDefinitions()) {
            if (definition.attributeName() == null) {
                throw DynamoDbErrors.validation("1 validation error detected: Value null at 'attributeDefinitions."
                        + "member.attributeName' failed to satisfy constraint: Member must not be null");
            }
            if (!List.of("S", "N", "B").contains(definition.attributeTypeAsString())) {
                throw DynamoDbErrors.validation("1 validation error detected: Value '"
                        + definition.attributeTypeAsString() + "' at 'attributeDefinitions."
                        + (defined.size() + 1) + ".member.attributeType' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [B, N, S]");
            }
            if (!defined.add(definition.attributeName())) {
                throw DynamoDbErrors.invalidParameter("Cannot have two attributes with the same name");
            }
        }
        checkIndexKey(request.keySchema());
        Set<String> used = new LinkedHashSet<>();
        request.keySchema().forEach(k -> used.add(k.attributeName()));
        request.globalSecondaryIndexes().forEach(i -> i.keySchema().forEach(k -> used.add(k.attributeName())));
        request.localSecondaryIndexes().forEach(i -> i.keySchema().forEach(k -> used.add(k.attributeName())));
        if (!defined.containsAll(used)) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(defined);
            throw DynamoDbErrors.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. "
                    + "Keys: " + new ArrayList<>(missing) + ", AttributeDefinitions: " + new ArrayList<>(defined));
        }
        if (!used.containsAll(defined)) {
            if (request.globalSecondaryIndexes().isEmpty() && request.localSecondaryIndexes().isEmpty()) {
                throw DynamoDbErrors.invalidParameter("Number of attributes in KeySchema does not exactly match "
                        + "number of attributes defined in AttributeDefinitions");
            }
            throw DynamoDbErrors.invalidParameter("Some AttributeDefinitions are not used. AttributeDefinitions: "
                    + new ArrayList<>(defined) + ", keys used: " + new ArrayList<>(used));
        }
    }

    private static void checkKeyElement(KeySchemaElement key) {
        if (key.attributeName() == null || key.keyType() == null) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'keySchema.member."
                    + (key.attributeName() == null ? "attributeName" : "keyType")
                    + "' failed to satisfy constraint: Member must not be null");
        }
    }

    private static void checkIndexKey(List<KeySchemaElement> key) {
        key.forEach(TableOperations::checkKeyElement);
        if (key.isEmpty() || key.size() > 2 || key.get(0).keyType() != KeyType.HASH
                || key.size() == 2 && key.get(1).keyType() != KeyType.RANGE) {
            throw DynamoDbErrors.invalidParameter("Invalid KeySchema: The first KeySchemaElement is not a HASH key "
                    + "type");
        }
        if (key.size() == 2 && key.get(0).attributeName().equals(key.get(1).attributeName())) {
            throw DynamoDbErrors.invalidParameter("Both the Hash Key and the Range Key element in the KeySchema have "
                    + "the same name");
        }
    }

    private static void checkIndexName(String name, Set<String> names) {
        if (name == null || name.length() < 3 || !name.matches(NAME_PATTERN)) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + name + "' at 'indexName' failed"
                    + " to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        if (!names.add(name)) {
            throw DynamoDbErrors.invalidParameter("Duplicate index name: " + name);
        }
    }

    private static void checkProjection(Projection projection) {
        if (projection == null || projection.projectionType() == null) {
            throw DynamoDbErrors.invalidParameter("Unknown ProjectionType: null");
        }
        boolean include = projection.projectionTypeAsString().equals("INCLUDE");
        if (!include && projection.hasNonKeyAttributes()) {
            throw DynamoDbErrors.invalidParameter("ProjectionType is " + projection.projectionTypeAsString()
                    + ", but NonKeyAttributes is specified");
        }
    }

    private static void checkThroughput(BillingMode billing, ProvisionedThroughput throughput, String of) {
        if (billing == BillingMode.PAY_PER_REQUEST && throughput != null) {
            throw DynamoDbErrors.invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified "
                    + "when BillingMode is PAY_PER_REQUEST");
        }
        if (billing == BillingMode.PROVISIONED) {
            if (throughput == null) {
                throw DynamoDbErrors.invalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be "
                        + "specified when BillingMode is PROVISIONED");
            }
            Validation.of("ValidationException")
                    .range("provisionedThroughput.readCapacityUnits", throughput.readCapacityUnits(), 1,
                            Long.MAX_VALUE)
                    .range("provisionedThroughput.writeCapacityUnits", throughput.writeCapacityUnits(), 1,
                            Long.MAX_VALUE)
                    .orThrow();
        }
    }

    private static ProvisionedThroughputDescription throughput(BillingMode billing, ProvisionedThroughput given,
                                                               long now) {
        return ProvisionedThroughputDescription.builder().numberOfDecreasesToday(0L)
                .readCapacityUnits(billing == BillingMode.PROVISIONED ? given.readCapacityUnits() : 0L)
                .writeCapacityUnits(billing == BillingMode.PROVISIONED ? given.writeCapacityUnits() : 0L).build();
    }

    public DescribeTableResponse describeTable(RequestContext context, DescribeTableRequest request) {
        DynamoDbState state = states.get(context);
        TableRecord table = state.require(request.tableName(), context.now().toEpochMilli());
        return DescribeTableResponse.builder().table(live(state, table)).build();
    }

    /** The description with the item count and size of now, for the table and each index. */
    static TableDescription live(DynamoDbState state, TableRecord table) {
        Map<String, KeySchema> indexes = table.indexes();
        long count = 0;
        long bytes = 0;
        Map<String, long[]> perIndex = new java.util.HashMap<>();
        for (Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item
                : state.tableItems(table.name()).values()) {
            int size = AttributeValues.size(item);
            count++;
            bytes += size;
            indexes.forEach((name, key) -> {
                if (key.covers(item)) {
                    long[] totals = perIndex.computeIfAbsent(name, n -> new long[2]);
                    totals[0]++;
                    totals[1] += size;
                }
            });
        }
        TableDescription description = table.description();
        List<GlobalSecondaryIndexDescription> globals = description.globalSecondaryIndexes().stream()
                .map(index -> index.toBuilder().itemCount(perIndex.getOrDefault(index.indexName(), new long[2])[0])
                        .indexSizeBytes(perIndex.getOrDefault(index.indexName(), new long[2])[1]).build()).toList();
        List<LocalSecondaryIndexDescription> locals = description.localSecondaryIndexes().stream()
                .map(index -> index.toBuilder().itemCount(perIndex.getOrDefault(index.indexName(), new long[2])[0])
                        .indexSizeBytes(perIndex.getOrDefault(index.indexName(), new long[2])[1]).build()).toList();
        return description.toBuilder().itemCount(count).tableSizeBytes(bytes)
                .globalSecondaryIndexes(globals.isEmpty() ? null : globals)
                .localSecondaryIndexes(locals.isEmpty() ? null : locals).build();
    }

    public ListTablesResponse listTables(RequestContext context, ListTablesRequest request) {
        Validation.of("ValidationException").range("limit", request.limit(), 1, 100).orThrow();
        int limit = request.limit() == null ? 100 : request.limit();
        String after = request.exclusiveStartTableName();
        List<String> names = states.get(context).tables().stream().map(TableRecord::name)
                .filter(name -> after == null || name.compareTo(after) > 0).sorted().toList();
        List<String> page = names.subList(0, Math.min(limit, names.size()));
        return ListTablesResponse.builder().tableNames(page)
                .lastEvaluatedTableName(names.size() > limit ? page.get(page.size() - 1) : null).build();
    }

    public software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse updateTable(
            RequestContext context, software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest request) {
        DynamoDbState state = states.get(context);
        long now = context.now().toEpochMilli();
        synchronized (state) {
            TableRecord table = state.require(request.tableName(), now);
            if (!table.isActive()) {
                throw DynamoDbErrors.resourceInUse("Attempt to change a resource which is still in use: Table is "
                        + "being " + (table.description().tableStatus() == TableStatus.CREATING ? "created"
                        : "updated") + ": " + table.name());
            }
            TableDescription.Builder description = table.description().toBuilder();
            List<AttributeDefinition> definitions = new ArrayList<>(table.description().attributeDefinitions());
            if (request.hasAttributeDefinitions()) {
                for (AttributeDefinition definition : request.attributeDefinitions()) {
                    definitions.removeIf(d -> d.attributeName().equals(definition.attributeName()));
                    definitions.add(definition);
                }
            }
            List<GlobalSecondaryIndexDescription> globals = new ArrayList<>(table.description()
                    .globalSecondaryIndexes());
            BillingMode billing = request.billingMode() != null ? request.billingMode()
                    : table.description().billingModeSummary() != null
                    ? table.description().billingModeSummary().billingMode() : BillingMode.PROVISIONED;
            boolean changing = false;
            for (GlobalSecondaryIndexUpdate update : request.globalSecondaryIndexUpdates()) {
                if (update.create() != null) {
                    var create = update.create();
                    Set<String> names = globals.stream().map(GlobalSecondaryIndexDescription::indexName)
                            .collect(Collectors.toCollection(LinkedHashSet::new));
                    table.description().localSecondaryIndexes().forEach(l -> names.add(l.indexName()));
                    if (names.contains(create.indexName())) {
                        throw DynamoDbErrors.validation("One or more parameter values were invalid: Attempting to "
                                + "create an index which already exists");
                    }
                    checkIndexName(create.indexName(), names);
                    checkIndexKey(create.keySchema());
                    checkProjection(create.projection());
                    for (KeySchemaElement element : create.keySchema()) {
                        if (definitions.stream().noneMatch(d -> d.attributeName().equals(element.attributeName()))) {
                            throw DynamoDbErrors.invalidParameter("Some index key attributes are not defined in "
                                    + "AttributeDefinitions. Keys: [" + element.attributeName() + "]");
                        }
                    }
                    if (billing == BillingMode.PROVISIONED && create.provisionedThroughput() == null) {
                        throw DynamoDbErrors.invalidParameter("ProvisionedThroughput must be specified for index: "
                                + create.indexName());
                    }
                    globals.add(GlobalSecondaryIndexDescription.builder().indexName(create.indexName())
                            .keySchema(create.keySchema()).projection(create.projection())
                            .indexStatus(IndexStatus.CREATING).backfilling(true)
                            .provisionedThroughput(throughput(billing, create.provisionedThroughput(), now))
                            .indexArn(table.description().tableArn() + "/index/" + create.indexName())
                            .indexSizeBytes(0L).itemCount(0L).build());
                    changing = true;
                } else if (update.delete() != null) {
                    String name = update.delete().indexName();
                    if (!globals.removeIf(g -> g.indexName().equals(name))) {
                        throw DynamoDbErrors.resourceNotFound();
                    }
                    changing = true;
                }
            }
            if (request.billingMode() != null) {
                description.billingModeSummary(BillingModeSummary.builder().billingMode(request.billingMode())
                        .lastUpdateToPayPerRequestDateTime(context.now()).build());
            }
            if (request.provisionedThroughput() != null) {
                checkThroughput(billing, request.provisionedThroughput(), "table");
                description.provisionedThroughput(throughput(billing, request.provisionedThroughput(), now));
            }
            if (request.streamSpecification() != null) {
                withStream(description, request.streamSpecification(),
                        Arn.parse(table.description().tableArn()).orElseThrow(), context.now());
            }
            if (request.deletionProtectionEnabled() != null) {
                description.deletionProtectionEnabled(request.deletionProtectionEnabled());
            }
            description.attributeDefinitions(definitions).globalSecondaryIndexes(globals.isEmpty() ? null : globals);
            if (changing) {
                description.tableStatus(TableStatus.UPDATING);
            }
            TableRecord updated = new TableRecord(description.build(), changing ? now + SETTLE_MILLIS
                    : table.settlesAt());
            state.putTable(updated);
            return software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse.builder()
                    .tableDescription(live(state, updated)).build();
        }
    }

    public DeleteTableResponse deleteTable(RequestContext context, DeleteTableRequest request) {
        DynamoDbState state = states.get(context);
        synchronized (state) {
            TableRecord table = state.require(request.tableName(), context.now().toEpochMilli());
            if (Boolean.TRUE.equals(table.description().deletionProtectionEnabled())) {
                throw DynamoDbErrors.validation("1 validation error detected: Table '" + table.name()
                        + "' can't be deleted while DeletionProtectionEnabled is set to True");
            }
            TableDescription description = live(state, table).toBuilder().tableStatus(TableStatus.DELETING).build();
            state.deleteTable(table.name());
            timeToLive.forget(context.scope(), table.name());
            return DeleteTableResponse.builder().tableDescription(description).build();
        }
    }
}
