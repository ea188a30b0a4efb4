package gluelab.cloud.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateExpressionTest {

    @ParameterizedTest(name = "{0} is every {1}")
    @CsvSource(delimiter = '|', textBlock = """
            rate(1 minute)   | PT1M
            rate(5 minutes)  | PT5M
            rate(1 hour)     | PT1H
            rate(12 hours)   | PT12H
            rate(1 day)      | PT24H
            rate(7 days)     | PT168H
            """)
    void aRateIsAPeriod(String expression, String period) {
        assertThat(((RateExpression) ScheduleExpression.parse(expression)).period()).isEqualTo(Duration.parse(period));
    }

    @Test
    void aRateFiresOnePeriodAfterItsStartAndEveryPeriodAfterThat() {
        ScheduleExpression rate = ScheduleExpression.parse("rate(5 minutes)");
        Instant start = Instant.parse("2026-03-01T10:02:30Z");
        assertThat(rate.nextFireAfter(start, start)).contains(Instant.parse("2026-03-01T10:07:30Z"));
        assertThat(rate.nextFireAfter(start, Instant.parse("2026-03-01T10:07:30Z")))
                .contains(Instant.parse("2026-03-01T10:12:30Z"));
        assertThat(rate.nextFireAfter(start, Instant.parse("2026-03-01T11:00:00Z")))
                .contains(Instant.parse("2026-03-01T11:02:30Z"));
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            rate(0 minutes)   | must be 1 or more
            rate(1 minutes)   | a value of 1 takes a singular unit, e.g. rate(1 minute)
            rate(5 minute)    | a value above 1 takes a plural unit, e.g. rate(5 minutes)
            rate(5 weeks)     | must be minute(s), hour(s) or day(s)
            rate(x minutes)   | must be a whole number
            rate(5)           | is not a rate expression
            every 5 minutes   | is neither cron(...) nor rate(...)
            """)
    void anInvalidRateSaysWhatIsWrong(String expression, String message) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression))
                .isInstanceOf(ScheduleExpressionException.class)
                .hasMessageContaining(message);
    }
}
