package gluelab.cloud.services.logs.filter;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One comparison of a field with a literal, shared by JSON and space-delimited patterns:
 * {@code = "ERR*"}, {@code != 123.123.*}, {@code > 100}, {@code = %time.?out%}.
 *
 * <p>String literals compare whole values, case-sensitively; a {@code *} at the start or the end is a
 * wildcard (AWS documents that {@code Ev*ent} matches only the literal text {@code Ev*ent}). Numeric
 * comparisons need a numeric value; {@code =} and {@code !=} with a number compare numerically when the
 * value is a number and as text otherwise.
 */
final class ValueCondition {

    enum Operator {
        EQUAL("="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        boolean isEquality() {
            return this == EQUAL || this == NOT_EQUAL;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final Operator operator;
    private final String text;
    private final BigDecimal number;
    private final Pattern regex;

    private ValueCondition(Operator operator, String text, BigDecimal number, Pattern regex) {
        this.operator = operator;
        this.text = text;
        this.number = number;
        this.regex = regex;
    }

    /** Reads an operator and its literal from the scanner. */
    static ValueCondition read(PatternScanner in, java.util.function.IntPredicate bareCharacter) {
        Operator operator = readOperator(in);
        char next = in.peek();
        if (next == '"') {
            String value = in.quoted();
            requireEquality(in, operator, value);
            return new ValueCondition(operator, value, null, null);
        }
        if (next == '%') {
            String body = in.regex();
            requireEquality(in, operator, body);
            try {
                return new ValueCondition(operator, body, null, Pattern.compile(body));
            } catch (PatternSyntaxException e) {
                throw in.error("invalid regular expression " + body);
            }
        }
        String bare = in.run(bareCharacter);
        if (bare.isEmpty()) {
            throw in.error("expected a value after " + operator.symbol);
        }
        if (NUMBER.matcher(bare).matches()) {
            return new ValueCondition(operator, bare, new BigDecimal(bare), null);
        }
        requireEquality(in, operator, bare);
        return new ValueCondition(operator, bare, null, null);
    }

    private static Operator readOperator(PatternScanner in) {
        if (in.consume("!=")) {
            return Operator.NOT_EQUAL;
        }
        if (in.consume("<=")) {
            return Operator.LESS_OR_EQUAL;
        }
        if (in.consume(">=")) {
            return Operator.GREATER_OR_EQUAL;
        }
        if (in.consume("==")) {
            throw in.error("'==' is not an operator (use '=')");
        }
        if (in.consume("=")) {
            return Operator.EQUAL;
        }
        if (in.consume("<")) {
            return Operator.LESS;
        }
        if (in.consume(">")) {
            return Operator.GREATER;
        }
        throw in.error("expected a comparison operator");
    }

    private static void requireEquality(PatternScanner in, Operator operator, String value) {
        if (!operator.isEquality()) {
            throw in.error("'" + operator.symbol + "' needs a number, not '" + value + "'");
        }
    }

    /**
     * Whether a present scalar value satisfies the condition.
     *
     * @param valueText   the value as text
     * @param valueNumber the value as a number when it is one, else null
     */
    boolean test(String valueText, BigDecimal valueNumber) {
        if (!operator.isEquality()) {
            return valueNumber != null && compare(valueNumber.compareTo(number));
        }
        boolean equal;
        if (regex != null) {
            equal = regex.matcher(valueText).find();
        } else if (number != null && valueNumber != null) {
            equal = valueNumber.compareTo(number) == 0;
        } else {
            equal = wildcardEquals(text, valueText);
        }
        return operator == Operator.EQUAL ? equal : !equal;
    }

    /** Parses text as a number the way patterns write them, or returns null. */
    static BigDecimal numberOrNull(String text) {
        if (text == null || !NUMBER.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text);
    }

    private boolean compare(int order) {
        return switch (operator) {
            case LESS -> order < 0;
            case LESS_OR_EQUAL -> order <= 0;
            case GREATER -> order > 0;
            case GREATER_OR_EQUAL -> order >= 0;
            default -> throw new IllegalStateException(operator.name());
        };
    }

    static boolean wildcardEquals(String pattern, String value) {
        if (pattern.equals("*")) {
            return true;
        }
        boolean leading = pattern.startsWith("*");
        boolean trailing = pattern.length() > 1 && pattern.endsWith("*");
        String core = pattern.substring(leading ? 1 : 0, pattern.length() - (trailing ? 1 : 0));
        if (leading && trailing) {
            return value.contains(core);
        }
        if (leading) {
            return value.endsWith(core);
        }
        if (trailing) {
            return value.startsWith(core);
        }
        return value.equals(core);
    }
}
