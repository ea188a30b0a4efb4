package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.state.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The States Language's 18 intrinsic functions ({@code States.Format('{} items', $.count)} and the rest), parsed
 * from a {@code .$} field's value and evaluated against the state's data, the context object and the workflow
 * variables. A function's misuse (a wrong argument type or count, a template with too few arguments) is
 * {@code States.IntrinsicFailure} at run time; what does not parse is a definition error.
 */
public final class IntrinsicFunctions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_RANGE = 1000;
    private static final Set<String> NAMES = Set.of("States.Format", "States.StringToJson", "States.JsonToString",
            "States.Array", "States.ArrayPartition", "States.ArrayContains", "States.ArrayRange",
            "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique", "States.Base64Encode",
            "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom", "States.MathAdd",
            "States.StringSplit", "States.UUID");
    private static final Map<String, String> HASHES = Map.of("MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256",
            "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    /** One parsed call, ready to evaluate. */
    public interface Expression {
        JsonNode evaluate(PathRoots roots);
    }

    private IntrinsicFunctions() {
    }

    /** Whether a {@code .$} value is a function call rather than a path. */
    public static boolean isCall(String text) {
        return text != null && text.startsWith("States.");
    }

    /**
     * Parses a call.
     *
     * @throws IllegalArgumentException with what is wrong
     */
    public static Expression parse(String text) {
        Parser parser = new Parser(text);
        Expression call = parser.call();
        parser.skipSpaces();
        if (parser.at != text.length()) {
            throw new IllegalArgumentException("unexpected text after the call at position " + parser.at);
        }
        return call;
    }

    private record Call(String name, List<Expression> arguments) implements Expression {
        @Override
        public JsonNode evaluate(PathRoots roots) {
            List<JsonNode> values = new ArrayList<>();
            for (Expression argument : arguments) {
                values.add(argument.evaluate(roots));
            }
            return apply(name, values);
        }
    }

    private record Literal(JsonNode value) implements Expression {
        @Override
        public JsonNode evaluate(PathRoots roots) {
            return value;
        }
    }

    private record PathArgument(JsonPath path) implements Expression {
        @Override
        public JsonNode evaluate(PathRoots roots) {
            return path.read(roots).orElseThrow(() -> failure(
                    "The JsonPath argument for the field '" + path + "' could not be found in the input"));
        }
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        Expression call() {
            skipSpaces();
            int open = text.indexOf('(', at);
            if (open < 0) {
                throw new IllegalArgumentException("'(' is missing after the function name");
            }
            String name = text.substring(at, open).trim();
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not an intrinsic function");
            }
            at = open + 1;
            List<Expression> arguments = new ArrayList<>();
            skipSpaces();
            if (at < text.length() && text.charAt(at) == ')') {
                at++;
                return new Call(name, arguments);
            }
            while (true) {
                arguments.add(argument());
                skipSpaces();
                if (at >= text.length()) {
                    throw new IllegalArgumentException("')' is missing");
                }
                char c = text.charAt(at++);
                if (c == ')') {
                    return new Call(name, arguments);
                }
                if (c != ',') {
                    throw new IllegalArgumentException("',' or ')' expected at position " + (at - 1));
                }
            }
        }

        Expression argument() {
            skipSpaces();
            if (at >= text.length()) {
                throw new IllegalArgumentException("an argument is missing");
            }
            char c = text.charAt(at);
            if (c == '\'') {
                return new Literal(NODES.textNode(string()));
            }
            if (c == '$') {
                int start = at;
                int depth = 0;
                char quote = 0;
                while (at < text.length()) {
                    char d = text.charAt(at);
                    if (quote != 0) {
                        if (d == quote) {
                            quote = 0;
                        }
                    } else if (d == '\'' || d == '"') {
                        quote = d;
                    } else if (d == '[' || d == '(') {
                        depth++;
                    } else if (d == ']' || d == ')') {
                        if (depth == 0) {
                            break;
                        }
                        depth--;
                    } else if (d == ',' && depth == 0) {
                        break;
                    }
                    at++;
                }
                return new PathArgument(JsonPath.parse(text.substring(start, at).trim()));
            }
            if (text.startsWith("States.", at)) {
                return call();
            }
            int start = at;
            while (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != ')') {
                at++;
            }
            String token = text.substring(start, at).trim();
            try {
                JsonNode literal = Json.MAPPER.readTree(token);
                if (literal == null || !(literal.isNumber() || literal.isBoolean() || literal.isNull())) {
                    throw new IllegalArgumentException("'" + token + "' is not an argument");
                }
                return new Literal(literal);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("'" + token + "' is not an argument");
            }
        }

        /** A quoted string; {@code \'}, {@code \{}, {@code \}} and {@code \\} stay escaped for Format. */
        String string() {
            StringBuilder value = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    char next = text.charAt(at++);
                    if (next == '\'') {
                        value.append('\'');
                    } else {
                        value.append('\\').append(next);
                    }
                } else if (c == '\'') {
                    return value.toString();
                } else {
                    value.append(c);
                }
            }
            throw new IllegalArgumentException("a string is not closed");
        }
    }

    private static StatesError failure(String cause) {
        return new StatesError(StatesError.INTRINSIC_FAILURE, cause);
    }

    private static JsonNode apply(String name, List<JsonNode> args) {
        String function = name.substring("States.".length());
        return switch (function) {
            case "Format" -> format(args);
            case "StringToJson" -> {
                count(name, args, 1);
                try {
                    yield Json.MAPPER.readTree(text(name, args.get(0)));
                } catch (java.io.IOException e) {
                    throw failure("Invalid arguments in States.StringToJson: the string is not JSON");
                }
            }
            case "JsonToString" -> {
                count(name, args, 1);
                yield NODES.textNode(args.get(0).toString());
            }
            case "Array" -> {
                ArrayNode array = NODES.arrayNode();
                args.forEach(array::add);
                yield array;
            }
            case "ArrayPartition" -> {
                count(name, args, 2);
                JsonNode array = array(name, args.get(0));
                int size = integer(name, args.get(1));
                if (size <= 0) {
                    throw failure("Invalid arguments in States.ArrayPartition: the chunk size must be positive");
                }
                ArrayNode chunks = NODES.arrayNode();
                ArrayNode chunk = null;
                for (JsonNode item : array) {
                    if (chunk == null || chunk.size() == size) {
                        chunk = chunks.addArray();
                    }
                    chunk.add(item);
                }
                yield chunks;
            }
            case "ArrayContains" -> {
                count(name, args, 2);
                JsonNode array = array(name, args.get(0));
                boolean found = false;
                for (JsonNode item : array) {
                    found |= item.equals(args.get(1));
                }
                yield NODES.booleanNode(found);
            }
            case "ArrayRange" -> {
                count(name, args, 3);
                int start = integer(name, args.get(0));
                int end = integer(name, args.get(1));
                int step = integer(name, args.get(2));
                if (step == 0) {
                    throw failure("Invalid arguments in States.ArrayRange: the step must not be 0");
                }
                ArrayNode range = NODES.arrayNode();
                for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
                    if (range.size() == MAX_RANGE) {
                        throw failure("Invalid arguments in States.ArrayRange: the range has more than "
                                + MAX_RANGE + " items");
                    }
                    range.add((int) i);
                }
                yield range;
            }
            case "ArrayGetItem" -> {
                count(name, args, 2);
                JsonNode array = array(name, args.get(0));
                int index = integer(name, args.get(1));
                if (index < 0 || index >= array.size()) {
                    throw failure("Invalid arguments in States.ArrayGetItem: index " + index + " is out of bounds");
                }
                yield array.get(index);
            }
            case "ArrayLength" -> {
                count(name, args, 1);
                yield NODES.numberNode(array(name, args.get(0)).size());
            }
            case "ArrayUnique" -> {
                count(name, args, 1);
                Set<JsonNode> unique = new LinkedHashSet<>();
                array(name, args.get(0)).forEach(unique::add);
                ArrayNode array = NODES.arrayNode();
                unique.forEach(array::add);
                yield array;
            }
            case "Base64Encode" -> {
                count(name, args, 1);
                yield NODES.textNode(Base64.getEncoder().encodeToString(
                        text(name, args.get(0)).getBytes(StandardCharsets.UTF_8)));
            }
            case "Base64Decode" -> {
                count(name, args, 1);
                try {
                    yield NODES.textNode(new String(Base64.getDecoder().decode(text(name, args.get(0))),
                            StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw failure("Invalid arguments in States.Base64Decode: the string is not Base64");
                }
            }
            case "Hash" -> {
                count(name, args, 2);
                String algorithm = HASHES.get(text(name, args.get(1)));
                if (algorithm == null) {
                    throw failure("Invalid arguments in States.Hash: the algorithm must be one of "
                            + "MD5, SHA-1, SHA-256, SHA-384, SHA-512");
                }
                JsonNode data = args.get(0);
                String input = data.isTextual() ? data.asText() : data.toString();
                try {
                    yield NODES.textNode(HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                            .digest(input.getBytes(StandardCharsets.UTF_8))));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
            case "JsonMerge" -> {
                count(name, args, 3);
                if (!args.get(0).isObject() || !args.get(1).isObject() || !args.get(2).isBoolean()) {
                    throw failure("Invalid arguments in States.JsonMerge: it takes two objects and a boolean");
                }
                if (args.get(2).asBoolean()) {
                    throw failure("Invalid arguments in States.JsonMerge: deep merging is not supported");
                }
                ObjectNode merged = args.get(0).deepCopy();
                merged.setAll((ObjectNode) args.get(1));
                yield merged;
            }
            case "MathRandom" -> {
                if (args.size() != 2 && args.size() != 3) {
                    throw failure("Invalid arguments in States.MathRandom: it takes a start, an end and a seed");
                }
                int start = integer(name, args.get(0));
                int end = integer(name, args.get(1));
                if (end <= start) {
                    throw failure("Invalid arguments in States.MathRandom: the end must be above the start");
                }
                Random random = args.size() == 3 ? new Random(integer(name, args.get(2)))
                        : ThreadLocalRandom.current();
                yield NODES.numberNode(start + random.nextInt(end - start));
            }
            case "MathAdd" -> {
                count(name, args, 2);
                yield NODES.numberNode((long) integer(name, args.get(0)) + integer(name, args.get(1)));
            }
            case "StringSplit" -> {
                count(name, args, 2);
                StringTokenizer tokens = new StringTokenizer(text(name, args.get(0)), text(name, args.get(1)));
                ArrayNode parts = NODES.arrayNode();
                while (tokens.hasMoreTokens()) {
                    parts.add(tokens.nextToken());
                }
                yield parts;
            }
            case "UUID" -> {
                count(name, args, 0);
                yield NODES.textNode(UUID.randomUUID().toString());
            }
            default -> throw failure("The function " + name + " is not supported");
        };
    }

    private static JsonNode format(List<JsonNode> args) {
        if (args.isEmpty()) {
            throw failure("Invalid arguments in States.Format: a template is required");
        }
        String template = text("States.Format", args.get(0));
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw failure("Invalid arguments in States.Format: the template has more placeholders than "
                            + "there are arguments");
                }
                JsonNode value = args.get(next++);
                if (value.isContainerNode()) {
                    throw failure("Invalid arguments in States.Format: an argument must be a string, a number, "
                            + "a boolean or null");
                }
                out.append(value.isNull() ? "null" : value.asText());
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw failure("Invalid arguments in States.Format: there are more arguments than placeholders");
        }
        return NODES.textNode(out.toString());
    }

    private static void count(String name, List<JsonNode> args, int expected) {
        if (args.size() != expected) {
            throw failure("Invalid arguments in " + name + ": it takes " + expected + " argument"
                    + (expected == 1 ? "" : "s") + ", not " + args.size());
        }
    }

    private static String text(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw failure("Invalid arguments in " + name + ": " + value + " is not a string");
        }
        return value.asText();
    }

    private static JsonNode array(String name, JsonNode value) {
        if (!value.isArray()) {
            throw failure("Invalid arguments in " + name + ": " + value + " is not an array");
        }
        return value;
    }

    private static int integer(String name, JsonNode value) {
        if (!value.isNumber() || value.asDouble() != Math.rint(value.asDouble())) {
            throw failure("Invalid arguments in " + name + ": " + value + " is not an integer");
        }
        return value.asInt();
    }
}
