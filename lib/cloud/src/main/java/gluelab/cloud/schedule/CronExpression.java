package gluelab.cloud.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Optional;

/**
 * An AWS cron expression: {@code cron(minutes hours day-of-month month day-of-week year)}, in UTC, as
 * Glue triggers, EventBridge rules and EventBridge Scheduler take it. Unlike Unix cron it has a year,
 * no seconds, and exactly one of day-of-month and day-of-week must be {@code ?}.
 */
public final class CronExpression implements ScheduleExpression {

    private final String fields;
    private final BitSet minutes;
    private final BitSet hours;
    private final CronDays.DayRule days;
    private final BitSet months;
    private final BitSet years;

    private CronExpression(String fields, BitSet minutes, BitSet hours, CronDays.DayRule days, BitSet months,
                           BitSet years) {
        this.fields = fields;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.years = years;
    }

    /** Parses {@code cron(0 12 * * ? *)}; the message of the exception says what is wrong. */
    public static CronExpression parse(String expression) {
        if (expression == null) {
            throw new ScheduleExpressionException("A cron expression is required, e.g. cron(0 12 * * ? *)");
        }
        String text = expression.trim();
        if (!text.startsWith("cron(") || !text.endsWith(")")) {
            throw new ScheduleExpressionException("'" + expression + "' is not a cron expression; write "
                    + "cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 12 * * ? *)");
        }
        String body = text.substring("cron(".length(), text.length() - 1).trim();
        String[] parts = body.isEmpty() ? new String[0] : body.split("\\s+");
        if (parts.length != 6) {
            throw new ScheduleExpressionException("A cron expression has six fields (minutes hours day-of-month month "
                    + "day-of-week year) but '" + expression + "' has " + parts.length);
        }
        for (int i : new int[] {0, 1, 3, 5}) {
            if (parts[i].contains("?")) {
                CronField field = switch (i) {
                    case 0 -> CronField.MINUTES;
                    case 1 -> CronField.HOURS;
                    case 3 -> CronField.MONTH;
                    default -> CronField.YEAR;
                };
                throw field.error("'?' is only allowed in day-of-month or day-of-week");
            }
        }
        return new CronExpression(String.join(" ", parts),
                CronField.MINUTES.parse(parts[0]),
                CronField.HOURS.parse(parts[1]),
                CronDays.parse(parts[2], parts[4]),
                CronField.MONTH.parse(parts[3]),
                CronField.YEAR.parse(parts[5]));
    }

    /** The first minute strictly after {@code after} that the expression selects, or empty after 2199. */
    public Optional<Instant> nextAfter(Instant after) {
        LocalDateTime start = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate date = start.toLocalDate();
        int fromMinuteOfDay = start.getHour() * 60 + start.getMinute();
        while (date.getYear() <= CronField.YEAR.max()) {
            if (!years.get(date.getYear())) {
                int year = years.nextSetBit(date.getYear());
                if (year < 0) {
                    return Optional.empty();
                }
                date = LocalDate.of(year, 1, 1);
                fromMinuteOfDay = 0;
                continue;
            }
            if (!months.get(date.getMonthValue())) {
                date = date.withDayOfMonth(1).plusMonths(1);
                fromMinuteOfDay = 0;
                continue;
            }
            if (days.matches(date)) {
                int minuteOfDay = firstTimeOfDayFrom(fromMinuteOfDay);
                if (minuteOfDay >= 0) {
                    return Optional.of(date.atStartOfDay().plusMinutes(minuteOfDay).toInstant(ZoneOffset.UTC));
                }
            }
            date = date.plusDays(1);
            fromMinuteOfDay = 0;
        }
        return Optional.empty();
    }

    private int firstTimeOfDayFrom(int fromMinuteOfDay) {
        for (int hour = hours.nextSetBit(fromMinuteOfDay / 60); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
            int minute = minutes.nextSetBit(hour == fromMinuteOfDay / 60 ? fromMinuteOfDay % 60 : 0);
            if (minute >= 0) {
                return hour * 60 + minute;
            }
        }
        return -1;
    }

    /** Crons fire at fixed wall-clock times; the anchor does not matter. */
    @Override
    public Optional<Instant> nextFireAfter(Instant anchor, Instant after) {
        return nextAfter(after);
    }

    @Override
    public String expression() {
        return "cron(" + fields + ")";
    }

    @Override
    public String toString() {
        return expression();
    }
}
