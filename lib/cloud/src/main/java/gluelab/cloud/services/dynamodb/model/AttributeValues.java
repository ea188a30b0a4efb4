package gluelab.cloud.services.dynamodb.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's data model: which of the ten types a value is, the rules a value must keep (numbers of at most 38
 * significant digits within AWS's range, sets unique and non-empty, exactly one type set), equality and order of
 * scalars (numbers by value, strings and binaries by their unsigned bytes), and an item's size as AWS counts it.
 */
public final class AttributeValues {

    public static final int MAX_ITEM_BYTES = 400 * 1024;
    private static final BigDecimal LARGEST = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");
    private static final int MAX_DIGITS = 38;

    private AttributeValues() {
    }

    /** The type's name as the wire names it ({@code S}, {@code NS}, {@code BOOL}), or null for an empty value. */
    public static String type(AttributeValue value) {
        List<String> types = types(value);
        return types.size() == 1 ? types.get(0) : null;
    }

    private static List<String> types(AttributeValue value) {
        List<String> types = new ArrayList<>(1);
        if (value.s() != null) {
            types.add("S");
        }
        if (value.n() != null) {
            types.add("N");
        }
        if (value.b() != null) {
            types.add("B");
        }
        if (value.hasSs()) {
            types.add("SS");
        }
        if (value.hasNs()) {
            types.add("NS");
        }
        if (value.hasBs()) {
            types.add("BS");
        }
        if (value.hasM()) {
            types.add("M");
        }
        if (value.hasL()) {
            types.add("L");
        }
        if (value.bool() != null) {
            types.add("BOOL");
        }
        if (value.nul() != null) {
            types.add("NULL");
        }
        return types;
    }

    /**
     * Checks a value a client sent and answers it in stored form: numbers normalized (as AWS answers them, {@code
     * 1.50} as {@code 1.5}), nested maps and lists checked all the way down.
     */
    public static AttributeValue validated(AttributeValue value) {
        List<String> types = value == null ? List.of() : types(value);
        if (types.isEmpty()) {
            throw DynamoDbErrors.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (types.size() > 1) {
            throw DynamoDbErrors.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        return switch (types.get(0)) {
            case "N" -> AttributeValue.fromN(number(value.n()));
            case "NULL" -> {
                if (!value.nul()) {
                    throw DynamoDbErrors.invalidParameter("Null attribute value types must have the value of true");
                }
                yield value;
            }
            case "SS" -> AttributeValue.fromSs(unique(value.ss(), "string"));
            case "NS" -> AttributeValue.fromNs(unique(value.ns().stream().map(AttributeValues::number).toList(),
                    "number"));
            case "BS" -> AttributeValue.fromBs(unique(value.bs(), "binary"));
            case "M" -> {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                value.m().forEach((key, member) -> map.put(key, validated(member)));
                yield AttributeValue.fromM(map);
            }
            case "L" -> AttributeValue.fromL(value.l().stream().map(AttributeValues::validated).toList());
            default -> value;
        };
    }

    /** Every value of an item, checked and normalized; the item's size within AWS's 400 KB. */
    public static Map<String, AttributeValue> validatedItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> checked = new LinkedHashMap<>();
        item.forEach((name, value) -> checked.put(name, validated(value)));
        checkSize(checked);
        return checked;
    }

    public static void checkSize(Map<String, AttributeValue> item) {
        if (size(item) > MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
        }
    }

    private static <T> List<T> unique(List<T> members, String kind) {
        if (members.isEmpty()) {
            throw DynamoDbErrors.invalidParameter("An " + kind + " set  may not be empty");
        }
        Set<Object> seen = new HashSet<>();
        for (T member : members) {
            if (!seen.add(member instanceof String number && kind.equals("number")
                    ? new BigDecimal(number).stripTrailingZeros() : member)) {
                throw DynamoDbErrors.invalidParameter("Input collection " + members + " contains duplicates.");
            }
        }
        return members;
    }

    /** A number in AWS's normal form, or the ValidationException AWS answers for it. */
    public static String number(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DynamoDbErrors.validation("A value provided cannot be converted into a number");
        }
        return checkedNumber(value).toPlainString();
    }

    public static BigDecimal checkedNumber(BigDecimal value) {
        BigDecimal normal = value.stripTrailingZeros();
        if (normal.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (normal.precision() > MAX_DIGITS) {
            throw DynamoDbErrors.validation("Attempting to store more than 38 significant digits in a Number");
        }
        if (normal.abs().compareTo(LARGEST) > 0) {
            throw DynamoDbErrors.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (normal.abs().compareTo(SMALLEST) < 0) {
            throw DynamoDbErrors.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return normal;
    }

    /** Sums or differences of numbers keep 38 digits, as AWS's arithmetic does. */
    public static AttributeValue arithmetic(BigDecimal result) {
        return AttributeValue.fromN(checkedNumber(result.round(new MathContext(MAX_DIGITS))).toPlainString());
    }

    public static BigDecimal decimal(AttributeValue number) {
        return new BigDecimal(number.n());
    }

    /** Equality as conditions see it: numbers by value, sets regardless of order. */
    public static boolean same(AttributeValue left, AttributeValue right) {
        String type = type(left);
        if (type == null || !type.equals(type(right))) {
            return false;
        }
        return switch (type) {
            case "N" -> decimal(left).compareTo(decimal(right)) == 0;
            case "NS" -> numberSet(left).equals(numberSet(right));
            case "SS" -> new HashSet<>(left.ss()).equals(new HashSet<>(right.ss()));
            case "BS" -> new HashSet<>(left.bs()).equals(new HashSet<>(right.bs()));
            case "L" -> {
                if (left.l().size() != right.l().size()) {
                    yield false;
                }
                for (int i = 0; i < left.l().size(); i++) {
                    if (!same(left.l().get(i), right.l().get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            case "M" -> left.m().keySet().equals(right.m().keySet()) && left.m().entrySet().stream()
                    .allMatch(entry -> same(entry.getValue(), right.m().get(entry.getKey())));
            default -> left.equals(right);
        };
    }

    private static Set<BigDecimal> numberSet(AttributeValue value) {
        Set<BigDecimal> numbers = new HashSet<>();
        value.ns().forEach(n -> numbers.add(new BigDecimal(n).stripTrailingZeros()));
        return numbers;
    }

    /** Whether the two can be ordered: both numbers, both strings or both binaries. */
    public static boolean comparable(AttributeValue left, AttributeValue right) {
        String type = type(left);
        return type != null && type.equals(type(right)) && (type.equals("N") || type.equals("S") || type.equals("B"));
    }

    /** The order of two scalars of one type: numbers by value, strings and binaries by unsigned bytes. */
    public static int compare(AttributeValue left, AttributeValue right) {
        return switch (type(left)) {
            case "N" -> decimal(left).compareTo(decimal(right));
            case "S" -> compareBytes(left.s().getBytes(StandardCharsets.UTF_8),
                    right.s().getBytes(StandardCharsets.UTF_8));
            case "B" -> compareBytes(left.b().asByteArrayUnsafe(), right.b().asByteArrayUnsafe());
            default -> throw new IllegalArgumentException("not a scalar: " + left);
        };
    }

    private static int compareBytes(byte[] left, byte[] right) {
        return java.util.Arrays.compareUnsigned(left, right);
    }

    /** The item's size as AWS counts it: names and values in UTF-8, numbers by their digits. */
    public static int size(Map<String, AttributeValue> item) {
        int bytes = 0;
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            bytes += utf8(entry.getKey()) + size(entry.getValue());
        }
        return bytes;
    }

    public static int size(AttributeValue value) {
        return switch (type(value)) {
            case "S" -> utf8(value.s());
            case "N" -> numberSize(value.n());
            case "B" -> value.b().asByteArrayUnsafe().length;
            case "SS" -> value.ss().stream().mapToInt(AttributeValues::utf8).sum();
            case "NS" -> value.ns().stream().mapToInt(AttributeValues::numberSize).sum();
            case "BS" -> value.bs().stream().mapToInt(b -> b.asByteArrayUnsafe().length).sum();
            case "M" -> 3 + value.m().entrySet().stream()
                    .mapToInt(entry -> 1 + utf8(entry.getKey()) + size(entry.getValue())).sum();
            case "L" -> 3 + value.l().stream().mapToInt(member -> 1 + size(member)).sum();
            default -> 1;
        };
    }

    private static int numberSize(String number) {
        int digits = new BigDecimal(number).stripTrailingZeros().precision();
        return 1 + (digits + 1) / 2;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The bytes a binary scalar holds, for a {@code begins_with} on binaries. */
    public static boolean startsWith(SdkBytes value, SdkBytes prefix) {
        byte[] bytes = value.asByteArrayUnsafe();
        byte[] start = prefix.asByteArrayUnsafe();
        return bytes.length >= start.length
                && java.util.Arrays.equals(bytes, 0, start.length, start, 0, start.length);
    }
}
