package gluelab.cloud.services.logs;

import gluelab.cloud.services.logs.filter.FilterPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * FilterLogEvents: the events of several streams of a group, merged in (timestamp, stream, sequence)
 * order (or its reverse, newest first), that fall in {@code [startTime, endTime]} and match the filter
 * pattern. Each stream is entered by binary search and the merge stops once the page is full, so a page
 * costs what it reads, not the size of the group. The page token is the position of the last event
 * returned; the next page starts just past it in the direction of reading.
 */
final class GroupSearch {

    record Match(String streamName, long streamId, LogEvent event) {
        String eventId() {
            return EventPosition.of(streamId, event).digits();
        }
    }

    record Result(List<Match> events, String nextToken) {
    }

    /** A read position in one stream's snapshot, moving through {@code [start, end)} one way or the other. */
    private static final class Cursor {
        final LogsState.Stream stream;
        final SortedEvents.Snapshot events;
        final int start;
        final int end;
        final boolean descending;
        int index;

        Cursor(LogsState.Stream stream, SortedEvents.Snapshot events, int start, int end, boolean descending) {
            this.stream = stream;
            this.events = events;
            this.start = start;
            this.end = end;
            this.descending = descending;
            this.index = descending ? end - 1 : start;
        }

        LogEvent current() {
            return events.get(index);
        }

        /** Moves on; returns whether an event remains. */
        boolean advance() {
            index += descending ? -1 : 1;
            return descending ? index >= start : index < end;
        }

        long streamId() {
            return stream.record().id();
        }
    }

    private static final Comparator<Cursor> ORDER = Comparator
            .comparingLong((Cursor c) -> c.current().timestamp())
            .thenComparingLong(Cursor::streamId)
            .thenComparingLong(c -> c.current().sequence());

    private GroupSearch() {
    }

    /**
     * @param notBefore the oldest timestamp the group's retention still keeps (0 without retention)
     */
    static Result search(List<LogsState.Stream> streams, FilterPattern pattern, long notBefore, Long startTime,
                         Long endTime, String nextToken, int limit, boolean newestFirst) {
        EventPosition after = nextToken == null ? null : EventPosition.parse(LogsPaging.PAGES.decode(nextToken));
        if (nextToken != null && after == null) {
            throw LogsErrors.invalidNextToken();
        }
        long lowest = Math.max(notBefore, startTime == null ? 0 : startTime);
        PriorityQueue<Cursor> queue = new PriorityQueue<>(Math.max(1, streams.size()),
                newestFirst ? ORDER.reversed() : ORDER);
        for (LogsState.Stream stream : streams) {
            SortedEvents.Snapshot events = stream.events().snapshot();
            int start = events.firstAtOrAfter(lowest);
            int end = endTime == null ? events.size() : events.firstAtOrAfter(endTime + 1);
            if (after != null && newestFirst) {
                end = Math.min(end, firstAtOrAfter(events, stream.record().id(), after, true));
            } else if (after != null) {
                start = Math.max(start, firstAtOrAfter(events, stream.record().id(), after, false));
            }
            if (start < end) {
                queue.add(new Cursor(stream, events, start, end, newestFirst));
            }
        }

        List<Match> page = new ArrayList<>();
        long bytes = 0;
        boolean more = false;
        while (!queue.isEmpty()) {
            Cursor cursor = queue.poll();
            LogEvent event = cursor.current();
            if (pattern.matches(event.message())) {
                int size = event.countedBytes();
                if (page.size() == limit || (!page.isEmpty() && bytes + size > StreamPage.MAX_RESPONSE_BYTES)) {
                    more = true;
                    break;
                }
                page.add(new Match(cursor.stream.record().name(), cursor.streamId(), event));
                bytes += size;
            }
            if (cursor.advance()) {
                queue.add(cursor);
            }
        }
        String token = more ? LogsPaging.PAGES.encode(page.get(page.size() - 1).eventId()) : null;
        return new Result(page, token);
    }

    /**
     * The index of the stream's first event at or after ({@code inclusive}) or after {@code position} in the
     * group's order, where equal timestamps order by stream id, then sequence.
     */
    private static int firstAtOrAfter(SortedEvents.Snapshot events, long streamId, EventPosition position,
                                      boolean inclusive) {
        if (streamId > position.streamId()) {
            return events.firstAtOrAfter(position.timestamp());
        }
        if (streamId < position.streamId()) {
            return events.firstAtOrAfter(position.timestamp() + 1);
        }
        return inclusive ? events.lowerBound(position.timestamp(), position.sequence())
                : events.upperBound(position.timestamp(), position.sequence());
    }
}
