package gluelab.cloud.services.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GetLogEvents page of a stream, with AWS's paging tokens: {@code f/<position>/s} reads on after a
 * position, {@code b/<position>/s} reads back from one. Reading forward past the newest event returns the
 * very token it was given, which is how a tail loop (and the SDK's paginator) knows to stop; the same
 * token later picks up whatever arrived since.
 *
 * <p>Without a token the page is the newest events of the window, or the oldest with
 * {@code startFromHead}. With a token its direction decides and {@code startFromHead} is ignored. The
 * window is {@code [startTime, endTime)}: AWS excludes an event stamped exactly {@code endTime} here
 * (FilterLogEvents includes it). A page holds at most {@code limit} events and 1 MB.
 */
final class StreamPage {

    static final int MAX_RESPONSE_BYTES = 1_048_576;
    private static final Pattern TOKEN = Pattern.compile("([fb])/(\\d{" + EventPosition.DIGITS + "})(/s)?");

    record Result(List<LogEvent> events, String nextForwardToken, String nextBackwardToken) {
    }

    private record Token(boolean forward, EventPosition position) {
    }

    private StreamPage() {
    }

    /**
     * @param notBefore the oldest timestamp the group's retention still keeps (0 without retention)
     */
    static Result read(StreamEvents stream, long notBefore, Long startTime, Long endTime, String nextToken,
                       int limit, boolean startFromHead) {
        SortedEvents.Snapshot events = stream.snapshot();
        long streamId = stream.streamId();
        long lowestTimestamp = Math.max(notBefore, startTime == null ? 0 : startTime);
        int low = events.firstAtOrAfter(lowestTimestamp);
        int high = endTime == null ? events.size() : events.firstAtOrAfter(endTime);
        Token token = nextToken == null ? null : parse(nextToken, streamId);
        boolean forward = token == null ? startFromHead : token.forward();
        if (token != null && token.forward()) {
            low = Math.max(low, events.upperBound(token.position().timestamp(), token.position().sequence()));
        } else if (token != null) {
            high = Math.min(high, events.lowerBound(token.position().timestamp(), token.position().sequence()));
        }

        int from;
        int to;
        if (low >= high) {
            from = to = low;
        } else if (forward) {
            from = low;
            to = low;
            long bytes = 0;
            while (to < high && to - from < limit) {
                int size = events.get(to).countedBytes();
                if (to > from && bytes + size > MAX_RESPONSE_BYTES) {
                    break;
                }
                bytes += size;
                to++;
            }
        } else {
            from = high;
            to = high;
            long bytes = 0;
            while (from > low && to - from < limit) {
                int size = events.get(from - 1).countedBytes();
                if (from < to && bytes + size > MAX_RESPONSE_BYTES) {
                    break;
                }
                bytes += size;
                from--;
            }
        }

        List<LogEvent> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(events.get(i));
        }
        if (!page.isEmpty()) {
            return new Result(page, forward(EventPosition.of(streamId, page.get(page.size() - 1))),
                    backward(EventPosition.of(streamId, page.get(0))));
        }
        if (token != null && token.forward()) {
            return new Result(page, nextToken, backward(token.position().next()));
        }
        if (token != null) {
            return new Result(page, forward(token.position().previous()), nextToken);
        }
        EventPosition start = new EventPosition(lowestTimestamp, streamId, 0);
        return new Result(page, forward(start), backward(start));
    }

    private static String forward(EventPosition position) {
        return "f/" + position.digits() + "/s";
    }

    private static String backward(EventPosition position) {
        return "b/" + position.digits() + "/s";
    }

    private static Token parse(String token, long streamId) {
        Matcher m = TOKEN.matcher(token);
        EventPosition position = m.matches() ? EventPosition.parse(m.group(2)) : null;
        if (position == null || position.streamId() != streamId) {
            throw LogsErrors.invalidNextToken();
        }
        return new Token(m.group(1).equals("f"), position);
    }
}
