package gluelab.cloud.services.glue.catalog.expression;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A parsed partition filter: a small tree evaluated against one partition's values, already converted to
 * their keys' types. It follows SQL's three-valued logic: a test of a null value (a missing or
 * unconvertible partition value) is unknown ({@code null}), and a partition matches only when the whole
 * filter is {@code TRUE}.
 */
sealed interface PartitionPredicate {

    /** {@code TRUE}, {@code FALSE}, or {@code null} for unknown; {@code values} are indexed like the partition keys. */
    Boolean test(List<Comparable<?>> values);

    record And(PartitionPredicate left, PartitionPredicate right) implements PartitionPredicate {
        @Override
        public Boolean test(List<Comparable<?>> values) {
            Boolean l = left.test(values);
            if (Boolean.FALSE.equals(l)) {
                return false;
            }
            Boolean r = right.test(values);
            if (Boolean.FALSE.equals(r)) {
                return false;
            }
            return l == null || r == null ? null : true;
        }
    }

    record Or(PartitionPredicate left, PartitionPredicate right) implements PartitionPredicate {
        @Override
        public Boolean test(List<Comparable<?>> values) {
            Boolean l = left.test(values);
            if (Boolean.TRUE.equals(l)) {
                return true;
            }
            Boolean r = right.test(values);
            if (Boolean.TRUE.equals(r)) {
                return true;
            }
            return l == null || r == null ? null : false;
        }
    }

    record Not(PartitionPredicate operand) implements PartitionPredicate {
        @Override
        public Boolean test(List<Comparable<?>> values) {
            Boolean result = operand.test(values);
            return result == null ? null : !result;
        }
    }

    enum Operator {
        EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL;

        boolean holdsFor(int comparison) {
            return switch (this) {
                case EQUAL -> comparison == 0;
                case NOT_EQUAL -> comparison != 0;
                case LESS -> comparison < 0;
                case LESS_OR_EQUAL -> comparison <= 0;
                case GREATER -> comparison > 0;
                case GREATER_OR_EQUAL -> comparison >= 0;
            };
        }

        /** The operator seen from the other side: {@code 9 < year} is {@code year > 9}. */
        Operator mirrored() {
            return switch (this) {
                case LESS -> GREATER;
                case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
                case GREATER -> LESS;
                case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
                default -> this;
            };
        }
    }

    /** {@code key <op> literal}; a null literal ({@code = NULL}) is never true, as in SQL. */
    record Comparison(int key, Operator operator, Comparable<?> literal) implements PartitionPredicate {
        @Override
        public Boolean test(List<Comparable<?>> values) {
            Comparable<?> value = values.get(key);
            if (value == null || literal == null) {
                return null;
            }
            return operator.holdsFor(compare(value, literal));
        }
    }

    record In(int key, List<Comparable<?>> literals, boolean negated) implements PartitionPredicate {
        @Override
        public Boolean test(List<Comparable<?>> values) {
            Comparable<?> value = values.get(key);
            if (value == null) {
                return null;
            }
            boolean sawNull = false;
            for (Comparable<?> literal : literals) {
                if (literal == null) {
                    sawNull = true;
                } else if (compare(value, literal) == 0) {
                    return !negated;
                }
            }
            return sawNull ? null : negated;
        }
    }

    /** SQL's {@code BETWEEN low AND high}: {@code low <= key <= high}, so an inverted range matches nothing. */
    record Between(int key, Comparable<?> low, Comparable<?> high, boolean negated) implements PartitionPredicate {
        @Override
        public Boolean test(List<Comparable<?>> values) {
            Comparable<?> value = values.get(key);
            if (value == null || low == null || high == null) {
                return null;
            }
            boolean inside = compare(value, low) >= 0 && compare(value, high) <= 0;
            return inside != negated;
        }
    }

    /** {@code LIKE} on a string key, its {@code %} and {@code _} already turned into {@code pattern}. */
    record Like(int key, Pattern pattern, boolean negated) implements PartitionPredicate {
        @Override
        public Boolean test(List<Comparable<?>> values) {
            Comparable<?> value = values.get(key);
            if (value == null) {
                return null;
            }
            return pattern.matcher((String) value).matches() != negated;
        }
    }

    record IsNull(int key, boolean negated) implements PartitionPredicate {
        @Override
        public Boolean test(List<Comparable<?>> values) {
            return (values.get(key) == null) != negated;
        }
    }

    /** Both sides were converted to the same key's type, so they are of one class. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable<?> value, Comparable<?> literal) {
        return ((Comparable) value).compareTo(literal);
    }
}
