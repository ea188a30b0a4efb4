package gluelab.cloud.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LabClockTest {

    @Test
    void advancingToAnInstantWithMicrosecondsReadsThatInstantOrLaterNeverJustBefore() {
        // The wall clock stands at .000100 of a millisecond; the target is .000900 into a later one.
        Clock wall = Clock.fixed(Instant.parse("2026-01-01T00:00:00.000100Z"), ZoneOffset.UTC);
        LabClock clock = new LabClock(wall, 0);
        Instant due = Instant.parse("2026-01-01T00:00:30.123900Z");

        clock.advanceTo(due);

        assertThat(clock.instant()).isAfterOrEqualTo(due).isBefore(due.plusMillis(1));
    }

    @Test
    void advancingToTheMillisecondItReadsOrEarlierChangesNothing() {
        Clock wall = Clock.fixed(Instant.parse("2026-01-01T00:00:00.000500Z"), ZoneOffset.UTC);
        LabClock clock = new LabClock(wall, 0);

        clock.advanceTo(Instant.parse("2026-01-01T00:00:00.000100Z"));
        clock.advanceTo(Instant.parse("2025-12-31T23:00:00Z"));

        assertThat(clock.offsetMillis()).isZero();
    }
}
