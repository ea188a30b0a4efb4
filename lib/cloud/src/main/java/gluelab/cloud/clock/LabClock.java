package gluelab.cloud.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongConsumer;

/**
 * The one clock of Lab Cloud: real time plus an offset that only ever grows. Every timestamp a service
 * writes and every schedule it keeps reads this clock, so advancing it moves the whole cloud forward.
 */
public final class LabClock extends Clock {

    private final Clock wall;
    private final boolean movable;
    private volatile long offsetMillis;
    private volatile LongConsumer offsetListener = offset -> { };

    public LabClock(Clock wall, long offsetMillis) {
        this(wall, offsetMillis, true);
    }

    private LabClock(Clock wall, long offsetMillis, boolean movable) {
        this.wall = wall;
        this.offsetMillis = offsetMillis;
        this.movable = movable;
    }

    /** A clock that is the wall clock and stays so, as AWS's is: AWS mode ({@code --aws-mode}) runs on it. */
    public static LabClock wallTimeOnly(Clock wall) {
        return new LabClock(wall, 0, false);
    }

    /** Whether {@link #advanceTo} may move it (false in AWS mode). */
    public boolean isMovable() {
        return movable;
    }

    public static LabClock system() {
        return new LabClock(Clock.systemUTC(), 0);
    }

    @Override
    public Instant instant() {
        return wall.instant().plusMillis(offsetMillis);
    }

    @Override
    public long millis() {
        return wall.millis() + offsetMillis;
    }

    public Instant wallInstant() {
        return wall.instant();
    }

    public long offsetMillis() {
        return offsetMillis;
    }

    /** Called with the new offset after every move, so it can be made durable. */
    public void onOffsetChange(LongConsumer listener) {
        this.offsetListener = listener;
    }

    /**
     * Moves the clock forward to {@code target}; a target in the past changes nothing. The offset moves in whole
     * milliseconds, rounded up, so that afterwards the clock reads {@code target} or later even when the target has a
     * finer part (a retry due 30 s after a failure at 10:00:00.123456): whatever fires at a due time sees it reached.
     */
    public synchronized void advanceTo(Instant target) {
        if (!movable) {
            throw new IllegalStateException("This lab clock runs on wall time, as AWS's does, and cannot be moved");
        }
        Duration gap = Duration.between(instant(), target);
        if (gap.isNegative() || gap.isZero()) {
            return;
        }
        offsetMillis += gap.toMillis() + (gap.toNanosPart() % 1_000_000 == 0 ? 0 : 1);
        offsetListener.accept(offsetMillis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The lab clock is always UTC");
    }
}
