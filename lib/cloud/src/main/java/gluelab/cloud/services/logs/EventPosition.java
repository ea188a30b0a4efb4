package gluelab.cloud.services.logs;

/**
 * A place in a log group's event order: (timestamp, stream id, sequence), written as 56 digits like
 * AWS's event ids (20 for the timestamp, 18 for the stream, 18 for the sequence). Zero-padding makes the
 * text order the same as the numeric order. It is the {@code eventId} of an event, the body of
 * GetLogEvents' {@code f/…/s} and {@code b/…/s} tokens, and the key of FilterLogEvents' page token.
 */
record EventPosition(long timestamp, long streamId, long sequence) implements Comparable<EventPosition> {

    static final int DIGITS = 56;
    /** The largest sequence the 18 digits hold. */
    static final long MAX_SEQUENCE = 999_999_999_999_999_999L;

    static EventPosition of(long streamId, LogEvent event) {
        return new EventPosition(event.timestamp(), streamId, event.sequence());
    }

    String digits() {
        return String.format("%020d%018d%018d", timestamp, streamId, sequence);
    }

    /** Reads 56 digits back, or returns null for anything else. */
    static EventPosition parse(String digits) {
        if (digits == null || digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return new EventPosition(Long.parseLong(digits.substring(0, 20)), Long.parseLong(digits.substring(20, 38)),
                    Long.parseLong(digits.substring(38)));
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    /** The position just after this one in its stream. */
    EventPosition next() {
        return new EventPosition(timestamp, streamId, sequence + 1);
    }

    /** The position just before this one in its stream. */
    EventPosition previous() {
        return sequence > 0 ? new EventPosition(timestamp, streamId, sequence - 1)
                : new EventPosition(Math.max(0, timestamp - 1), streamId, MAX_SEQUENCE);
    }

    @Override
    public int compareTo(EventPosition other) {
        int order = Long.compare(timestamp, other.timestamp);
        if (order == 0) {
            order = Long.compare(streamId, other.streamId);
        }
        return order != 0 ? order : Long.compare(sequence, other.sequence);
    }
}
