package gluelab.cloud.services.dynamodb;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.dynamodb.expressions.Documents;
import gluelab.cloud.services.dynamodb.expressions.Path;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes, unconditional). Lab Cloud has no
 * throughput limit, so every key and write is processed and UnprocessedKeys/UnprocessedItems are always empty.
 */
public final class BatchOperations {

    private static final int MAX_GETS = 100;
    private static final int MAX_WRITES = 25;

    private final AccountRegionStore<DynamoDbState> states;

    BatchOperations(AccountRegionStore<DynamoDbState> states) {
        this.states = states;
    }

    public BatchGetItemResponse batchGetItem(RequestContext context, BatchGetItemRequest request) {
        if (!request.hasRequestItems() || request.requestItems().isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'requestItems' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        request.requestItems().forEach((table, wanted) -> {
            if (wanted == null) {
                throw DynamoDbErrors.validation("1 validation error detected: Value null at 'requestItems." + table
                        + ".member' failed to satisfy constraint: Member must not be null");
            }
        });
        int total = request.requestItems().values().stream().mapToInt(k -> k.hasKeys() ? k.keys().size() : 0).sum();
        if (total > MAX_GETS) {
            throw DynamoDbErrors.validation("Too many items requested for the BatchGetItem call");
        }
        DynamoDbState state = states.get(context);
        long now = context.now().toEpochMilli();
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        for (Map.Entry<String, KeysAndAttributes> entry : request.requestItems().entrySet()) {
            TableRecord table = state.requireActive(entry.getKey(), now);
            KeysAndAttributes wanted = entry.getValue();
            ItemOperations.checkLegacy("AttributesToGet", wanted.hasAttributesToGet() ? wanted.attributesToGet() : null);
            if (!wanted.hasKeys() || wanted.keys().isEmpty()) {
                throw DynamoDbErrors.validation("1 validation error detected: Value null at 'requestItems."
                        + entry.getKey() + ".member.keys' failed to satisfy constraint: Member must have length "
                        + "greater than or equal to 1");
            }
            List<Path> projection = ItemOperations.projection(wanted.projectionExpression(),
                    wanted.hasExpressionAttributeNames() ? wanted.expressionAttributeNames() : null);
            Set<String> seen = new HashSet<>();
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            for (Map<String, AttributeValue> key : wanted.keys()) {
                String encoded = table.key().encode(table.key().checkedKey(key));
                if (!seen.add(encoded)) {
                    throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                }
                Map<String, AttributeValue> item = state.item(table.name(), encoded);
                if (item != null) {
                    found.add(projection == null ? item : Documents.project(item, projection));
                }
            }
            responses.put(table.name(), found);
        }
        return BatchGetItemResponse.builder().responses(responses).unprocessedKeys(Map.of()).build();
    }

    public BatchWriteItemResponse batchWriteItem(RequestContext context, BatchWriteItemRequest request) {
        if (!request.hasRequestItems() || request.requestItems().isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'requestItems' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        int total = request.requestItems().values().stream().mapToInt(List::size).sum();
        if (total > MAX_WRITES) {
            throw DynamoDbErrors.validation("Too many items requested for the BatchWriteItem call");
        }
        DynamoDbState state = states.get(context);
        long now = context.now().toEpochMilli();
        List<ItemWrite> writes = new ArrayList<>();
        for (Map.Entry<String, List<WriteRequest>> entry : request.requestItems().entrySet()) {
            TableRecord table = state.requireActive(entry.getKey(), now);
            Set<String> seen = new HashSet<>();
            for (WriteRequest write : entry.getValue()) {
                if ((write.putRequest() == null) == (write.deleteRequest() == null)) {
                    throw DynamoDbErrors.validation("Supplied AttributeValue has more than one datatypes set, must "
                            + "contain exactly one of the supported datatypes");
                }
                ItemWrite prepared = write.putRequest() != null
                        ? ItemWrite.put(table, write.putRequest().item(), null, null, null)
                        : ItemWrite.delete(table, write.deleteRequest().key(), null, null, null);
                if (!seen.add(prepared.encodedKey())) {
                    throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                }
                writes.add(prepared);
            }
        }
        for (ItemWrite write : writes) {
            synchronized (state.lock(write.table().name())) {
                write.apply(state, false);
            }
        }
        return BatchWriteItemResponse.builder().unprocessedItems(Map.of()).build();
    }
}
