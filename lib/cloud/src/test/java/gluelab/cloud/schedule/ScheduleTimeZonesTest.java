package gluelab.cloud.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EventBridge Scheduler's expressions in a time zone: cron on the zone's wall clock, at() once, rate unaffected. */
class ScheduleTimeZonesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @ParameterizedTest(name = "{0} in {1} after {2} fires at {3}")
    @CsvSource(delimiter = '|', textBlock = """
            cron(0 8 * * ? *)   | America/New_York | 2026-01-15T00:00:00Z | 2026-01-15T13:00:00Z
            cron(0 8 * * ? *)   | America/New_York | 2026-07-15T00:00:00Z | 2026-07-15T12:00:00Z
            cron(0 8 * * ? *)   | Asia/Kolkata     | 2026-07-15T00:00:00Z | 2026-07-15T02:30:00Z
            cron(0 0 1 * ? *)   | Europe/Berlin    | 2026-01-10T00:00:00Z | 2026-01-31T23:00:00Z
            cron(0 8 * * ? *)   | UTC              | 2026-07-15T00:00:00Z | 2026-07-15T08:00:00Z
            """)
    void aCronFiresOnTheWallClockOfItsTimeZone(String expression, String zone, String after, String expected) {
        assertThat(CronExpression.parse(expression, ZoneId.of(zone)).nextAfter(Instant.parse(after)))
                .contains(Instant.parse(expected));
    }

    @Test
    void aTimeTheClockSkipsInSpringDoesNotFireThatDay() {
        // 2026-03-08: New York jumps from 02:00 to 03:00.
        CronExpression halfPastTwo = CronExpression.parse("cron(30 2 * * ? *)", NEW_YORK);

        assertThat(halfPastTwo.nextAfter(Instant.parse("2026-03-08T06:00:00Z")))
                .as("no 02:30 on the 8th; the next is the 9th at 02:30 EDT")
                .contains(Instant.parse("2026-03-09T06:30:00Z"));
    }

    @Test
    void aTimeTheClockPassesTwiceInAutumnFiresOnceTheFirstTime() {
        // 2026-11-01: New York goes back from 02:00 EDT to 01:00 EST, so 01:00-01:59 happens twice.
        CronExpression everyQuarter = CronExpression.parse("cron(0/15 1 * * ? *)", NEW_YORK);

        List<Instant> fires = new ArrayList<>();
        Instant after = Instant.parse("2026-11-01T04:00:00Z");
        for (Instant next = everyQuarter.nextAfter(after).orElseThrow(); next.isBefore(Instant.parse("2026-11-01T08:00:00Z"));
             next = everyQuarter.nextAfter(next).orElseThrow()) {
            fires.add(next);
        }

        assertThat(fires).containsExactly(Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-01T05:15:00Z"),
                Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-01T05:45:00Z"));
        assertThat(everyQuarter.nextAfter(Instant.parse("2026-11-01T06:20:00Z")))
                .as("asked during the repeated hour, the next fire is the next day's")
                .contains(Instant.parse("2026-11-02T06:00:00Z"));
    }

    @Test
    void anAtExpressionFiresOnceAtItsWallClockTime() {
        AtExpression at = (AtExpression) ScheduleExpression.parseInZone("at(2026-07-04T09:30:00)", NEW_YORK);

        assertThat(at.instant()).isEqualTo(Instant.parse("2026-07-04T13:30:00Z"));
        assertThat(at.nextFireAfter(Instant.EPOCH, Instant.parse("2026-07-04T13:29:59Z")))
                .contains(Instant.parse("2026-07-04T13:30:00Z"));
        assertThat(at.nextFireAfter(Instant.EPOCH, Instant.parse("2026-07-04T13:30:00Z"))).isEmpty();
        assertThat(at.expression()).isEqualTo("at(2026-07-04T09:30:00)");
    }

    @Test
    void aRateIsAPlainDurationWhateverTheZone() {
        ScheduleExpression rate = ScheduleExpression.parseInZone("rate(1 day)", NEW_YORK);
        Instant start = Instant.parse("2026-03-07T12:00:00Z");

        assertThat(rate.nextFireAfter(start, start)).as("24 hours across the spring jump")
                .contains(Instant.parse("2026-03-08T12:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            at(2026-02-30T10:00:00) | names no real date
            at(2026-02-01 10:00:00) | is not a one-time expression
            at(2026-02-01T10:00)    | is not a one-time expression
            """)
    void aMalformedAtExpressionSaysWhatIsWrong(String expression, String message) {
        assertThatThrownBy(() -> ScheduleExpression.parseInZone(expression, ZoneOffset.UTC))
                .isInstanceOf(ScheduleExpressionException.class).hasMessageContaining(message);
    }

    @Test
    void rulesAndTriggersDoNotTakeAtExpressions() {
        assertThatThrownBy(() -> ScheduleExpression.parse("at(2026-02-01T10:00:00)"))
                .isInstanceOf(ScheduleExpressionException.class).hasMessageContaining("neither cron(...) nor rate(...)");
    }
}
