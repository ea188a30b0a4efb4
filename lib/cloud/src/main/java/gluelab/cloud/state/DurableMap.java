package gluelab.cloud.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * A sorted map of one kind of resource whose every write is in the journal before it returns, when the
 * store is persistent. Reads never block; writes to one map are serialized so that the journal order
 * and the memory order agree.
 */
public final class DurableMap<V> {

    private final String name;
    private final Codec<V> codec;
    private final StateStore store;
    private final ConcurrentSkipListMap<String, V> entries;

    DurableMap(String name, Codec<V> codec, StateStore store, Comparator<String> order, Map<String, JsonNode> stored) {
        this.name = name;
        this.codec = codec;
        this.store = store;
        this.entries = new ConcurrentSkipListMap<>(order);
        stored.forEach((key, json) -> entries.put(key, codec.decode(json)));
    }

    public String name() {
        return name;
    }

    public V get(String key) {
        return entries.get(key);
    }

    public Optional<V> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    public synchronized V put(String key, V value) {
        JsonNode json = codec.encode(value);
        return store.write(name, key, json, () -> entries.put(key, value));
    }

    /** Inserts only if absent; returns the existing value if there was one, else null. */
    public synchronized V putIfAbsent(String key, V value) {
        V existing = entries.get(key);
        if (existing != null) {
            return existing;
        }
        put(key, value);
        return null;
    }

    /** Replaces the value under the map's write lock; the function sees the current value (or null). */
    public synchronized V update(String key, UnaryOperator<V> change) {
        V next = change.apply(entries.get(key));
        if (next == null) {
            remove(key);
        } else {
            put(key, next);
        }
        return next;
    }

    public synchronized V remove(String key) {
        if (!entries.containsKey(key)) {
            return null;
        }
        return store.write(name, key, null, () -> entries.remove(key));
    }

    public synchronized int clear() {
        int removed = 0;
        for (String key : entries.keySet()) {
            remove(key);
            removed++;
        }
        return removed;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public Collection<V> values() {
        return entries.values();
    }

    public NavigableMap<String, V> view() {
        return java.util.Collections.unmodifiableNavigableMap(entries);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    void snapshotInto(Map<String, JsonNode> out) {
        entries.forEach((key, value) -> out.put(key, codec.encode(value)));
    }
}
