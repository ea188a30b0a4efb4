package gluelab.cloud.services.dynamodb;

import gluelab.cloud.services.dynamodb.model.AttributeValues;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * A table's or an index's key: the partition (HASH) attribute, the optional sort (RANGE) attribute and their
 * types. It checks keys against the schema, and encodes a key as a string whose natural order is DynamoDB's order
 * (numbers by value, strings and binaries by unsigned bytes), so the items of a partition are one sorted range.
 */
record KeySchema(String partition, String partitionType, String sort, String sortType) {

    private static final HexFormat HEX = HexFormat.of();

    static KeySchema of(List<KeySchemaElement> elements, List<AttributeDefinition> definitions) {
        String partition = null;
        String sort = null;
        for (KeySchemaElement element : elements) {
            if (element.keyType() == KeyType.HASH) {
                partition = element.attributeName();
            } else {
                sort = element.attributeName();
            }
        }
        return new KeySchema(partition, typeOf(partition, definitions), sort,
                sort == null ? null : typeOf(sort, definitions));
    }

    private static String typeOf(String attribute, List<AttributeDefinition> definitions) {
        return definitions.stream().filter(d -> d.attributeName().equals(attribute)).findFirst()
                .map(AttributeDefinition::attributeTypeAsString).orElse(null);
    }

    boolean isKey(String attribute) {
        return attribute.equals(partition) || attribute.equals(sort);
    }

    List<String> names() {
        return sort == null ? List.of(partition) : List.of(partition, sort);
    }

    /** Checks a key given on its own (GetItem, DeleteItem, UpdateItem): exactly the schema's attributes. */
    Map<String, AttributeValue> checkedKey(Map<String, AttributeValue> key) {
        if (key == null || key.size() != names().size() || !key.keySet().containsAll(names())) {
            throw DynamoDbErrors.keyDoesNotMatchSchema();
        }
        Map<String, AttributeValue> checked = new LinkedHashMap<>();
        for (String name : names()) {
            AttributeValue value = AttributeValues.validated(key.get(name));
            if (!typeFor(name).equals(AttributeValues.type(value))) {
                throw DynamoDbErrors.keyDoesNotMatchSchema();
            }
            checkNotEmpty(name, value);
            checked.put(name, value);
        }
        return checked;
    }

    /** Checks the key attributes of a whole item (PutItem): present, of the schema's type, not empty. */
    void checkItem(Map<String, AttributeValue> item) {
        for (String name : names()) {
            AttributeValue value = item.get(name);
            if (value == null) {
                throw DynamoDbErrors.invalidParameter("Missing the key " + name + " in the item");
            }
            String type = AttributeValues.type(value);
            if (!typeFor(name).equals(type)) {
                throw DynamoDbErrors.invalidParameter("Type mismatch for key " + name + " expected: " + typeFor(name)
                        + " actual: " + type);
            }
            checkNotEmpty(name, value);
        }
    }

    /**
     * Checks an index's key attributes in an item: an item whose index key attribute has another type than the
     * index declares is refused, as AWS refuses it.
     */
    void checkIndexAttributes(Map<String, AttributeValue> item, String indexName) {
        for (String name : names()) {
            AttributeValue value = item.get(name);
            if (value == null) {
                continue;
            }
            String type = AttributeValues.type(value);
            if (!typeFor(name).equals(type)) {
                throw DynamoDbErrors.invalidParameter("Type mismatch for Index Key " + name + " Expected: "
                        + typeFor(name) + " Actual: " + type + " IndexName: " + indexName);
            }
            if ((type.equals("S") && value.s().isEmpty()) || (type.equals("B") && value.b().asByteArrayUnsafe().length == 0)) {
                throw DynamoDbErrors.validation("One or more parameter values are not valid. A value specified for a "
                        + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain"
                        + " an empty string value. IndexName: " + indexName + ", IndexKey: " + name);
            }
        }
    }

    private static void checkNotEmpty(String name, AttributeValue value) {
        if ((value.s() != null && value.s().isEmpty()) || (value.b() != null && value.b().asByteArrayUnsafe().length == 0)) {
            throw DynamoDbErrors.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + (value.s() != null ? "string" : "binary") + " value. Key: "
                    + name);
        }
    }

    String typeFor(String attribute) {
        return attribute.equals(partition) ? partitionType : sortType;
    }

    /** Whether the item has every attribute of this (index) key, which puts it in the index. */
    boolean covers(Map<String, AttributeValue> item) {
        return item.containsKey(partition) && (sort == null || item.containsKey(sort));
    }

    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : names()) {
            key.put(name, item.get(name));
        }
        return key;
    }

    /** The sortable string of an item's key: partition, then sort key, each in an order-preserving encoding. */
    String encode(Map<String, AttributeValue> item) {
        String encoded = partitionPrefix(item.get(partition));
        return sort == null ? encoded : encoded + encodeValue(item.get(sort));
    }

    /** What every key of the partition starts with. */
    String partitionPrefix(AttributeValue value) {
        return encodeValue(value) + "\u0000";
    }

    static String encodeValue(AttributeValue value) {
        if (value.s() != null) {
            return HEX.formatHex(value.s().getBytes(StandardCharsets.UTF_8));
        }
        if (value.b() != null) {
            return HEX.formatHex(value.b().asByteArrayUnsafe());
        }
        return encodeNumber(new BigDecimal(value.n()).stripTrailingZeros());
    }

    /**
     * Zero is "1"; a positive number "2", its exponent (offset to be positive, three digits) and its digits; a
     * negative one "0", the exponent and digits complemented, and a terminator so a shorter mantissa sorts higher.
     */
    private static String encodeNumber(BigDecimal number) {
        if (number.signum() == 0) {
            return "1";
        }
        String digits = number.unscaledValue().abs().toString();
        int exponent = digits.length() - number.scale() + 200;
        if (number.signum() > 0) {
            return "2" + String.format("%03d", exponent) + digits;
        }
        StringBuilder complement = new StringBuilder("0").append(String.format("%03d", 999 - exponent));
        for (char digit : digits.toCharArray()) {
            complement.append((char) ('9' - digit + '0'));
        }
        return complement.append('~').toString();
    }
}
