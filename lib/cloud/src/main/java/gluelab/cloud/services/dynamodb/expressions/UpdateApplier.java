package gluelab.cloud.services.dynamodb.expressions;

import gluelab.cloud.services.dynamodb.model.AttributeValues;
import gluelab.cloud.services.dynamodb.model.DynamoDbErrors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applies an update expression to an item. As on AWS every operand is read from the item as it was before the
 * update; then the SETs are written, the REMOVEs made (list elements from the highest index down, so each index
 * means what it meant in the old item), and the ADDs and DELETEs applied.
 */
public final class UpdateApplier {

    private UpdateApplier() {
    }

    public static Map<String, AttributeValue> apply(UpdateExpression update, Map<String, AttributeValue> item) {
        List<AttributeValue> newValues = new ArrayList<>();
        for (UpdateExpression.Set set : update.sets()) {
            newValues.add(evaluate(set.value(), item));
        }
        Map<String, AttributeValue> result = item;
        for (int i = 0; i < update.sets().size(); i++) {
            result = Documents.set(result, update.sets().get(i).path(), newValues.get(i));
        }
        List<Path> removes = new ArrayList<>(update.removes());
        removes.sort(Comparator.comparing(UpdateApplier::lastIndex).reversed());
        for (Path path : removes) {
            result = Documents.remove(result, path);
        }
        for (UpdateExpression.Add add : update.adds()) {
            result = Documents.set(result, add.path(), added(Documents.resolve(item, add.path()), add.value().value()));
        }
        for (UpdateExpression.Delete delete : update.deletes()) {
            AttributeValue remaining = deleted(Documents.resolve(item, delete.path()), delete.value().value());
            result = remaining == null ? Documents.remove(result, delete.path())
                    : Documents.set(result, delete.path(), remaining);
        }
        return result;
    }

    private static int lastIndex(Path path) {
        Object last = path.elements().get(path.elements().size() - 1);
        return last instanceof Integer index ? index : -1;
    }

    private static AttributeValue evaluate(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Value value) {
            return value.value();
        }
        if (operand instanceof Operand.PathOperand path) {
            AttributeValue value = Documents.resolve(item, path.path());
            if (value == null) {
                throw missingAttribute();
            }
            return value;
        }
        if (operand instanceof Operand.IfNotExists ifNotExists) {
            AttributeValue value = Documents.resolve(item, ifNotExists.path());
            return value != null ? value : evaluate(ifNotExists.otherwise(), item);
        }
        if (operand instanceof Operand.ListAppend append) {
            AttributeValue first = evaluate(append.first(), item);
            AttributeValue second = evaluate(append.second(), item);
            if (!first.hasL() || !second.hasL()) {
                throw incorrectDataType();
            }
            List<AttributeValue> joined = new ArrayList<>(first.l());
            joined.addAll(second.l());
            return AttributeValue.fromL(joined);
        }
        Operand.Arithmetic arithmetic = (Operand.Arithmetic) operand;
        AttributeValue left = evaluate(arithmetic.left(), item);
        AttributeValue right = evaluate(arithmetic.right(), item);
        if (left.n() == null || right.n() == null) {
            throw incorrectDataType();
        }
        return AttributeValues.arithmetic(arithmetic.plus()
                ? AttributeValues.decimal(left).add(AttributeValues.decimal(right))
                : AttributeValues.decimal(left).subtract(AttributeValues.decimal(right)));
    }

    private static AttributeValue added(AttributeValue current, AttributeValue operand) {
        String type = AttributeValues.type(operand);
        if (!List.of("N", "SS", "NS", "BS").contains(type)) {
            throw ExpressionKind.UPDATE.invalid("Incorrect operand type for operator or function; operator: ADD, "
                    + "operand type: " + wireTypeName(type));
        }
        if (current == null) {
            return operand;
        }
        if (!type.equals(AttributeValues.type(current))) {
            throw incorrectDataType();
        }
        return switch (type) {
            case "N" -> AttributeValues.arithmetic(AttributeValues.decimal(current).add(AttributeValues.decimal(operand)));
            case "SS" -> AttributeValue.fromSs(union(current.ss(), operand.ss()));
            case "NS" -> AttributeValue.fromNs(numberUnion(current.ns(), operand.ns()));
            default -> AttributeValue.fromBs(union(current.bs(), operand.bs()));
        };
    }

    /** The set without the operand's members; null when nothing is left, which removes the attribute. */
    private static AttributeValue deleted(AttributeValue current, AttributeValue operand) {
        String type = AttributeValues.type(operand);
        if (!List.of("SS", "NS", "BS").contains(type)) {
            throw ExpressionKind.UPDATE.invalid("Incorrect operand type for operator or function; operator: DELETE, "
                    + "operand type: " + wireTypeName(type));
        }
        if (current == null) {
            return null;
        }
        if (!type.equals(AttributeValues.type(current))) {
            throw incorrectDataType();
        }
        return switch (type) {
            case "SS" -> {
                List<String> left = new ArrayList<>(current.ss());
                left.removeAll(operand.ss());
                yield left.isEmpty() ? null : AttributeValue.fromSs(left);
            }
            case "NS" -> {
                List<String> left = new ArrayList<>(current.ns());
                left.removeIf(n -> operand.ns().stream()
                        .anyMatch(m -> AttributeValues.same(AttributeValue.fromN(n), AttributeValue.fromN(m))));
                yield left.isEmpty() ? null : AttributeValue.fromNs(left);
            }
            default -> {
                List<SdkBytes> left = new ArrayList<>(current.bs());
                left.removeAll(operand.bs());
                yield left.isEmpty() ? null : AttributeValue.fromBs(left);
            }
        };
    }

    private static <T> List<T> union(List<T> current, List<T> more) {
        Set<T> all = new LinkedHashSet<>(current);
        all.addAll(more);
        return new ArrayList<>(all);
    }

    private static List<String> numberUnion(List<String> current, List<String> more) {
        List<String> all = new ArrayList<>(current);
        for (String n : more) {
            if (all.stream().noneMatch(m -> AttributeValues.same(AttributeValue.fromN(n), AttributeValue.fromN(m)))) {
                all.add(n);
            }
        }
        return all;
    }

    /** AWS's names for types in its operand-type errors. */
    private static String wireTypeName(String type) {
        return switch (type) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "NULL" -> "NULL";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> type;
        };
    }

    private static RuntimeException incorrectDataType() {
        return DynamoDbErrors.validation("An operand in the update expression has an incorrect data type");
    }

    private static RuntimeException missingAttribute() {
        return DynamoDbErrors.validation("The provided expression refers to an attribute that does not exist in the item");
    }
}
