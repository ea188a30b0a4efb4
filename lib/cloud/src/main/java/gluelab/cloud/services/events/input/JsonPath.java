package gluelab.cloud.services.events.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath EventBridge reads in {@code InputPath} and {@code InputPathsMap}: {@code $}, dot notation with names
 * of letters, digits, dashes, underscores and slashes, array indices ({@code $.detail.items[0]}) and the wildcard
 * ({@code $.detail.*}, which yields an array of what it reaches).
 */
public final class JsonPath {

    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z0-9_\\-/$@]+|\\*)|\\[(\\d+|\\*)]");

    private final String text;
    private final List<String> segments;
    private final boolean wildcard;

    private JsonPath(String text, List<String> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
        this.wildcard = segments.contains("*");
    }

    /** The path, or empty if EventBridge would not read it. */
    public static Optional<JsonPath> parse(String text) {
        if (text == null || !text.startsWith("$")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(text);
        int at = 1;
        while (at < text.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                return Optional.empty();
            }
            String name = matcher.group(1) != null ? matcher.group(1) : "[" + matcher.group(2) + "]";
            segments.add(name.equals("[*]") ? "*" : name);
            at = matcher.end();
        }
        return Optional.of(new JsonPath(text, segments));
    }

    /** What the path reaches in {@code root}, or empty when it reaches nothing. */
    public Optional<JsonNode> read(JsonNode root) {
        List<JsonNode> reached = List.of(root);
        for (String segment : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : reached) {
                step(node, segment, next);
            }
            reached = next;
        }
        if (wildcard) {
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            reached.forEach(all::add);
            return reached.isEmpty() ? Optional.empty() : Optional.of(all);
        }
        return reached.isEmpty() ? Optional.empty() : Optional.of(reached.get(0));
    }

    private static void step(JsonNode node, String segment, List<JsonNode> into) {
        if (segment.equals("*")) {
            node.elements().forEachRemaining(into::add);
        } else if (segment.startsWith("[")) {
            JsonNode element = node.isArray() ? node.get(Integer.parseInt(segment.substring(1, segment.length() - 1))) : null;
            if (element != null) {
                into.add(element);
            }
        } else if (node.isObject() && node.has(segment)) {
            into.add(node.get(segment));
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
