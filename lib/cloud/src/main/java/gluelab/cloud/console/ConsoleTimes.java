package gluelab.cloud.console;

import java.time.Instant;

/** Times as console pages carry them: ISO-8601 instants, which the browser shows in UTC to the second. */
public final class ConsoleTimes {

    private ConsoleTimes() {
    }

    /** An epoch-millisecond time (CloudWatch Logs' timestamps), or null. */
    public static String ofEpochMillis(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
