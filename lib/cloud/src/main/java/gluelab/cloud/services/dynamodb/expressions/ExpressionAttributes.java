package gluelab.cloud.services.dynamodb.expressions;

import gluelab.cloud.services.dynamodb.model.AttributeValues;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues, shared by all its expressions: it resolves
 * placeholders as the parsers meet them and, once every expression is parsed, refuses the ones none used.
 */
public final class ExpressionAttributes {

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    /**
     * @param names the request's names, or null
     * @param values the request's values, or null
     * @param anyExpression whether the request has an expression at all: without one, AWS refuses both maps
     */
    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values, boolean anyExpression) {
        if (names != null && !anyExpression) {
            throw DynamoDbErrors.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (values != null && !anyExpression) {
            throw DynamoDbErrors.validation("ExpressionAttributeValues can only be specified when using expressions");
        }
        if (names != null && names.isEmpty()) {
            throw DynamoDbErrors.validation("ExpressionAttributeNames must not be empty");
        }
        if (values != null && values.isEmpty()) {
            throw DynamoDbErrors.validation("ExpressionAttributeValues must not be empty");
        }
        this.names = names == null ? Map.of() : names;
        this.values = new LinkedHashMap<>();
        if (values != null) {
            for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
                if (!entry.getKey().matches(":[A-Za-z0-9_]+")) {
                    throw DynamoDbErrors.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \""
                            + entry.getKey() + "\"");
                }
                try {
                    this.values.put(entry.getKey(), AttributeValues.validated(entry.getValue()));
                } catch (gluelab.cloud.provider.AwsServiceException e) {
                    throw DynamoDbErrors.validation("ExpressionAttributeValues contains invalid value: "
                            + e.getMessage() + " for key " + entry.getKey());
                }
            }
        }
        for (String key : this.names.keySet()) {
            if (!key.matches("#[A-Za-z0-9_]+")) {
                throw DynamoDbErrors.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \""
                        + key + "\"");
            }
        }
    }

    public static ExpressionAttributes none() {
        return new ExpressionAttributes(null, null, false);
    }

    String name(String placeholder, ExpressionKind kind) {
        String name = names.get(placeholder);
        if (name == null) {
            throw kind.invalid("An expression attribute name used in the document path is not defined; attribute name: "
                    + placeholder);
        }
        usedNames.add(placeholder);
        return name;
    }

    AttributeValue value(String placeholder, ExpressionKind kind) {
        AttributeValue value = values.get(placeholder);
        if (value == null) {
            throw kind.invalid("An expression attribute value used in expression is not defined; attribute value: "
                    + placeholder);
        }
        usedValues.add(placeholder);
        return value;
    }

    /** After every expression of the request is parsed: AWS refuses names and values that none of them used. */
    public void checkAllUsed() {
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
