package gluelab.cloud.services.dynamodb;

import gluelab.cloud.services.dynamodb.expressions.Condition;
import gluelab.cloud.services.dynamodb.expressions.ConditionEvaluator;
import gluelab.cloud.services.dynamodb.expressions.Path;
import gluelab.cloud.services.dynamodb.model.AttributeValues;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Query's KeyConditionExpression taken apart as AWS allows it: {@code =} on the partition key, and at most one
 * of {@code = < <= > >=}, BETWEEN or {@code begins_with} on the sort key, joined by AND.
 */
record KeyCondition(AttributeValue partitionValue, Condition sortCondition) {

    static KeyCondition of(Condition condition, KeySchema key) {
        List<Condition> parts = new ArrayList<>();
        flatten(condition, parts);
        AttributeValue partition = null;
        Condition sort = null;
        if (parts.size() > 2) {
            throw DynamoDbErrors.validation("Conditions can be of length 1 or 2 only");
        }
        for (Condition part : parts) {
            String attribute = attribute(part);
            if (attribute.equals(key.partition())) {
                if (!(part instanceof Condition.Compare compare)
                        || compare.comparator() != Condition.Comparator.EQ || partition != null) {
                    throw DynamoDbErrors.validation("Query key condition not supported");
                }
                partition = Condition.comparedValue(compare);
                if (partition == null) {
                    throw DynamoDbErrors.validation("Query key condition not supported");
                }
                if (!key.partitionType().equals(AttributeValues.type(partition))) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Condition parameter "
                            + "type does not match schema type");
                }
            } else if (attribute.equals(key.sort()) && sort == null) {
                checkSortValues(part, key.sortType());
                sort = part;
            } else {
                throw DynamoDbErrors.validation("Query condition missed key schema element: "
                        + (partition == null ? key.partition() : key.sort()));
            }
        }
        if (partition == null) {
            throw DynamoDbErrors.validation("Query condition missed key schema element: " + key.partition());
        }
        return new KeyCondition(partition, sort);
    }

    /** The values a sort-key condition compares with must have the sort key's type. */
    private static void checkSortValues(Condition part, String type) {
        for (AttributeValue value : Condition.values(part)) {
            if (!type.equals(AttributeValues.type(value))) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: Condition parameter "
                        + "type does not match schema type");
            }
        }
    }

    private static void flatten(Condition condition, List<Condition> parts) {
        if (condition instanceof Condition.And and) {
            flatten(and.left(), parts);
            flatten(and.right(), parts);
        } else if (condition instanceof Condition.Or) {
            throw DynamoDbErrors.validation("Invalid operator used in KeyConditionExpression: OR");
        } else if (condition instanceof Condition.Not) {
            throw DynamoDbErrors.validation("Invalid operator used in KeyConditionExpression: NOT");
        } else if (condition instanceof Condition.In) {
            throw DynamoDbErrors.validation("Invalid operator used in KeyConditionExpression: IN");
        } else if (condition instanceof Condition.Compare compare && compare.comparator() == Condition.Comparator.NE) {
            throw DynamoDbErrors.validation("Unsupported operator in KeyConditionExpression: <>");
        } else if (condition instanceof Condition.Function function && !function.name().equals("begins_with")) {
            throw DynamoDbErrors.validation("Invalid operator used in KeyConditionExpression: " + function.name());
        } else {
            parts.add(condition);
        }
    }

    /** The key attribute a part is about: the path on its left, which must be a top-level name. */
    private static String attribute(Condition part) {
        Path path = Condition.subject(part);
        if (path == null || !path.isTopLevel()) {
            throw DynamoDbErrors.validation("Query key condition not supported");
        }
        return path.top();
    }

    boolean matches(Map<String, AttributeValue> item) {
        return sortCondition == null || ConditionEvaluator.test(sortCondition, item);
    }
}
