package gluelab.cloud.services.dynamodb;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.dynamodb.expressions.Documents;
import gluelab.cloud.services.dynamodb.expressions.Path;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import gluelab.cloud.state.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * TransactWriteItems (all of up to 100 checks, puts, updates and deletes, or none) and TransactGetItems. A
 * transaction holds the locks of all its tables, in name order, while it checks every condition and writes.
 */
public final class TransactionOperations {

    private static final int MAX_ITEMS = 100;
    /** How long AWS remembers a ClientRequestToken. */
    private static final long TOKEN_MILLIS = 10 * 60_000;

    private record Seen(TransactWriteItemsRequest request, long expires) {
    }

    private final AccountRegionStore<DynamoDbState> states;
    private final Map<String, Seen> tokens = new ConcurrentHashMap<>();

    TransactionOperations(AccountRegionStore<DynamoDbState> states) {
        this.states = states;
    }

    public TransactWriteItemsResponse transactWriteItems(RequestContext context, TransactWriteItemsRequest request) {
        List<TransactWriteItem> items = checkCount(request.hasTransactItems() ? request.transactItems() : List.of());
        DynamoDbState state = states.get(context);
        long now = context.now().toEpochMilli();
        String token = request.clientRequestToken() == null ? null
                : context.accountId() + "/" + context.region() + "/" + request.clientRequestToken();
        if (token != null) {
            tokens.values().removeIf(seen -> seen.expires() <= now);
            Seen seen = tokens.get(token);
            if (seen != null) {
                if (!seen.request().equals(request)) {
                    throw DynamoDbErrors.idempotentParameterMismatch();
                }
                return TransactWriteItemsResponse.builder().build();
            }
        }
        List<ItemWrite> writes = new ArrayList<>();
        List<Boolean> returnOld = new ArrayList<>();
        Set<String> seenItems = new HashSet<>();
        for (TransactWriteItem item : items) {
            ItemWrite write = prepare(state, item, now);
            if (!seenItems.add(write.table().name() + "/" + write.encodedKey())) {
                throw DynamoDbErrors.validation("Transaction request cannot include multiple operations on one item");
            }
            writes.add(write);
            returnOld.add(returnOnFailure(item) == ReturnValuesOnConditionCheckFailure.ALL_OLD);
        }
        List<Object> locks = new TreeSet<>(writes.stream().map(w -> w.table().name()).collect(Collectors.toSet()))
                .stream().map(state::lock).toList();
        runLocked(locks, 0, () -> commit(state, writes, returnOld));
        if (token != null) {
            tokens.put(token, new Seen(request, now + TOKEN_MILLIS));
        }
        return TransactWriteItemsResponse.builder().build();
    }

    private static <T> List<T> checkCount(List<T> items) {
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw DynamoDbErrors.validation("1 validation error detected at 'transactItems' failed to satisfy "
                    + "constraint: Member must have length " + (items.isEmpty() ? "greater than or equal to 1"
                    : "less than or equal to 100"));
        }
        return items;
    }

    private static void runLocked(List<Object> locks, int from, Runnable action) {
        if (from == locks.size()) {
            action.run();
            return;
        }
        synchronized (locks.get(from)) {
            runLocked(locks, from + 1, action);
        }
    }

    /** Checks every condition and computes every new item; only if all succeed, writes them all. */
    private static void commit(DynamoDbState state, List<ItemWrite> writes, List<Boolean> returnOld) {
        List<Map<String, AttributeValue>> before = new ArrayList<>();
        List<Map<String, AttributeValue>> after = new ArrayList<>();
        ArrayNode reasons = Json.MAPPER.createArrayNode();
        List<String> codes = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < writes.size(); i++) {
            ItemWrite write = writes.get(i);
            Map<String, AttributeValue> current = state.item(write.table().name(), write.encodedKey());
            before.add(current);
            ObjectNode reason = reasons.addObject();
            String code = "None";
            if (!write.conditionHolds(current)) {
                code = "ConditionalCheckFailed";
                reason.put("Code", code).put("Message", "The conditional request failed");
                if (returnOld.get(i) && current != null) {
                    reason.set("Item", ItemCodec.write(current));
                }
                after.add(current);
            } else {
                try {
                    after.add(write.change().apply(current));
                    reason.put("Code", code);
                } catch (AwsServiceException e) {
                    code = "ValidationError";
                    reason.put("Code", code).put("Message", e.getMessage());
                    after.add(current);
                }
            }
            codes.add(code);
            failed |= !code.equals("None");
        }
        if (failed) {
            throw new AwsServiceException("TransactionCanceledException", "Transaction cancelled, please refer "
                    + "cancellation reasons for specific reasons [" + String.join(", ", codes) + "]", 400)
                    .withDocument("CancellationReasons", reasons);
        }
        for (int i = 0; i < writes.size(); i++) {
            writes.get(i).write(state, before.get(i), after.get(i));
        }
    }

    private static ReturnValuesOnConditionCheckFailure returnOnFailure(TransactWriteItem item) {
        if (item.put() != null) {
            return item.put().returnValuesOnConditionCheckFailure();
        }
        if (item.update() != null) {
            return item.update().returnValuesOnConditionCheckFailure();
        }
        if (item.delete() != null) {
            return item.delete().returnValuesOnConditionCheckFailure();
        }
        return item.conditionCheck().returnValuesOnConditionCheckFailure();
    }

    private static ItemWrite prepare(DynamoDbState state, TransactWriteItem item, long now) {
        int kinds = (item.put() != null ? 1 : 0) + (item.update() != null ? 1 : 0) + (item.delete() != null ? 1 : 0)
                + (item.conditionCheck() != null ? 1 : 0);
        if (kinds != 1) {
            throw DynamoDbErrors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        if (item.put() != null) {
            var put = item.put();
            return ItemWrite.put(state.requireActive(put.tableName(), now), put.item(), put.conditionExpression(),
                    put.hasExpressionAttributeNames() ? put.expressionAttributeNames() : null,
                    put.hasExpressionAttributeValues() ? put.expressionAttributeValues() : null);
        }
        if (item.update() != null) {
            var update = item.update();
            return ItemWrite.update(state.requireActive(update.tableName(), now), update.key(),
                    update.updateExpression(), update.conditionExpression(),
                    update.hasExpressionAttributeNames() ? update.expressionAttributeNames() : null,
                    update.hasExpressionAttributeValues() ? update.expressionAttributeValues() : null);
        }
        if (item.delete() != null) {
            var delete = item.delete();
            return ItemWrite.delete(state.requireActive(delete.tableName(), now), delete.key(),
                    delete.conditionExpression(),
                    delete.hasExpressionAttributeNames() ? delete.expressionAttributeNames() : null,
                    delete.hasExpressionAttributeValues() ? delete.expressionAttributeValues() : null);
        }
        var check = item.conditionCheck();
        if (check.conditionExpression() == null) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'transactItems.1.member."
                    + "conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
        }
        return ItemWrite.check(state.requireActive(check.tableName(), now), check.key(), check.conditionExpression(),
                check.hasExpressionAttributeNames() ? check.expressionAttributeNames() : null,
                check.hasExpressionAttributeValues() ? check.expressionAttributeValues() : null);
    }

    public TransactGetItemsResponse transactGetItems(RequestContext context, TransactGetItemsRequest request) {
        List<TransactGetItem> items = checkCount(request.hasTransactItems() ? request.transactItems() : List.of());
        DynamoDbState state = states.get(context);
        long now = context.now().toEpochMilli();
        List<ItemResponse> responses = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (TransactGetItem item : items) {
            Get get = item.get();
            if (get == null) {
                throw DynamoDbErrors.validation("1 validation error detected: Value null at 'transactItems.member.get'"
                        + " failed to satisfy constraint: Member must not be null");
            }
            TableRecord table = state.requireActive(get.tableName(), now);
            String encoded = table.key().encode(table.key().checkedKey(get.key()));
            if (seen.put(table.name() + "/" + encoded, true) != null) {
                throw DynamoDbErrors.validation("Transaction request cannot include multiple operations on one item");
            }
            List<Path> projection = ItemOperations.projection(get.projectionExpression(),
                    get.hasExpressionAttributeNames() ? get.expressionAttributeNames() : null);
            Map<String, AttributeValue> found = state.item(table.name(), encoded);
            responses.add(ItemResponse.builder().item(found == null ? null
                    : projection == null ? found : Documents.project(found, projection)).build());
        }
        return TransactGetItemsResponse.builder().responses(responses).build();
    }
}
