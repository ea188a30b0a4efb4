package gluelab.lab;

import java.time.Duration;

/** Durations as people read them: {@code 850 ms}, {@code 1.4 s}, {@code 2 min 5 s}, {@code 3 h 0 min}. */
public final class Durations {

    private Durations() {
    }

    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
        }
        return seconds / 86_400 + " d " + (seconds % 86_400) / 3600 + " h";
    }
}
