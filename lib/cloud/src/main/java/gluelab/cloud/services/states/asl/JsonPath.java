package gluelab.cloud.services.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSONPath as the States Language reads it (Step Functions uses Jayway's dialect): {@code $}, {@code .name},
 * {@code ['name']}, {@code [0]}, {@code [-1]}, {@code [*]}, {@code .*}, {@code [1:3]}, {@code [0,2]}, {@code ..name},
 * filters {@code [?(@.price > 10)]}, and {@code .length()} at the end. A path without wildcards, slices, unions,
 * filters or deep scans is definite: it reads one value. Any other path reads the array of what it matched.
 * Reference paths (ResultPath, Variable, ItemsPath) are the definite ones; {@link #set} writes through them.
 */
public final class JsonPath {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private sealed interface Segment permits Field, Index, Wildcard, Slice, Union, DeepScan, Filter, Length {
    }

    private record Field(String name) implements Segment {
    }

    private record Index(int index) implements Segment {
    }

    private record Wildcard() implements Segment {
    }

    private record Slice(Integer from, Integer to) implements Segment {
    }

    private record Union(List<Segment> members) implements Segment {
    }

    private record DeepScan(String name) implements Segment {
    }

    private record Filter(JsonPath subject, String operator, JsonNode operand) implements Segment {
    }

    private record Length() implements Segment {
    }

    private final String text;
    private final List<Segment> segments;
    private final boolean context;
    /** The workflow variable the path starts from ({@code $name…}), or null. */
    private final String variable;

    private JsonPath(String text, List<Segment> segments, boolean context, String variable) {
        this.text = text;
        this.segments = List.copyOf(segments);
        this.context = context;
        this.variable = variable;
    }

    /** Whether {@code text} looks like a path at all: {@code $}, {@code $$} or {@code $name} and what follows. */
    public static boolean isPath(String text) {
        return text != null && text.startsWith("$");
    }

    /**
     * The path {@code text}, which starts with {@code $} (the data), {@code $$} (the context object) or
     * {@code $name} (the workflow variable {@code name}).
     *
     * @throws IllegalArgumentException with what is wrong, when it is not a path
     */
    public static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$'");
        }
        if (text.startsWith("$$")) {
            return new JsonPath(text, new Parser(text, 2, '@').parse(), true, null);
        }
        int end = 1;
        while (end < text.length() && (end == 1 ? Character.isUnicodeIdentifierStart(text.codePointAt(end))
                : Character.isUnicodeIdentifierPart(text.codePointAt(end)))) {
            end += Character.charCount(text.codePointAt(end));
        }
        String variable = end > 1 ? text.substring(1, end) : null;
        return new JsonPath(text, new Parser(text, end, '@').parse(), false, variable);
    }

    /** Parses a filter's subject, {@code @.name…}. */
    private static JsonPath parseRelative(String text) {
        return new JsonPath(text, new Parser(text, 1, '@').parse(), false, null);
    }

    public String text() {
        return text;
    }

    /** Whether it reads the context object ({@code $$…}) rather than the input. */
    public boolean readsContext() {
        return context;
    }

    /** The workflow variable it reads ({@code $name…}), or null when it reads the data or the context object. */
    public String variable() {
        return variable;
    }

    /**
     * What the path reads from the root it names in {@code roots}; empty when a definite path names nothing, or
     * names a variable no state has assigned.
     */
    Optional<JsonNode> read(PathRoots roots) {
        if (variable != null) {
            JsonNode value = roots.variables().get(variable);
            return value == null ? Optional.empty() : read(value);
        }
        return read(context ? roots.context() : roots.data());
    }

    /** Whether it names one place: no wildcard, slice, union, filter, deep scan or function. */
    public boolean isDefinite() {
        return segments.stream().allMatch(s -> s instanceof Field || s instanceof Index);
    }

    /** What the path's segments read from {@code root}; empty when a definite path names nothing. */
    private Optional<JsonNode> read(JsonNode root) {
        List<JsonNode> current = List.of(root);
        boolean definite = true;
        for (Segment segment : segments) {
            if (segment instanceof Length) {
                if (!definite) {
                    return Optional.of(NODES.numberNode(current.size()));
                }
                JsonNode only = current.isEmpty() ? null : current.get(0);
                if (only == null || !(only.isArray() || only.isObject() || only.isTextual())) {
                    return Optional.empty();
                }
                return Optional.of(NODES.numberNode(only.isTextual() ? only.asText().length() : only.size()));
            }
            if (!(segment instanceof Field || segment instanceof Index)) {
                definite = false;
            }
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                select(segment, node, next);
            }
            current = next;
            if (definite && current.isEmpty()) {
                return Optional.empty();
            }
        }
        if (definite) {
            return current.isEmpty() ? Optional.empty() : Optional.of(current.get(0));
        }
        ArrayNode matched = NODES.arrayNode();
        current.forEach(matched::add);
        return Optional.of(matched);
    }

    private static void select(Segment segment, JsonNode node, List<JsonNode> into) {
        if (segment instanceof Field field) {
            if (node.isObject() && node.has(field.name())) {
                into.add(node.get(field.name()));
            }
        } else if (segment instanceof Index index) {
            if (node.isArray()) {
                int i = index.index() < 0 ? node.size() + index.index() : index.index();
                if (i >= 0 && i < node.size()) {
                    into.add(node.get(i));
                }
            }
        } else if (segment instanceof Wildcard) {
            if (node.isArray() || node.isObject()) {
                node.elements().forEachRemaining(into::add);
            }
        } else if (segment instanceof Slice slice) {
            if (node.isArray()) {
                int size = node.size();
                int from = bound(slice.from(), 0, size);
                int to = bound(slice.to(), size, size);
                for (int i = from; i < to; i++) {
                    into.add(node.get(i));
                }
            }
        } else if (segment instanceof Union union) {
            union.members().forEach(member -> select(member, node, into));
        } else if (segment instanceof DeepScan scan) {
            deepScan(node, scan.name(), into);
        } else if (segment instanceof Filter filter) {
            if (node.isArray() || node.isObject()) {
                node.elements().forEachRemaining(candidate -> {
                    if (accepts(filter, candidate)) {
                        into.add(candidate);
                    }
                });
            }
        }
    }

    private static int bound(Integer value, int fallback, int size) {
        if (value == null) {
            return fallback;
        }
        int resolved = value < 0 ? size + value : value;
        return Math.max(0, Math.min(size, resolved));
    }

    private static void deepScan(JsonNode node, String name, List<JsonNode> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (name == null || entry.getKey().equals(name)) {
                    into.add(entry.getValue());
                }
                deepScan(entry.getValue(), name, into);
            });
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> deepScan(child, name, into));
        }
    }

    /**
     * {@code root} with {@code value} written where this reference path points, creating the objects on the way
     * ({@code $} replaces the whole). Step Functions' ResultPath.
     *
     * @throws StatesError {@code States.ResultPathMatchFailure} when the path runs through something that is not an
     *                     object (or an array, for an index in range)
     */
    public JsonNode set(JsonNode root, JsonNode value) {
        if (segments.isEmpty()) {
            return value;
        }
        JsonNode copy = root == null || root.isMissingNode() || root.isNull() ? NODES.objectNode() : root.deepCopy();
        if (!copy.isContainerNode()) {
            throw matchFailure(root);
        }
        JsonNode parent = copy;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment instanceof Field field && parent instanceof ObjectNode object) {
                if (last) {
                    object.set(field.name(), value);
                } else {
                    JsonNode child = object.get(field.name());
                    if (child == null || child.isNull()) {
                        child = object.putObject(field.name());
                    } else if (!child.isContainerNode()) {
                        throw matchFailure(root);
                    }
                    parent = child;
                }
            } else if (segment instanceof Index index && parent instanceof ArrayNode array && index.index() >= 0
                    && index.index() < array.size()) {
                if (last) {
                    array.set(index.index(), value);
                } else {
                    parent = array.get(index.index());
                    if (!parent.isContainerNode()) {
                        throw matchFailure(root);
                    }
                }
            } else {
                throw matchFailure(root);
            }
        }
        return copy;
    }

    private StatesError matchFailure(JsonNode root) {
        return new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "Unable to apply ReferencePath " + text
                + " to input '" + root + "'");
    }

    @Override
    public String toString() {
        return text;
    }

    private record FilterParts(String subject, String operator, String operand) {
    }

    /** Reads a path's segments after its root, by hand: the grammar is small. */
    private static final class Parser {
        private final String text;
        private int at;
        private final char relativeRoot;

        Parser(String text, int start, char relativeRoot) {
            this.text = text;
            this.at = start;
            this.relativeRoot = relativeRoot;
        }

        List<Segment> parse() {
            List<Segment> segments = new ArrayList<>();
            while (at < text.length()) {
                char c = text.charAt(at);
                if (text.startsWith("..", at)) {
                    at += 2;
                    if (at < text.length() && text.charAt(at) == '*') {
                        at++;
                        segments.add(new DeepScan(null));
                    } else {
                        segments.add(new DeepScan(name()));
                    }
                } else if (c == '.') {
                    at++;
                    if (at < text.length() && text.charAt(at) == '*') {
                        at++;
                        segments.add(new Wildcard());
                    } else {
                        String name = name();
                        if (name.equals("length") && text.startsWith("()", at)) {
                            at += 2;
                            segments.add(new Length());
                            if (at != text.length()) {
                                throw new IllegalArgumentException("length() must come last");
                            }
                        } else {
                            segments.add(new Field(name));
                        }
                    }
                } else if (c == '[') {
                    segments.add(bracket());
                } else {
                    throw new IllegalArgumentException("unexpected '" + c + "' at position " + at);
                }
            }
            return segments;
        }

        private String name() {
            int start = at;
            while (at < text.length() && ".[ (".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            if (at == start) {
                throw new IllegalArgumentException("a name is missing at position " + start);
            }
            return text.substring(start, at);
        }

        private Segment bracket() {
            int close = closing();
            String inside = text.substring(at + 1, close).trim();
            at = close + 1;
            if (inside.equals("*")) {
                return new Wildcard();
            }
            if (inside.startsWith("?(") && inside.endsWith(")")) {
                return filter(inside.substring(2, inside.length() - 1).trim());
            }
            List<String> parts = splitOutsideQuotes(inside);
            List<Segment> members = new ArrayList<>();
            for (String part : parts) {
                members.add(member(part.trim()));
            }
            if (members.isEmpty()) {
                throw new IllegalArgumentException("empty brackets");
            }
            return members.size() == 1 ? members.get(0) : new Union(members);
        }

        private Segment member(String part) {
            if (part.length() >= 2 && (part.startsWith("'") && part.endsWith("'")
                    || part.startsWith("\"") && part.endsWith("\""))) {
                return new Field(part.substring(1, part.length() - 1));
            }
            if (part.contains(":")) {
                String[] bounds = part.split(":", -1);
                return new Slice(optionalInt(bounds[0]), optionalInt(bounds[1]));
            }
            try {
                return new Index(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part + "' is not an index, a slice or a quoted name");
            }
        }

        private static Integer optionalInt(String text) {
            String trimmed = text.trim();
            return trimmed.isEmpty() ? null : Integer.parseInt(trimmed);
        }

        private int closing() {
            int depth = 0;
            char quote = 0;
            for (int i = at; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalArgumentException("'[' at position " + at + " is not closed");
        }

        private static List<String> splitOutsideQuotes(String text) {
            List<String> parts = new ArrayList<>();
            char quote = 0;
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == ',') {
                    parts.add(text.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(text.substring(start));
            return parts;
        }

        private Segment filter(String expression) {
            if (!expression.startsWith(String.valueOf(relativeRoot))) {
                throw new IllegalArgumentException("a filter must test '@'");
            }
            FilterParts parts = filterParts(expression);
            JsonPath subject = parseRelative(parts.subject());
            JsonNode operand = null;
            if (parts.operand() != null) {
                String literal = parts.operand().replaceAll("^'(.*)'$", "\"$1\"");
                try {
                    operand = gluelab.cloud.state.Json.MAPPER.readTree(literal);
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("'" + parts.operand() + "' is not a literal");
                }
            }
            return new Filter(subject, parts.operator(), operand);
        }

        private static FilterParts filterParts(String expression) {
            for (String operator : List.of("==", "!=", "<=", ">=", "<", ">")) {
                int index = expression.indexOf(operator);
                if (index > 0) {
                    return new FilterParts(expression.substring(0, index).trim(), operator,
                            expression.substring(index + operator.length()).trim());
                }
            }
            return new FilterParts(expression.trim(), null, null);
        }
    }

    /** Whether an element passes a filter {@code [?(@.x op literal)]}, or {@code [?(@.x)]} (x is there). */
    private static boolean compare(JsonNode value, String operator, JsonNode operand) {
        if (operator.equals("==")) {
            return numericOrEqual(value, operand) == 0;
        }
        if (operator.equals("!=")) {
            return numericOrEqual(value, operand) != 0;
        }
        if (!(value.isNumber() && operand.isNumber()) && !(value.isTextual() && operand.isTextual())) {
            return false;
        }
        int order = value.isNumber() ? Double.compare(value.asDouble(), operand.asDouble())
                : value.asText().compareTo(operand.asText());
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    private static int numericOrEqual(JsonNode value, JsonNode operand) {
        if (value.isNumber() && operand.isNumber()) {
            return Double.compare(value.asDouble(), operand.asDouble());
        }
        return value.equals(operand) ? 0 : 1;
    }

    private static boolean accepts(Filter filter, JsonNode candidate) {
        Optional<JsonNode> value = filter.subject().read(candidate);
        if (filter.operator() == null) {
            return value.isPresent();
        }
        return value.isPresent() && compare(value.get(), filter.operator(), filter.operand());
    }

}
