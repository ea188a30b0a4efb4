package gluelab.cloud.services.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one log stream and what DescribeLogStreams reports about them. Appends are serialized
 * per stream and reach the {@link EventArchive} before memory, so a batch is visible only once durable.
 * Reads take a {@link SortedEvents.Snapshot} and need no lock.
 */
final class StreamEvents {

    /** An event as PutLogEvents hands it over, before it has a sequence. */
    record Incoming(long timestamp, String message) {
    }

    private final long streamId;
    private final EventArchive archive;
    private final SortedEvents events = new SortedEvents();
    private long nextSequence = 1;
    private long batches;
    private volatile long storedBytes;
    private volatile Long lastIngestionTime;
    private boolean deleted;

    private StreamEvents(long streamId, EventArchive archive) {
        this.streamId = streamId;
        this.archive = archive;
    }

    static StreamEvents empty(long streamId, EventArchive archive) {
        return new StreamEvents(streamId, archive);
    }

    /** A stream's events as the archive kept them. */
    static StreamEvents restore(long streamId, EventArchive archive) {
        StreamEvents stream = new StreamEvents(streamId, archive);
        for (EventBatch batch : archive.read(streamId)) {
            stream.apply(batch);
        }
        return stream;
    }

    long streamId() {
        return streamId;
    }

    /**
     * Stores a batch in time order, durably when the archive is persistent.
     *
     * @return the stream's new upload sequence token
     * @throws StreamDeletedException if the stream was deleted meanwhile
     */
    synchronized String append(List<Incoming> incoming, long ingestionTime) {
        if (deleted) {
            throw new StreamDeletedException();
        }
        if (incoming.isEmpty()) {
            return sequenceToken();
        }
        List<EventBatch.Entry> entries = new ArrayList<>(incoming.size());
        for (Incoming event : incoming) {
            entries.add(new EventBatch.Entry(event.timestamp(), event.message()));
        }
        EventBatch batch = new EventBatch(ingestionTime, nextSequence, entries);
        archive.append(streamId, batch);
        apply(batch);
        return sequenceToken();
    }

    private void apply(EventBatch batch) {
        List<LogEvent> stored = new ArrayList<>(batch.events().size());
        long sequence = batch.firstSequence();
        long bytes = 0;
        for (EventBatch.Entry entry : batch.events()) {
            stored.add(new LogEvent(entry.timestamp(), sequence++, batch.ingestionTime(), entry.message()));
            bytes += entry.message().getBytes(StandardCharsets.UTF_8).length;
        }
        events.add(stored);
        nextSequence = Math.max(nextSequence, sequence);
        batches++;
        storedBytes += bytes;
        Long last = lastIngestionTime;
        lastIngestionTime = last == null ? batch.ingestionTime() : Math.max(last, batch.ingestionTime());
    }

    /** Marks the stream gone and drops its archived events; appends after this fail. */
    synchronized void delete() {
        deleted = true;
        archive.delete(streamId);
    }

    SortedEvents.Snapshot snapshot() {
        return events.snapshot();
    }

    /** The upload sequence token AWS still reports, though PutLogEvents no longer checks it. */
    synchronized String sequenceToken() {
        return String.format("%056d", batches);
    }

    boolean isEmpty() {
        return events.snapshot().size() == 0;
    }

    Long firstEventTimestamp() {
        SortedEvents.Snapshot s = events.snapshot();
        return s.size() == 0 ? null : s.get(0).timestamp();
    }

    Long lastEventTimestamp() {
        SortedEvents.Snapshot s = events.snapshot();
        return s.size() == 0 ? null : s.get(s.size() - 1).timestamp();
    }

    Long lastIngestionTime() {
        return lastIngestionTime;
    }

    /** The UTF-8 bytes of the stored messages, which the log group reports as storedBytes. */
    long storedBytes() {
        return storedBytes;
    }

    /** Thrown by {@link #append} when the stream was deleted between lookup and append. */
    static final class StreamDeletedException extends RuntimeException {
        StreamDeletedException() {
            super(null, null, false, false);
        }
    }
}
