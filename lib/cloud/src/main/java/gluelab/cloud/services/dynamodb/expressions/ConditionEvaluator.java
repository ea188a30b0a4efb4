package gluelab.cloud.services.dynamodb.expressions;

import gluelab.cloud.services.dynamodb.model.AttributeValues;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decides a condition against an item (empty when there is none). As on AWS, a comparison with an attribute the
 * item lacks, or with a value of another type, is false; {@code <>} is its negation.
 */
public final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    public static boolean test(Condition condition, Map<String, AttributeValue> item) {
        if (condition instanceof Condition.And and) {
            return test(and.left(), item) && test(and.right(), item);
        }
        if (condition instanceof Condition.Or or) {
            return test(or.left(), item) || test(or.right(), item);
        }
        if (condition instanceof Condition.Not not) {
            return !test(not.condition(), item);
        }
        if (condition instanceof Condition.Compare compare) {
            return compare(compare, item);
        }
        if (condition instanceof Condition.Between between) {
            AttributeValue value = value(between.operand(), item);
            AttributeValue low = value(between.low(), item);
            AttributeValue high = value(between.high(), item);
            return value != null && low != null && high != null && AttributeValues.comparable(value, low)
                    && AttributeValues.comparable(value, high) && AttributeValues.compare(value, low) >= 0
                    && AttributeValues.compare(value, high) <= 0;
        }
        if (condition instanceof Condition.In in) {
            AttributeValue value = value(in.operand(), item);
            return value != null && in.candidates().stream().map(candidate -> value(candidate, item))
                    .anyMatch(candidate -> candidate != null && AttributeValues.same(value, candidate));
        }
        return function((Condition.Function) condition, item);
    }

    private static boolean compare(Condition.Compare compare, Map<String, AttributeValue> item) {
        AttributeValue left = value(compare.left(), item);
        AttributeValue right = value(compare.right(), item);
        if (compare.comparator() == Condition.Comparator.NE) {
            return left == null || right == null || !AttributeValues.same(left, right);
        }
        if (left == null || right == null) {
            return false;
        }
        if (compare.comparator() == Condition.Comparator.EQ) {
            return AttributeValues.same(left, right);
        }
        if (!AttributeValues.comparable(left, right)) {
            return false;
        }
        int order = AttributeValues.compare(left, right);
        return switch (compare.comparator()) {
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            default -> order >= 0;
        };
    }

    private static boolean function(Condition.Function function, Map<String, AttributeValue> item) {
        AttributeValue subject = value(function.arguments().get(0), item);
        AttributeValue argument = function.arguments().size() > 1 ? value(function.arguments().get(1), item) : null;
        return switch (function.name()) {
            case "attribute_exists" -> subject != null;
            case "attribute_not_exists" -> subject == null;
            case "attribute_type" -> subject != null && argument != null
                    && argument.s().equals(AttributeValues.type(subject));
            case "begins_with" -> {
                if (subject == null || argument == null) {
                    yield false;
                }
                if (subject.s() != null && argument.s() != null) {
                    yield subject.s().startsWith(argument.s());
                }
                yield subject.b() != null && argument.b() != null
                        && AttributeValues.startsWith(subject.b(), argument.b());
            }
            default -> contains(subject, argument);
        };
    }

    private static boolean contains(AttributeValue subject, AttributeValue member) {
        if (subject == null || member == null) {
            return false;
        }
        if (subject.s() != null) {
            return member.s() != null && subject.s().contains(member.s());
        }
        if (subject.b() != null) {
            return member.b() != null && new String(subject.b().asByteArrayUnsafe(), StandardCharsets.ISO_8859_1)
                    .contains(new String(member.b().asByteArrayUnsafe(), StandardCharsets.ISO_8859_1));
        }
        if (subject.hasSs()) {
            return member.s() != null && subject.ss().contains(member.s());
        }
        if (subject.hasNs()) {
            return member.n() != null && subject.ns().stream()
                    .anyMatch(n -> AttributeValues.same(AttributeValue.fromN(n), member));
        }
        if (subject.hasBs()) {
            return member.b() != null && subject.bs().contains(member.b());
        }
        if (subject.hasL()) {
            return subject.l().stream().anyMatch(element -> AttributeValues.same(element, member));
        }
        return false;
    }

    /** An operand's value in the item, or null where there is none (a missing attribute; a size of a number). */
    static AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Value value) {
            return value.value();
        }
        if (operand instanceof Operand.PathOperand path) {
            return Documents.resolve(item, path.path());
        }
        if (operand instanceof Operand.Size size) {
            AttributeValue value = Documents.resolve(item, size.path());
            Integer length = value == null ? null : size(value);
            return length == null ? null : AttributeValue.fromN(String.valueOf(length));
        }
        throw new IllegalArgumentException("not a condition operand: " + operand);
    }

    private static Integer size(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value.b() != null) {
            return value.b().asByteArrayUnsafe().length;
        }
        if (value.hasSs()) {
            return value.ss().size();
        }
        if (value.hasNs()) {
            return value.ns().size();
        }
        if (value.hasBs()) {
            return value.bs().size();
        }
        if (value.hasL()) {
            return value.l().size();
        }
        if (value.hasM()) {
            return value.m().size();
        }
        return null;
    }
}
