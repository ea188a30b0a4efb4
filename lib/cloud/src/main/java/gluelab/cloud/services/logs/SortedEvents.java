package gluelab.cloud.services.logs;

import java.util.Arrays;
import java.util.List;

/**
 * A stream's events sorted by (timestamp, sequence), read without locks. Writers (one at a time, under the
 * stream's lock) publish a new {@link Snapshot}; a snapshot never changes below its size, so readers see
 * a consistent list while batches keep arriving. Batches usually come in time order and are appended in
 * place; an older batch is merged into a fresh array.
 */
final class SortedEvents {

    /** An immutable view of the first {@code size} events of {@code events}. */
    record Snapshot(LogEvent[] events, int size) {

        LogEvent get(int index) {
            return events[index];
        }

        /** The index of the first event at or after (timestamp, sequence). */
        int lowerBound(long timestamp, long sequence) {
            int low = 0;
            int high = size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                LogEvent e = events[middle];
                boolean before = e.timestamp() < timestamp || (e.timestamp() == timestamp && e.sequence() < sequence);
                if (before) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** The index of the first event after (timestamp, sequence). */
        int upperBound(long timestamp, long sequence) {
            return sequence == Long.MAX_VALUE ? lowerBound(timestamp + 1, 0) : lowerBound(timestamp, sequence + 1);
        }

        /** The index of the first event whose timestamp is at least {@code timestamp}. */
        int firstAtOrAfter(long timestamp) {
            return lowerBound(timestamp, Long.MIN_VALUE);
        }
    }

    private static final Snapshot EMPTY = new Snapshot(new LogEvent[0], 0);

    private volatile Snapshot current = EMPTY;

    Snapshot snapshot() {
        return current;
    }

    /** Adds a batch in time order whose sequences are all higher than every stored one. Not thread-safe. */
    void add(List<LogEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Snapshot now = current;
        int size = now.size();
        int total = size + batch.size();
        if (size == 0 || batch.get(0).timestamp() >= now.get(size - 1).timestamp()) {
            LogEvent[] array = now.events();
            if (array.length < total) {
                array = Arrays.copyOf(array, Math.max(total, Math.max(16, array.length * 2)));
            }
            for (int i = 0; i < batch.size(); i++) {
                array[size + i] = batch.get(i);
            }
            current = new Snapshot(array, total);
            return;
        }
        LogEvent[] merged = new LogEvent[Math.max(16, total + total / 2)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < size && j < batch.size()) {
            // On equal timestamps the stored event goes first: its sequence is lower.
            merged[k++] = now.get(i).timestamp() <= batch.get(j).timestamp() ? now.get(i++) : batch.get(j++);
        }
        while (i < size) {
            merged[k++] = now.get(i++);
        }
        while (j < batch.size()) {
            merged[k++] = batch.get(j++);
        }
        current = new Snapshot(merged, total);
    }
}
