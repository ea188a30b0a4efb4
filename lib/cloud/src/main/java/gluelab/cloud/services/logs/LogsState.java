package gluelab.cloud.services.logs;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.StateStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * CloudWatch Logs in one account and region: log groups and streams in the state store's journal (one
 * record each), their events in an {@link EventArchive}. Creating and deleting groups and streams is
 * serialized here; appends and reads go to the stream's {@link StreamEvents}.
 */
final class LogsState {

    /** A stream's record and its events. */
    record Stream(LogStreamRecord record, StreamEvents events) {
    }

    private final DurableMap<LogGroupRecord> groups;
    /** Keyed by {@code group:stream}; neither name may hold a colon, and the key sorts by group, then stream. */
    private final DurableMap<LogStreamRecord> streams;
    private final Map<String, StreamEvents> events = new ConcurrentHashMap<>();
    private final EventArchive archive;

    LogsState(Scope scope, StateStore store) {
        this.groups = store.map(scope.mapName(LogsProvider.SERVICE, "groups"), Codec.of(LogGroupRecord.class));
        this.streams = store.map(scope.mapName(LogsProvider.SERVICE, "streams"), Codec.of(LogStreamRecord.class));
        this.archive = store.isPersistent()
                ? new FileEventArchive(store.payloadDir(LogsProvider.SERVICE).resolve(scope.account()).resolve(scope.region()))
                : EventArchive.IN_MEMORY;
        restore();
    }

    /** Rebuilds events from the archive, finishing any group or stream deletion a crash interrupted. */
    private void restore() {
        Set<Long> live = new HashSet<>();
        for (LogStreamRecord stream : List.copyOf(streams.values())) {
            if (!groups.containsKey(stream.groupName())) {
                streams.remove(key(stream.groupName(), stream.name()));
                continue;
            }
            live.add(stream.id());
            events.put(key(stream.groupName(), stream.name()), StreamEvents.restore(stream.id(), archive));
        }
        archive.retainOnly(live);
    }

    private static String key(String group, String stream) {
        return group + ":" + stream;
    }

    // ---- groups ----------------------------------------------------------------------------------------

    synchronized void createGroup(LogGroupRecord group) {
        if (groups.containsKey(group.name())) {
            throw LogsErrors.groupAlreadyExists();
        }
        groups.put(group.name(), group);
    }

    Optional<LogGroupRecord> findGroup(String name) {
        return groups.find(name);
    }

    LogGroupRecord group(String name) {
        return groups.find(name).orElseThrow(LogsErrors::groupNotFound);
    }

    synchronized LogGroupRecord updateGroup(String name, UnaryOperator<LogGroupRecord> change) {
        LogGroupRecord updated = change.apply(group(name));
        groups.put(name, updated);
        return updated;
    }

    /** Every group, sorted by name. */
    List<LogGroupRecord> groups() {
        return List.copyOf(groups.values());
    }

    synchronized void deleteGroup(String name) {
        group(name);
        // The group goes first: if Lab Cloud stops halfway, restore() removes the orphaned streams.
        groups.remove(name);
        for (LogStreamRecord stream : streamRecords(name)) {
            removeStream(stream);
        }
    }

    long storedBytes(String group) {
        long total = 0;
        for (Stream stream : streams(group)) {
            total += stream.events().storedBytes();
        }
        return total;
    }

    // ---- streams ---------------------------------------------------------------------------------------

    synchronized LogStreamRecord createStream(String group, String name, long creationTime) {
        group(group);
        String key = key(group, name);
        if (streams.containsKey(key)) {
            throw LogsErrors.streamAlreadyExists();
        }
        long id = ThreadLocalRandom.current().nextLong(1, EventPosition.MAX_SEQUENCE);
        LogStreamRecord record = new LogStreamRecord(group, name, creationTime, id);
        streams.put(key, record);
        events.put(key, StreamEvents.empty(id, archive));
        return record;
    }

    /** The stream, or ResourceNotFoundException naming the group or the stream, whichever is missing. */
    Stream stream(String group, String name) {
        group(group);
        String key = key(group, name);
        LogStreamRecord record = streams.get(key);
        StreamEvents streamEvents = events.get(key);
        if (record == null || streamEvents == null) {
            throw LogsErrors.streamNotFound();
        }
        return new Stream(record, streamEvents);
    }

    /** The group's streams, sorted by name. */
    List<Stream> streams(String group) {
        List<Stream> out = new ArrayList<>();
        for (LogStreamRecord record : streamRecords(group)) {
            StreamEvents streamEvents = events.get(key(record.groupName(), record.name()));
            if (streamEvents != null) {
                out.add(new Stream(record, streamEvents));
            }
        }
        return out;
    }

    private List<LogStreamRecord> streamRecords(String group) {
        String prefix = key(group, "");
        return List.copyOf(streams.view().subMap(prefix, prefix + Character.MAX_VALUE).values());
    }

    synchronized void deleteStream(String group, String name) {
        group(group);
        LogStreamRecord record = streams.get(key(group, name));
        if (record == null) {
            throw LogsErrors.streamNotFound();
        }
        removeStream(record);
    }

    private void removeStream(LogStreamRecord record) {
        String key = key(record.groupName(), record.name());
        streams.remove(key);
        StreamEvents gone = events.remove(key);
        if (gone != null) {
            gone.delete();
        }
    }

    /**
     * Deletes the groups whose names start with {@code prefix} (all when null), and the groups AWS services made
     * for the prefix's resources ({@code /aws/lambda/<prefix>…}: deleting a function leaves its logs, on AWS as
     * here, and a lab that starts over must not read an earlier run's invocations); returns how many.
     */
    synchronized int reset(String prefix) {
        int removed = 0;
        for (LogGroupRecord group : groups()) {
            if (prefix == null || group.name().startsWith(prefix) || isLogGroupOfResource(group.name(), prefix)) {
                deleteGroup(group.name());
                removed++;
            }
        }
        return removed;
    }

    /** The log-group name roots under which AWS services name a group after one resource, e.g. a function. */
    private static final List<String> RESOURCE_GROUP_ROOTS = List.of("/aws/lambda/");

    private static boolean isLogGroupOfResource(String groupName, String prefix) {
        return RESOURCE_GROUP_ROOTS.stream().anyMatch(root -> groupName.startsWith(root + prefix));
    }
}
