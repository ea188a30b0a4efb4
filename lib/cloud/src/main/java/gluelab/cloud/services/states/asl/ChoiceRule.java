package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Choice rule: a comparison of its Variable (String…, Numeric…, Boolean…, Timestamp… and their {@code …Path}
 * forms against another path, StringMatches, the type tests Is…), or And/Or/Not of nested rules. A comparison with
 * a value of the wrong type is false; a Variable that is not there fails with {@code States.Runtime}, except for
 * IsPresent.
 */
final class ChoiceRule {

    private static final List<String> COMPARISONS = List.of("StringEquals", "StringLessThan", "StringGreaterThan",
            "StringLessThanEquals", "StringGreaterThanEquals", "NumericEquals", "NumericLessThan",
            "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals", "BooleanEquals",
            "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals",
            "TimestampGreaterThanEquals");
    private static final List<String> TESTS = List.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean",
            "IsTimestamp");
    private static final Set<String> OPERATORS = operators();

    private final String operator;
    private final JsonPath variable;
    private final JsonNode operand;
    private final JsonPath operandPath;
    private final Pattern matches;
    private final List<ChoiceRule> rules;
    final String next;
    /** A top-level rule's Assign, done when the rule is the one matched; its {@code $} is the state's input. */
    final PayloadTemplate assignPaths;

    private static Set<String> operators() {
        Set<String> all = new HashSet<>();
        for (String comparison : COMPARISONS) {
            all.add(comparison);
            all.add(comparison + "Path");
        }
        all.addAll(TESTS);
        all.addAll(List.of("StringMatches", "And", "Or", "Not"));
        return all;
    }

    ChoiceRule(Fields fields, boolean topLevel) {
        Set<String> present = new HashSet<>();
        fields.node().fieldNames().forEachRemaining(name -> {
            if (OPERATORS.contains(name)) {
                present.add(name);
            } else if (!name.equals("Variable") && !name.equals("Next") && !name.equals("Comment")
                    && !(topLevel && name.equals("Assign"))) {
                throw Fields.schema("Field '" + name + "' is not supported", fields.at(name));
            }
        });
        if (present.size() != 1) {
            throw Fields.schema("A choice rule must have exactly one comparison operator", fields.location);
        }
        this.operator = present.iterator().next();
        this.next = topLevel ? fields.requiredString("Next") : fields.string("Next");
        if (!topLevel && next != null) {
            throw Fields.schema("Field 'Next' is not supported in a nested choice rule", fields.at("Next"));
        }
        JsonNode value = fields.raw(operator);
        List<ChoiceRule> nested = new ArrayList<>();
        if (operator.equals("And") || operator.equals("Or")) {
            List<JsonNode> items = fields.array(operator, true);
            if (items.isEmpty()) {
                throw Fields.schema("The field '" + operator + "' must not be empty", fields.at(operator));
            }
            for (int i = 0; i < items.size(); i++) {
                nested.add(new ChoiceRule(new Fields(items.get(i), fields.at(operator) + "[" + i + "]"), false));
            }
        } else if (operator.equals("Not")) {
            nested.add(new ChoiceRule(new Fields(value, fields.at("Not")), false));
        }
        this.rules = List.copyOf(nested);
        this.assignPaths = State.jsonPathAssign(fields);
        boolean combinator = !nested.isEmpty();
        if (combinator) {
            this.variable = null;
            if (fields.has("Variable")) {
                throw Fields.schema("Field 'Variable' is not supported with '" + operator + "'",
                        fields.at("Variable"));
            }
        } else {
            this.variable = fields.compile("Variable", fields.requiredString("Variable"), false);
        }
        this.operand = combinator || operator.endsWith("Path") ? null : value;
        this.operandPath = !combinator && operator.endsWith("Path")
                ? fields.compile(operator, fields.string(operator), false) : null;
        if (operand != null) {
            checkOperandType(fields);
        }
        this.matches = operator.equals("StringMatches") ? wildcard(operand.asText()) : null;
    }

    private void checkOperandType(Fields fields) {
        boolean ok;
        if (operator.startsWith("String")) {
            ok = operand.isTextual();
        } else if (operator.startsWith("Numeric")) {
            ok = operand.isNumber();
        } else if (operator.startsWith("Boolean") || operator.startsWith("Is")) {
            ok = operand.isBoolean();
        } else {
            ok = operand.isTextual() && timestamp(operand).isPresent();
        }
        if (!ok) {
            throw Fields.schema("The value for the field '" + operator + "' is not of the type it compares",
                    fields.at(operator));
        }
    }

    /** StringMatches' pattern: {@code *} is any text; {@code \*} a star and {@code \\} a backslash. */
    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Whether the rule holds, its paths reading {@code roots} (over the state's effective input). */
    boolean matches(PathRoots roots) {
        switch (operator) {
            case "And" -> {
                return rules.stream().allMatch(rule -> rule.matches(roots));
            }
            case "Or" -> {
                return rules.stream().anyMatch(rule -> rule.matches(roots));
            }
            case "Not" -> {
                return !rules.get(0).matches(roots);
            }
            default -> {
            }
        }
        Optional<JsonNode> found = variable.read(roots);
        if (operator.equals("IsPresent")) {
            return found.isPresent() == operand.asBoolean();
        }
        JsonNode value = found.orElseThrow(() -> StatesError.runtime("Invalid path '" + variable
                + "': The choice state's condition path references an invalid value."));
        if (operator.startsWith("Is")) {
            boolean is = switch (operator) {
                case "IsNull" -> value.isNull();
                case "IsNumeric" -> value.isNumber();
                case "IsString" -> value.isTextual();
                case "IsBoolean" -> value.isBoolean();
                default -> value.isTextual() && timestamp(value).isPresent();
            };
            return is == operand.asBoolean();
        }
        if (operator.equals("StringMatches")) {
            return value.isTextual() && matches.matcher(value.asText()).matches();
        }
        JsonNode other = operand;
        String comparison = operator;
        if (operandPath != null) {
            comparison = operator.substring(0, operator.length() - "Path".length());
            other = operandPath.read(roots).orElseThrow(() ->
                    StatesError.runtime("Invalid path '" + operandPath
                            + "': The choice state's condition path references an invalid value."));
        }
        return compare(comparison, value, other);
    }

    private static boolean compare(String comparison, JsonNode value, JsonNode other) {
        Integer order;
        if (comparison.startsWith("String")) {
            order = value.isTextual() && other.isTextual() ? value.asText().compareTo(other.asText()) : null;
        } else if (comparison.startsWith("Numeric")) {
            order = value.isNumber() && other.isNumber()
                    ? value.decimalValue().compareTo(other.decimalValue()) : null;
        } else if (comparison.startsWith("Boolean")) {
            return value.isBoolean() && other.isBoolean() && value.asBoolean() == other.asBoolean();
        } else {
            Optional<Instant> a = timestamp(value);
            Optional<Instant> b = timestamp(other);
            order = a.isPresent() && b.isPresent() ? a.get().compareTo(b.get()) : null;
        }
        if (order == null) {
            return false;
        }
        String relation = comparison.replaceFirst("^(String|Numeric|Timestamp)", "");
        return switch (relation) {
            case "Equals" -> order == 0;
            case "LessThan" -> order < 0;
            case "GreaterThan" -> order > 0;
            case "LessThanEquals" -> order <= 0;
            default -> order >= 0;
        };
    }

    private static Optional<Instant> timestamp(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(WaitState.parseTimestamp(value.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
