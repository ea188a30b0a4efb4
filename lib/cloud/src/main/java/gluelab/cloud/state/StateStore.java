package gluelab.cloud.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where all of Lab Cloud's state lives. With a state directory every map write goes through the
 * journal and large payloads (S3 objects) go to files beside it; without one, maps live in memory and
 * payloads in a scratch directory that is deleted on close.
 *
 * <p>Map names are {@code service/account/region/collection}, so a provider can find every scope it has
 * data for after a restart.
 */
public final class StateStore implements AutoCloseable {

    private final Path root;
    private final boolean persistent;
    private final Journal journal;
    private final Map<String, Map<String, JsonNode>> unclaimed;
    private final Map<String, DurableMap<?>> maps = new ConcurrentHashMap<>();
    private final java.util.concurrent.locks.ReentrantReadWriteLock writeGate =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    private StateStore(Path root, boolean persistent, Journal journal, Map<String, Map<String, JsonNode>> unclaimed) {
        this.root = root;
        this.persistent = persistent;
        this.journal = journal;
        this.unclaimed = unclaimed;
    }

    public static StateStore persistent(Path stateDir) {
        try {
            Map<String, Map<String, JsonNode>> live = new LinkedHashMap<>();
            Journal journal = Journal.open(stateDir.resolve("meta"), live);
            return new StateStore(stateDir, true, journal, new ConcurrentHashMap<>(live));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the state directory " + stateDir, e);
        }
    }

    public static StateStore inMemory() {
        try {
            return new StateStore(Files.createTempDirectory("labcloud-"), false, null, new ConcurrentHashMap<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isPersistent() {
        return persistent;
    }

    public <V> DurableMap<V> map(String name, Codec<V> codec) {
        return map(name, codec, Comparator.naturalOrder());
    }

    @SuppressWarnings("unchecked")
    public <V> DurableMap<V> map(String name, Codec<V> codec, Comparator<String> order) {
        return (DurableMap<V>) maps.computeIfAbsent(name, n -> {
            Map<String, JsonNode> stored = unclaimed.remove(n);
            return new DurableMap<>(n, codec, this, order, stored == null ? Map.of() : stored);
        });
    }

    /** Names of every map under a prefix, whether opened yet or only found in the journal. */
    public Set<String> mapNames(String prefix) {
        Set<String> names = new TreeSet<>();
        Stream.concat(maps.keySet().stream(), unclaimed.keySet().stream())
                .filter(n -> n.startsWith(prefix))
                .forEach(names::add);
        return names;
    }

    /** A directory for one service's large payloads. */
    public Path payloadDir(String service) {
        Path dir = root.resolve("payload").resolve(service);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * Journals one write and applies it to memory as one step with respect to compaction, so a snapshot
     * never misses a write that is already in the log.
     */
    <T> T write(String mapName, String key, JsonNode valueOrNull, java.util.function.Supplier<T> applyInMemory) {
        if (journal == null) {
            return applyInMemory.get();
        }
        T result;
        writeGate.readLock().lock();
        try {
            journal.append(mapName, key, valueOrNull);
            result = applyInMemory.get();
        } finally {
            writeGate.readLock().unlock();
        }
        if (journal.wantsCompaction()) {
            compact();
        }
        return result;
    }

    private void compact() {
        writeGate.writeLock().lock();
        try {
            if (journal.wantsCompaction()) {
                rewriteJournal();
            }
        } finally {
            writeGate.writeLock().unlock();
        }
    }

    private void rewriteJournal() {
        Map<String, Map<String, JsonNode>> live = new LinkedHashMap<>(unclaimed);
        maps.forEach((name, map) -> {
            Map<String, JsonNode> entries = new LinkedHashMap<>();
            map.snapshotInto(entries);
            live.put(name, entries);
        });
        try {
            journal.rewrite(live);
        } catch (IOException e) {
            throw new StateWriteException("Cannot compact the state journal: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (journal != null) {
                journal.close();
            }
            if (!persistent) {
                Directories.deleteTree(root);
            }
        } catch (IOException ignored) {
            // Closing at shutdown: nothing useful to do with the failure.
        }
    }
}
