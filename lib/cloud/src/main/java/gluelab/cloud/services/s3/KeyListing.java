package gluelab.cloud.services.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One page of S3's key listing: keys under a prefix, after a marker, with keys that share the part up to
 * the next delimiter rolled up into one common prefix. A key and a common prefix each count as one
 * entry toward the page size, and a common prefix at or before the marker is not listed again, so
 * resuming after a common prefix skips every key under it.
 *
 * @param last the last key or common prefix on the page: where the next page starts after
 */
record KeyListing<V>(List<V> contents, List<String> commonPrefixes, boolean truncated, String last) {

    /**
     * @param entries ordered by the position each entry lists at
     * @param nameOf  the key prefixes and delimiters apply to (the map key, unless it also orders versions)
     * @param after   the position to list after, or null
     */
    static <V> KeyListing<V> of(NavigableMap<String, V> entries, Function<V, String> nameOf, String prefix,
                                String delimiter, String after, int maxEntries) {
        return of(entries, v -> true, nameOf, prefix, delimiter, after, maxEntries);
    }

    /** @param listed which entries are listed: the others are passed over as if absent (delete markers) */
    static <V> KeyListing<V> of(NavigableMap<String, V> entries, Predicate<V> listed, Function<V, String> nameOf,
                                String prefix, String delimiter, String after, int maxEntries) {
        String from = prefix == null ? "" : prefix;
        boolean hasDelimiter = delimiter != null && !delimiter.isEmpty();
        NavigableMap<String, V> tail = entries.tailMap(from, true);
        if (after != null && entries.comparator().compare(after, from) >= 0) {
            tail = entries.tailMap(after, false);
        }
        List<V> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        boolean truncated = false;
        for (Map.Entry<String, V> entry : tail.entrySet()) {
            String key = nameOf.apply(entry.getValue());
            if (!key.startsWith(from)) {
                break;
            }
            if (!listed.test(entry.getValue())) {
                continue;
            }
            if (hasDelimiter) {
                int at = key.indexOf(delimiter, from.length());
                if (at >= 0) {
                    String common = key.substring(0, at + delimiter.length());
                    if (common.equals(last) || (after != null && entries.comparator().compare(common, after) <= 0)) {
                        continue;
                    }
                    if (contents.size() + prefixes.size() >= maxEntries) {
                        truncated = true;
                        break;
                    }
                    prefixes.add(common);
                    last = common;
                    continue;
                }
            }
            if (contents.size() + prefixes.size() >= maxEntries) {
                truncated = true;
                break;
            }
            contents.add(entry.getValue());
            last = entry.getKey();
        }
        return new KeyListing<>(contents, prefixes, truncated, last);
    }
}
