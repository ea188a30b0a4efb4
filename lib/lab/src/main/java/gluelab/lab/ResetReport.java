package gluelab.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reset or clean-up removed, per kind of resource (e.g. {@code s3}, or {@code buckets}, {@code jobs}).
 *
 * @param prefix  the name prefix that selected the resources
 * @param removed how many of each kind were removed
 */
public record ResetReport(String prefix, Map<String, Integer> removed) {

    public ResetReport {
        removed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(removed));
    }

    public int total() {
        return removed.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        StringBuilder parts = new StringBuilder();
        removed.forEach((kind, count) -> {
            if (count > 0) {
                parts.append(parts.isEmpty() ? "" : ", ").append(count).append(' ').append(kind);
            }
        });
        return parts.isEmpty() ? "nothing to remove" : "removed " + parts;
    }
}
