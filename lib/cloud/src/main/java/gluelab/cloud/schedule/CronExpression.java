package gluelab.cloud.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * An AWS cron expression: {@code cron(minutes hours day-of-month month day-of-week year)}, as Glue triggers,
 * EventBridge rules and EventBridge Scheduler take it. Unlike Unix cron it has a year, no seconds, and exactly one
 * of day-of-month and day-of-week must be {@code ?}. Glue and EventBridge rules read it in UTC; EventBridge
 * Scheduler in the schedule's time zone, where daylight saving time moves the wall clock: a time the clock skips in
 * spring does not fire that day, and a time it passes twice in autumn fires once, the first time, as Scheduler does.
 */
public final class CronExpression implements ScheduleExpression {

    private final String fields;
    private final ZoneId zone;
    private final BitSet minutes;
    private final BitSet hours;
    private final CronDays.DayRule days;
    private final BitSet months;
    private final BitSet years;

    private CronExpression(String fields, ZoneId zone, BitSet minutes, BitSet hours, CronDays.DayRule days,
                           BitSet months, BitSet years) {
        this.fields = fields;
        this.zone = zone;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.years = years;
    }

    /** Parses {@code cron(0 12 * * ? *)}, read in UTC; the message of the exception says what is wrong. */
    public static CronExpression parse(String expression) {
        return parse(expression, ZoneOffset.UTC);
    }

    /** Parses {@code cron(0 12 * * ? *)}, read on the wall clock of {@code zone}. */
    public static CronExpression parse(String expression, ZoneId zone) {
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
        return new CronExpression(String.join(" ", parts), zone,
                CronField.MINUTES.parse(parts[0]),
                CronField.HOURS.parse(parts[1]),
                CronDays.parse(parts[2], parts[4]),
                CronField.MONTH.parse(parts[3]),
                CronField.YEAR.parse(parts[5]));
    }

    /** The first minute strictly after {@code after} that the expression selects, or empty after 2199. */
    public Optional<Instant> nextAfter(Instant after) {
        LocalDateTime wallClock = LocalDateTime.ofInstant(after, zone);
        while (true) {
            Optional<LocalDateTime> next = nextWallClockAfter(wallClock);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            wallClock = next.get();
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(wallClock);
            // No offset: the clock skips this time (spring). Two: it passes it twice (autumn); the earlier one fires.
            if (!offsets.isEmpty()) {
                Instant at = wallClock.toInstant(offsets.get(0));
                if (at.isAfter(after)) {
                    return Optional.of(at);
                }
            }
        }
    }

    /** The first wall-clock minute strictly after {@code after} that the expression selects. */
    private Optional<LocalDateTime> nextWallClockAfter(LocalDateTime after) {
        LocalDateTime start = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
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
                    return Optional.of(date.atStartOfDay().plusMinutes(minuteOfDay));
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

    /** The time zone whose wall clock the fields are read on. */
    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return expression();
    }
}
