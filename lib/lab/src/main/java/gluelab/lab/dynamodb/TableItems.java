package gluelab.lab.dynamodb;

import gluelab.lab.Column;
import gluelab.lab.ColumnType;
import gluelab.lab.DataTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * A DynamoDB table's items as a table, read with a consistent Scan: the key attributes first (partition, then sort),
 * then every other attribute any item has, in name order; items sorted by their key. A value shows as DynamoDB holds
 * it, a number as a number, a set or list in brackets, a map in braces; an item without the attribute shows blank.
 */
public final class TableItems {

    /** Key values in DynamoDB's own order: numbers by value, strings and binaries as text. */
    private static final Comparator<AttributeValue> BY_VALUE = (a, b) -> a.type() == AttributeValue.Type.N
            && b.type() == AttributeValue.Type.N ? new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()))
            : shown(a).compareTo(shown(b));

    private TableItems() {
    }

    public static DataTable of(DynamoDbClient dynamoDb, String tableName) {
        List<KeySchemaElement> keySchema = dynamoDb.describeTable(r -> r.tableName(tableName)).table().keySchema();
        List<String> keys = keySchema.stream()
                .sorted(Comparator.comparing(k -> k.keyType() == KeyType.HASH ? 0 : 1))
                .map(KeySchemaElement::attributeName).toList();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(r -> r.tableName(tableName).consistentRead(true)).items().forEach(items::add);
        Set<String> names = new LinkedHashSet<>(keys);
        items.stream().flatMap(item -> item.keySet().stream()).sorted().forEach(names::add);
        Comparator<Map<String, AttributeValue>> byKey = Comparator.comparing(item -> item.get(keys.get(0)), BY_VALUE);
        if (keys.size() > 1) {
            byKey = byKey.thenComparing(item -> item.get(keys.get(1)), BY_VALUE);
        }
        items.sort(byKey);
        List<Column> columns = names.stream().map(name -> new Column(name, ColumnType.STRING)).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            List<Object> row = new ArrayList<>();
            for (String name : names) {
                AttributeValue value = item.get(name);
                row.add(value == null ? null : shown(value));
            }
            rows.add(row);
        }
        return DataTable.of(columns, rows).from("DynamoDB " + tableName + " (" + items.size() + " items)");
    }

    /** One attribute value as text, the way DynamoDB's console shows it. */
    static String shown(AttributeValue value) {
        if (value == null) {
            return "";
        }
        return switch (value.type()) {
            case S -> value.s();
            case N -> value.n();
            case BOOL -> value.bool().toString();
            case NUL -> "null";
            case B -> "<" + value.b().asByteArray().length + " bytes>";
            case SS -> value.ss().stream().sorted().collect(Collectors.joining(", ", "[", "]"));
            case NS -> value.ns().stream().sorted().collect(Collectors.joining(", ", "[", "]"));
            case BS -> "[" + value.bs().size() + " binaries]";
            case L -> value.l().stream().map(TableItems::shown).collect(Collectors.joining(", ", "[", "]"));
            case M -> value.m().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ": " + shown(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
            default -> value.toString();
        };
    }
}
