package gluelab.cloud.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

    @ParameterizedTest(name = "{0} after {1} fires at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            cron(0/5 * * * ? *)        | 2026-03-01T10:02:30Z | 2026-03-01T10:05:00Z
            cron(0/5 * * * ? *)        | 2026-03-01T10:05:00Z | 2026-03-01T10:10:00Z
            cron(*/20 * * * ? *)       | 2026-03-01T10:45:00Z | 2026-03-01T11:00:00Z
            cron(1/10 * * * ? *)       | 2026-03-01T10:01:00Z | 2026-03-01T10:11:00Z
            cron(15 12 * * ? *)        | 2026-03-01T12:15:00Z | 2026-03-02T12:15:00Z
            cron(0 22-2 * * ? *)       | 2026-03-01T03:00:00Z | 2026-03-01T22:00:00Z
            cron(0 22-2 * * ? *)       | 2026-03-01T23:30:00Z | 2026-03-02T00:00:00Z
            cron(0,30 8-9 * * ? *)     | 2026-03-01T08:30:00Z | 2026-03-01T09:00:00Z
            cron(0 0 L * ? *)          | 2024-02-10T00:00:00Z | 2024-02-29T00:00:00Z
            cron(0 0 L * ? *)          | 2023-02-10T00:00:00Z | 2023-02-28T00:00:00Z
            cron(0 0 L * ? *)          | 2026-04-30T00:00:00Z | 2026-05-31T00:00:00Z
            cron(0 0 L-2 * ? *)        | 2026-02-01T00:00:00Z | 2026-02-26T00:00:00Z
            cron(0 0 29 2 ? *)         | 2025-01-01T00:00:00Z | 2028-02-29T00:00:00Z
            cron(30 23 31 * ? *)       | 2026-04-01T00:00:00Z | 2026-05-31T23:30:00Z
            cron(0 9 15W * ? *)        | 2026-08-01T00:00:00Z | 2026-08-14T09:00:00Z
            cron(0 0 1W * ? *)         | 2026-07-31T12:00:00Z | 2026-08-03T00:00:00Z
            cron(0 0 1W * ? *)         | 2026-01-31T12:00:00Z | 2026-02-02T00:00:00Z
            cron(0 0 31W * ? *)        | 2026-04-01T00:00:00Z | 2026-05-29T00:00:00Z
            cron(0 9 LW * ? *)         | 2026-05-01T00:00:00Z | 2026-05-29T09:00:00Z
            cron(0 9 LW * ? *)         | 2026-10-01T00:00:00Z | 2026-10-30T09:00:00Z
            cron(0 10 ? * 6L *)        | 2026-08-01T00:00:00Z | 2026-08-28T10:00:00Z
            cron(0 10 ? * FRIL *)      | 2026-08-01T00:00:00Z | 2026-08-28T10:00:00Z
            cron(0 10 ? * 3#2 *)       | 2026-03-01T00:00:00Z | 2026-03-10T10:00:00Z
            cron(0 10 ? * MON#5 *)     | 2026-03-01T00:00:00Z | 2026-03-30T10:00:00Z
            cron(0 10 ? * 2#5 *)       | 2026-03-31T00:00:00Z | 2026-06-29T10:00:00Z
            cron(0 10 ? * MON-FRI *)   | 2026-03-06T10:00:00Z | 2026-03-09T10:00:00Z
            cron(0 12 ? * L *)         | 2026-03-01T00:00:00Z | 2026-03-07T12:00:00Z
            cron(0 12 ? * SAT-MON *)   | 2026-03-03T00:00:00Z | 2026-03-07T12:00:00Z
            cron(0 12 ? * sun *)       | 2026-03-02T00:00:00Z | 2026-03-08T12:00:00Z
            cron(0 8 1 JAN,JUL ? 2027) | 2026-03-01T00:00:00Z | 2027-01-01T08:00:00Z
            cron(0 8 1 jul ? 2027)     | 2027-01-01T08:00:00Z | 2027-07-01T08:00:00Z
            cron(0 0 1 */3 ? *)        | 2026-01-01T00:00:00Z | 2026-04-01T00:00:00Z
            """)
    void nextFireTimeAfterAnInstant(String expression, String after, String expected) {
        assertThat(CronExpression.parse(expression).nextAfter(Instant.parse(after)))
                .contains(Instant.parse(expected));
    }

    @Test
    void aCronWhoseYearsArePastNeverFiresAgain() {
        assertThat(CronExpression.parse("cron(0 0 1 1 ? 2025)").nextAfter(Instant.parse("2026-01-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void anImpossibleDateNeverFires() {
        assertThat(CronExpression.parse("cron(0 0 30 2 ? *)").nextAfter(Instant.parse("2026-01-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void fireTimesInAWindowFollowEachOtherInOrder() {
        CronExpression cron = CronExpression.parse("cron(0/15 * * * ? *)");
        List<Instant> fired = new ArrayList<>();
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        Instant end = Instant.parse("2026-03-01T11:00:00Z");
        for (Optional<Instant> next = cron.nextAfter(t); next.isPresent() && !next.get().isAfter(end);
             next = cron.nextAfter(next.get())) {
            fired.add(next.get());
        }
        assertThat(fired).extracting(Instant::toString).containsExactly(
                "2026-03-01T10:15:00Z", "2026-03-01T10:30:00Z", "2026-03-01T10:45:00Z", "2026-03-01T11:00:00Z");
    }

    @Test
    void theExpressionKeepsItsAwsSpelling() {
        assertThat(ScheduleExpression.parse(" cron(0/5  *  * * ? *) ").expression()).isEqualTo("cron(0/5 * * * ? *)");
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            cron(0 12 * * * *)           | Exactly one of day-of-month and day-of-week must be '?'
            cron(0 12 ? * ? *)           | both are '?'
            cron(0 12 * *)               | six fields
            cron(0 12 * * ? * 2026)      | six fields
            0 12 * * ? *                 | is neither cron(...) nor rate(...)
            cron(60 * * * ? *)           | Invalid minutes field: '60' is out of range; minutes takes 0-59
            cron(0 24 * * ? *)           | Invalid hours field
            cron(0 12 * FOO ? *)         | Invalid month field: 'FOO' is not a valid value
            cron(0 12 0 * ? *)           | Invalid day-of-month field: '0' is out of range
            cron(0 12 * * ? 1969)        | Invalid year field: '1969' is out of range; year takes 1970-2199
            cron(0 12 32W * ? *)         | Invalid day-of-month field: '32' is out of range
            cron(0 12 1,L * ? *)         | Invalid day-of-month field: '1,L' is not valid
            cron(0 12 ? * 3#6 *)         | the week in '3#6' must be between 1 and 5
            cron(0 12 ? * 8 *)           | Invalid day-of-week field: '8' is out of range
            cron(0 12 ? * 2W *)          | Invalid day-of-week field
            cron(0/0 * * * ? *)          | the increment in '0/0' must be between 1 and 60
            cron(? 12 * * ? *)           | '?' is only allowed in day-of-month or day-of-week
            cron(0 12 1? * ? *)          | '?' stands alone
            cron(1,,2 12 * * ? *)        | empty item
            """)
    void anInvalidCronSaysWhatIsWrong(String expression, String message) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression))
                .isInstanceOf(ScheduleExpressionException.class)
                .hasMessageContaining(message);
    }
}
