package gluelab.cloud.services.glue.catalog.expression;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.glue.model.Column;

/**
 * A GetPartitions {@code Expression}, parsed once against a table's partition keys and then tested
 * against each partition. The syntax is the SQL WHERE subset Glue documents (Glue, too, parses it with
 * JSQLParser): comparisons, {@code AND}/{@code OR}/{@code NOT}, parentheses, {@code IN}, {@code BETWEEN},
 * {@code LIKE}, {@code IS [NOT] NULL}, string, numeric, date and timestamp literals.
 */
public final class PartitionExpression {

    /** How Hive (and so Glue) writes a null partition value into a partition's values. */
    static final String HIVE_NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private final PartitionPredicate predicate;
    private final List<PartitionKeyType> keyTypes;

    private PartitionExpression(PartitionPredicate predicate, List<PartitionKeyType> keyTypes) {
        this.predicate = predicate;
        this.keyTypes = keyTypes;
    }

    /**
     * @throws PartitionExpressionException if the expression is malformed, names a column that is not a
     *                                      partition key, or compares a key with a literal of another type
     */
    public static PartitionExpression parse(String expression, List<Column> partitionKeys) {
        List<PartitionKeyType> types = new ArrayList<>(partitionKeys.size());
        for (Column key : partitionKeys) {
            types.add(PartitionKeyType.of(key.type()).orElse(null));
        }
        PartitionPredicate predicate = new PartitionExpressionParser(expression, partitionKeys, types).parse();
        return new PartitionExpression(predicate, types);
    }

    /** Whether a partition with these values (one per partition key, in order) passes the filter. */
    public boolean matches(List<String> values) {
        List<Comparable<?>> typed = new ArrayList<>(keyTypes.size());
        for (int i = 0; i < keyTypes.size(); i++) {
            typed.add(i < values.size() ? typedValue(keyTypes.get(i), values.get(i)) : null);
        }
        return Boolean.TRUE.equals(predicate.test(typed));
    }

    /**
     * A stored value that is not of its key's type (say "abc" under an {@code int} key) counts as null, as
     * Hive's casts do: it fails every comparison instead of failing the whole request.
     */
    private static Comparable<?> typedValue(PartitionKeyType type, String value) {
        if (type == null || value == null || value.equals(HIVE_NULL_PARTITION)) {
            return null;
        }
        try {
            return type.parse(value);
        } catch (RuntimeException notOfTheKeysType) {
            return null;
        }
    }
}
