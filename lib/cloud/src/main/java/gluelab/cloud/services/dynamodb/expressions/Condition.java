package gluelab.cloud.services.dynamodb.expressions;

import java.util.List;

/** A condition, filter or key condition: the tree the {@link ConditionParser} builds. */
public sealed interface Condition {

    /**
     * The document path a comparison, BETWEEN or function is about (its first operand), or null when that operand
     * is not a path: what a key condition must name.
     */
    static Path subject(Condition condition) {
        Operand first = condition instanceof Compare compare ? compare.left()
                : condition instanceof Between between ? between.operand()
                : condition instanceof Function function ? function.arguments().get(0) : null;
        return first instanceof Operand.PathOperand path ? path.path() : null;
    }

    /** The {@code :values} among a comparison's, BETWEEN's or function's operands after the first. */
    static List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> values(Condition condition) {
        List<Operand> rest = condition instanceof Compare compare ? List.of(compare.right())
                : condition instanceof Between between ? List.of(between.low(), between.high())
                : condition instanceof Function function ? function.arguments().subList(1, function.arguments().size())
                : List.of();
        return rest.stream().filter(Operand.Value.class::isInstance).map(o -> ((Operand.Value) o).value()).toList();
    }

    /** The {@code :value} a comparison compares with, or null when its right side is not a value. */
    static software.amazon.awssdk.services.dynamodb.model.AttributeValue comparedValue(Compare compare) {
        return compare.right() instanceof Operand.Value value ? value.value() : null;
    }

    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        static Comparator of(Token token) {
            for (Comparator comparator : values()) {
                if (token.is(comparator.symbol)) {
                    return comparator;
                }
            }
            return null;
        }
    }

    record Compare(Operand left, Comparator comparator, Operand right) implements Condition {
    }

    record Between(Operand operand, Operand low, Operand high) implements Condition {
    }

    record In(Operand operand, List<Operand> candidates) implements Condition {
    }

    record And(Condition left, Condition right) implements Condition {
    }

    record Or(Condition left, Condition right) implements Condition {
    }

    record Not(Condition condition) implements Condition {
    }

    /** {@code attribute_exists}, {@code attribute_not_exists}, {@code attribute_type}, {@code begins_with}, {@code contains}. */
    record Function(String name, List<Operand> arguments) implements Condition {
    }
}
