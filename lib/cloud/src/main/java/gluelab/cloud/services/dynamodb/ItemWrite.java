package gluelab.cloud.services.dynamodb;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.services.dynamodb.expressions.Condition;
import gluelab.cloud.services.dynamodb.expressions.ConditionEvaluator;
import gluelab.cloud.services.dynamodb.expressions.ConditionParser;
import gluelab.cloud.services.dynamodb.expressions.ExpressionAttributes;
import gluelab.cloud.services.dynamodb.expressions.ExpressionKind;
import gluelab.cloud.services.dynamodb.expressions.Path;
import gluelab.cloud.services.dynamodb.expressions.UpdateApplier;
import gluelab.cloud.services.dynamodb.expressions.UpdateExpression;
import gluelab.cloud.services.dynamodb.expressions.UpdateParser;
import gluelab.cloud.services.dynamodb.model.AttributeValues;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One checked write to one item, ready to apply: a put, an update, a delete or (in a transaction) only a condition
 * check. PutItem, UpdateItem, DeleteItem, BatchWriteItem and TransactWriteItems all prepare one (validating the
 * request and parsing its expressions) and apply it holding the table's lock, so the condition and the write are
 * one atomic step.
 */
record ItemWrite(TableRecord table, Map<String, AttributeValue> key, String encodedKey, Condition condition,
                 UnaryOperator<Map<String, AttributeValue>> change, List<Path> updatedPaths) {

    /** What a write did: the item before and after (null where there was or is none). */
    record Outcome(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
    }

    static ItemWrite put(TableRecord table, Map<String, AttributeValue> item, String conditionExpression,
                         Map<String, String> names, Map<String, AttributeValue> values) {
        if (item == null) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'item' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        Map<String, AttributeValue> checked = AttributeValues.validatedItem(item);
        KeySchema key = table.key();
        key.checkItem(checked);
        table.indexes().forEach((name, index) -> index.checkIndexAttributes(checked, name));
        ExpressionAttributes attributes = new ExpressionAttributes(names, values, conditionExpression != null);
        Condition condition = condition(conditionExpression, attributes);
        attributes.checkAllUsed();
        return new ItemWrite(table, key.keyOf(checked), key.encode(checked), condition, old -> checked, null);
    }

    static ItemWrite delete(TableRecord table, Map<String, AttributeValue> key, String conditionExpression,
                            Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> checked = table.key().checkedKey(key);
        ExpressionAttributes attributes = new ExpressionAttributes(names, values, conditionExpression != null);
        Condition condition = condition(conditionExpression, attributes);
        attributes.checkAllUsed();
        return new ItemWrite(table, checked, table.key().encode(checked), condition, old -> null, null);
    }

    static ItemWrite check(TableRecord table, Map<String, AttributeValue> key, String conditionExpression,
                           Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> checked = table.key().checkedKey(key);
        ExpressionAttributes attributes = new ExpressionAttributes(names, values, true);
        Condition condition = condition(conditionExpression, attributes);
        attributes.checkAllUsed();
        return new ItemWrite(table, checked, table.key().encode(checked), condition, old -> old, null);
    }

    static ItemWrite update(TableRecord table, Map<String, AttributeValue> key, String updateExpression,
                            String conditionExpression, Map<String, String> names,
                            Map<String, AttributeValue> values) {
        KeySchema schema = table.key();
        Map<String, AttributeValue> checked = schema.checkedKey(key);
        ExpressionAttributes attributes = new ExpressionAttributes(names, values,
                updateExpression != null || conditionExpression != null);
        UpdateExpression update = updateExpression == null ? null : UpdateParser.parse(updateExpression, attributes);
        Condition condition = condition(conditionExpression, attributes);
        attributes.checkAllUsed();
        if (update != null) {
            for (Path path : update.targets()) {
                if (schema.isKey(path.top())) {
                    throw DynamoDbErrors.invalidParameter("Cannot update attribute " + path.top()
                            + ". This attribute is part of the key");
                }
            }
        }
        UnaryOperator<Map<String, AttributeValue>> change = old -> {
            Map<String, AttributeValue> base = old == null ? new LinkedHashMap<>(checked) : old;
            Map<String, AttributeValue> updated = update == null ? base : UpdateApplier.apply(update, base);
            AttributeValues.checkSize(updated);
            table.indexes().forEach((name, index) -> index.checkIndexAttributes(updated, name));
            return updated;
        };
        return new ItemWrite(table, checked, schema.encode(checked), condition, change,
                update == null ? List.of() : update.targets());
    }

    private static Condition condition(String expression, ExpressionAttributes attributes) {
        return expression == null ? null : ConditionParser.parse(expression, ExpressionKind.CONDITION, attributes);
    }

    /** Whether the item as it is now meets the condition (an absent item is an empty one). */
    boolean conditionHolds(Map<String, AttributeValue> current) {
        return condition == null || ConditionEvaluator.test(condition, current == null ? Map.of() : current);
    }

    /** Applies the write; the caller holds the table's lock. */
    Outcome apply(DynamoDbState state, boolean returnItemOnFailure) {
        Map<String, AttributeValue> before = state.item(table.name(), encodedKey);
        if (!conditionHolds(before)) {
            AwsServiceException failed = DynamoDbErrors.conditionalCheckFailed();
            throw returnItemOnFailure && before != null
                    ? failed.withDocument("Item", ItemCodec.write(before)) : failed;
        }
        Map<String, AttributeValue> after = change.apply(before);
        write(state, before, after);
        return new Outcome(before, after);
    }

    /** Writes what {@link #change} made of the item; the caller has checked the condition and holds the lock. */
    void write(DynamoDbState state, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        if (after == null) {
            if (before != null) {
                state.removeItem(table.name(), encodedKey);
            }
        } else if (after != before) {
            state.putItem(table.name(), encodedKey, after);
        }
    }
}
