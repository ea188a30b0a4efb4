package gluelab.cloud.services.dynamodb.expressions;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A document path, {@code a.b[0].c}: its elements are attribute or map-key names (Strings) and list indexes
 * (Integers), placeholders already replaced by the names they stand for.
 */
public record Path(List<Object> elements) {

    public Path {
        elements = List.copyOf(elements);
    }

    public static Path of(String attribute) {
        return new Path(List.of(attribute));
    }

    public String top() {
        return (String) elements.get(0);
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** Whether one path is the other or lies within it, which one update or projection must not have. */
    boolean overlaps(Path other) {
        int shorter = Math.min(elements.size(), other.elements.size());
        return elements.subList(0, shorter).equals(other.elements.subList(0, shorter));
    }

    /** As AWS writes a path in its messages: {@code [a, b, [0]]}. */
    String described() {
        return elements.stream().map(e -> e instanceof Integer i ? "[" + i + "]" : (String) e)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
