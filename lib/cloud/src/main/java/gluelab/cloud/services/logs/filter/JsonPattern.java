package gluelab.cloud.services.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A pattern over JSON events, the text between {@code {}} and {@code }}: comparisons of selected values
 * ({@code $.level = "ERROR"}, {@code $.latency > 100}, {@code $.user.id != 7}), the checks
 * {@code IS NULL}, {@code NOT EXISTS}, {@code IS TRUE} and {@code IS FALSE}, joined by {@code &&} and
 * {@code ||} (which binds looser) with parentheses. Selectors walk object members and array indexes:
 * {@code $.objectList[1].id}. A selector that reaches an object or an array matches no comparison, neither
 * {@code =} nor {@code !=}; an event that is not JSON matches nothing.
 */
final class JsonPattern implements Predicate<String> {

    private interface Condition {
        boolean test(JsonNode root);
    }

    /** A path from the root: member names (String) and array indexes (Integer). */
    private record Selector(List<Object> steps) {
        JsonNode resolve(JsonNode root) {
            JsonNode node = root;
            for (Object step : steps) {
                if (node == null) {
                    return null;
                }
                node = step instanceof Integer index
                        ? (node.isArray() ? node.get(index) : null)
                        : (node.isObject() ? node.get((String) step) : null);
            }
            return node;
        }
    }

    private final Condition condition;

    private JsonPattern(Condition condition) {
        this.condition = condition;
    }

    static JsonPattern parse(String body) {
        PatternScanner in = new PatternScanner(body);
        if (in.atEnd()) {
            throw in.error("empty JSON pattern");
        }
        Condition condition = parseOr(in);
        if (!in.atEnd()) {
            throw in.error("unexpected text");
        }
        return new JsonPattern(condition);
    }

    private static Condition parseOr(PatternScanner in) {
        List<Condition> any = new ArrayList<>();
        any.add(parseAnd(in));
        while (in.consume("||")) {
            any.add(parseAnd(in));
        }
        return any.size() == 1 ? any.get(0) : root -> any.stream().anyMatch(c -> c.test(root));
    }

    private static Condition parseAnd(PatternScanner in) {
        List<Condition> all = new ArrayList<>();
        all.add(parseUnit(in));
        while (in.consume("&&")) {
            all.add(parseUnit(in));
        }
        return all.size() == 1 ? all.get(0) : root -> all.stream().allMatch(c -> c.test(root));
    }

    private static Condition parseUnit(PatternScanner in) {
        if (in.consume("(")) {
            Condition inner = parseOr(in);
            in.expect(")");
            return inner;
        }
        Selector selector = parseSelector(in);
        if (in.consumeKeyword("IS")) {
            if (in.consumeKeyword("NULL")) {
                return root -> {
                    JsonNode node = selector.resolve(root);
                    return node != null && node.isNull();
                };
            }
            boolean wanted;
            if (in.consumeKeyword("TRUE")) {
                wanted = true;
            } else if (in.consumeKeyword("FALSE")) {
                wanted = false;
            } else {
                throw in.error("expected NULL, TRUE or FALSE after IS");
            }
            return root -> {
                JsonNode node = selector.resolve(root);
                return node != null && node.isBoolean() && node.booleanValue() == wanted;
            };
        }
        if (in.consumeKeyword("NOT")) {
            if (!in.consumeKeyword("EXISTS")) {
                throw in.error("expected EXISTS after NOT");
            }
            return root -> selector.resolve(root) == null;
        }
        ValueCondition value = ValueCondition.read(in, JsonPattern::isBareValueCharacter);
        return root -> {
            JsonNode node = selector.resolve(root);
            if (node == null || node.isNull() || node.isContainerNode()) {
                return false;
            }
            return value.test(node.asText(), node.isNumber() ? node.decimalValue() : null);
        };
    }

    private static Selector parseSelector(PatternScanner in) {
        if (!in.consume("$")) {
            throw in.error("expected a selector starting with $");
        }
        List<Object> steps = new ArrayList<>();
        while (true) {
            if (in.consume(".")) {
                String name = in.run(c -> PatternScanner.isWordCharacter(c) || c == '-' || c == '@');
                if (name.isEmpty()) {
                    throw in.error("expected a property name after '.'");
                }
                steps.add(name);
            } else if (in.consume("[")) {
                String digits = in.run(Character::isDigit);
                if (digits.isEmpty() || digits.length() > 9) {
                    throw in.error("expected an array index");
                }
                in.expect("]");
                steps.add(Integer.parseInt(digits));
            } else {
                break;
            }
        }
        if (steps.isEmpty()) {
            throw in.error("a selector must name a property");
        }
        return new Selector(steps);
    }

    private static boolean isBareValueCharacter(int c) {
        return !Character.isWhitespace(c) && c != ')' && c != '(' && c != '&' && c != '|' && c != '"';
    }

    @Override
    public boolean test(String message) {
        String trimmed = message.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return false;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(trimmed);
        } catch (IOException notJson) {
            return false;
        }
        return root != null && condition.test(root);
    }
}
