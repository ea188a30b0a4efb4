package gluelab.cloud.services.dynamodb;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.dynamodb.expressions.Documents;
import gluelab.cloud.services.dynamodb.expressions.ExpressionAttributes;
import gluelab.cloud.services.dynamodb.expressions.Path;
import gluelab.cloud.services.dynamodb.expressions.ProjectionParser;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** Single items: PutItem, GetItem, UpdateItem and DeleteItem, with conditions and ReturnValues. */
public final class ItemOperations {

    private final AccountRegionStore<DynamoDbState> states;

    ItemOperations(AccountRegionStore<DynamoDbState> states) {
        this.states = states;
    }

    static void checkLegacy(String member, Object value) {
        if (value != null && !(value instanceof java.util.Collection<?> c && c.isEmpty())
                && !(value instanceof Map<?, ?> m && m.isEmpty())) {
            throw DynamoDbErrors.validation("Lab Cloud does not support the legacy parameter " + member
                    + "; use the expression parameters instead");
        }
    }

    private static boolean returnItemOnFailure(ReturnValuesOnConditionCheckFailure option) {
        return option == ReturnValuesOnConditionCheckFailure.ALL_OLD;
    }

    private static ReturnValue returnValues(ReturnValue requested, String given, List<ReturnValue> allowed) {
        if (given == null) {
            return ReturnValue.NONE;
        }
        if (!allowed.contains(requested)) {
            throw DynamoDbErrors.validation("Return values set to invalid value");
        }
        return requested;
    }

    static Map<String, AttributeValue> nonEmpty(Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? null : item;
    }

    public PutItemResponse putItem(RequestContext context, PutItemRequest request) {
        checkLegacy("Expected", request.hasExpected() ? request.expected() : null);
        ReturnValue returns = returnValues(request.returnValues(), request.returnValuesAsString(),
                List.of(ReturnValue.NONE, ReturnValue.ALL_OLD));
        DynamoDbState state = states.get(context);
        TableRecord table = state.requireActive(request.tableName(), context.now().toEpochMilli());
        ItemWrite write = ItemWrite.put(table, request.hasItem() ? request.item() : null, request.conditionExpression(),
                request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : null,
                request.hasExpressionAttributeValues() ? request.expressionAttributeValues() : null);
        ItemWrite.Outcome outcome;
        synchronized (state.lock(table.name())) {
            outcome = write.apply(state, returnItemOnFailure(request.returnValuesOnConditionCheckFailure()));
        }
        return PutItemResponse.builder()
                .attributes(returns == ReturnValue.ALL_OLD ? nonEmpty(outcome.before()) : null).build();
    }

    public DeleteItemResponse deleteItem(RequestContext context, DeleteItemRequest request) {
        checkLegacy("Expected", request.hasExpected() ? request.expected() : null);
        ReturnValue returns = returnValues(request.returnValues(), request.returnValuesAsString(),
                List.of(ReturnValue.NONE, ReturnValue.ALL_OLD));
        DynamoDbState state = states.get(context);
        TableRecord table = state.requireActive(request.tableName(), context.now().toEpochMilli());
        ItemWrite write = ItemWrite.delete(table, request.key(), request.conditionExpression(),
                request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : null,
                request.hasExpressionAttributeValues() ? request.expressionAttributeValues() : null);
        ItemWrite.Outcome outcome;
        synchronized (state.lock(table.name())) {
            outcome = write.apply(state, returnItemOnFailure(request.returnValuesOnConditionCheckFailure()));
        }
        return DeleteItemResponse.builder()
                .attributes(returns == ReturnValue.ALL_OLD ? nonEmpty(outcome.before()) : null).build();
    }

    public UpdateItemResponse updateItem(RequestContext context, UpdateItemRequest request) {
        checkLegacy("Expected", request.hasExpected() ? request.expected() : null);
        checkLegacy("AttributeUpdates", request.hasAttributeUpdates() ? request.attributeUpdates() : null);
        ReturnValue returns = returnValues(request.returnValues(), request.returnValuesAsString(),
                List.of(ReturnValue.values()));
        DynamoDbState state = states.get(context);
        TableRecord table = state.requireActive(request.tableName(), context.now().toEpochMilli());
        ItemWrite write = ItemWrite.update(table, request.key(), request.updateExpression(),
                request.conditionExpression(),
                request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : null,
                request.hasExpressionAttributeValues() ? request.expressionAttributeValues() : null);
        ItemWrite.Outcome outcome;
        synchronized (state.lock(table.name())) {
            outcome = write.apply(state, returnItemOnFailure(request.returnValuesOnConditionCheckFailure()));
        }
        Map<String, AttributeValue> answer = switch (returns) {
            case ALL_OLD -> outcome.before();
            case ALL_NEW -> outcome.after();
            case UPDATED_OLD -> outcome.before() == null ? null
                    : Documents.project(outcome.before(), write.updatedPaths());
            case UPDATED_NEW -> Documents.project(outcome.after(), write.updatedPaths());
            default -> null;
        };
        return UpdateItemResponse.builder().attributes(nonEmpty(answer)).build();
    }

    public GetItemResponse getItem(RequestContext context, GetItemRequest request) {
        checkLegacy("AttributesToGet", request.hasAttributesToGet() ? request.attributesToGet() : null);
        DynamoDbState state = states.get(context);
        TableRecord table = state.requireActive(request.tableName(), context.now().toEpochMilli());
        Map<String, AttributeValue> key = table.key().checkedKey(request.key());
        List<Path> projection = projection(request.projectionExpression(),
                request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : null);
        Map<String, AttributeValue> item = state.item(table.name(), table.key().encode(key));
        if (item != null && projection != null) {
            item = Documents.project(item, projection);
        }
        return GetItemResponse.builder().item(item).build();
    }

    /** A ProjectionExpression's paths (null for the whole item); its names must all be used. */
    static List<Path> projection(String expression, Map<String, String> names) {
        ExpressionAttributes attributes = new ExpressionAttributes(names, null, expression != null);
        List<Path> paths = expression == null ? null : ProjectionParser.parse(expression, attributes);
        attributes.checkAllUsed();
        return paths;
    }
}
