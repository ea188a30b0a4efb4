package gluelab.cloud.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** The most recent events, kept in memory for {@code GET /_lab/events}; the oldest fall off the end. */
public final class Timeline {

    private final int capacity;
    private final Deque<LabEvent> events = new ArrayDeque<>();

    public Timeline(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void record(LabEvent event) {
        events.addLast(event);
        while (events.size() > capacity) {
            events.removeFirst();
        }
    }

    public synchronized List<LabEvent> since(long afterSeq, Predicate<LabEvent> filter, int limit) {
        List<LabEvent> out = new ArrayList<>();
        for (LabEvent event : events) {
            if (event.seq() > afterSeq && filter.test(event)) {
                out.add(event);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    public synchronized void clear() {
        events.clear();
    }
}
