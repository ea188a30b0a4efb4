package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** AWS cron expressions and the times they fire, in UTC. */
class CronScheduleTest {

    private static final Instant MONDAY_MIDNIGHT = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void everyTwentyMinutesFiresThreeTimesAnHour() {
        assertThat(CronSchedule.parse("cron(0/20 * * * ? *)").fireTimes(MONDAY_MIDNIGHT, MONDAY_MIDNIGHT.plus(Duration.ofHours(1))))
                .containsExactly(Instant.parse("2026-03-02T00:20:00Z"), Instant.parse("2026-03-02T00:40:00Z"),
                        Instant.parse("2026-03-02T01:00:00Z"));
    }

    @Test
    void weekdaysOnlySkipsTheWeekendAndOneIsSunday() {
        Instant weekLater = MONDAY_MIDNIGHT.plus(Duration.ofDays(7));
        assertThat(CronSchedule.parse("cron(30 2 ? * MON-FRI *)").fireTimes(MONDAY_MIDNIGHT, weekLater)).hasSize(5);
        assertThat(CronSchedule.parse("cron(0 12 ? * 1 *)").fireTimes(MONDAY_MIDNIGHT, weekLater))
                .containsExactly(Instant.parse("2026-03-08T12:00:00Z"));
    }

    @Test
    void aDayOfMonthAndAMonthNameNarrowTheDays() {
        assertThat(CronSchedule.parse("cron(0 6 1,15 MAR-APR ? 2026)").fireTimes(MONDAY_MIDNIGHT, Instant.parse("2026-05-01T00:00:00Z")))
                .containsExactly(Instant.parse("2026-03-15T06:00:00Z"), Instant.parse("2026-04-01T06:00:00Z"),
                        Instant.parse("2026-04-15T06:00:00Z"));
    }

    @Test
    void whatIsNotSupportedIsRefusedAndSaysSo() {
        assertThatThrownBy(() -> CronSchedule.parse("cron(0 0 L * ? *)")).hasMessageContaining("L, W and #");
        assertThatThrownBy(() -> CronSchedule.parse("cron(0 0 * * *)")).hasMessageContaining("six fields");
        assertThatThrownBy(() -> CronSchedule.parse("cron(0 0 1 * MON *)")).hasMessageContaining("must be ?");
    }
}
