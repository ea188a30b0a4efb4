package gluelab.lab;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * An AWS {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)} expression, as Glue triggers and EventBridge
 * take it, always in UTC, and the times it fires: worked out from the expression alone, so that a check can compare a
 * trigger's runs with them.
 * <pre>
 * CronSchedule.parse("cron(0/20 * * * ? *)").fireTimes(windowStart, windowEnd)   // :00, :20 and :40 of every hour
 * </pre>
 * Each field takes {@code *}, a value, a list ({@code 5,35}), a range ({@code 8-18}) and a step ({@code 0/20},
 * {@code 10-50/20}); months also {@code JAN}…{@code DEC}, days of the week {@code 1}…{@code 7} (1 is Sunday) or
 * {@code SUN}…{@code SAT}. One of day-of-month and day-of-week is {@code ?}. AWS's {@code L}, {@code W} and {@code #}
 * are refused.
 */
public final class CronSchedule {

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final BitSet years;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronSchedule(String text, String[] fields) {
        this.text = text;
        this.minutes = field(fields[0], 0, 59, List.of(), 0);
        this.hours = field(fields[1], 0, 23, List.of(), 0);
        this.anyDayOfMonth = fields[2].equals("?") || fields[2].equals("*");
        this.daysOfMonth = field(fields[2], 1, 31, List.of(), 0);
        this.months = field(fields[3], 1, 12, MONTHS, 1);
        this.anyDayOfWeek = fields[4].equals("?") || fields[4].equals("*");
        this.daysOfWeek = field(fields[4], 1, 7, DAYS, 1);
        this.years = field(fields[5], 1970, 2199, List.of(), 0);
        if (!fields[2].equals("?") && !fields[4].equals("?")) {
            throw new IllegalArgumentException(text + ": one of day-of-month and day-of-week must be ?");
        }
    }

    /** Parses {@code cron(…)} (or the six fields alone). */
    public static CronSchedule parse(String expression) {
        String inner = expression.trim().replaceFirst("^cron\\((.*)\\)$", "$1").trim();
        String[] fields = inner.split("\\s+");
        if (fields.length != 6) {
            throw new IllegalArgumentException(expression + ": a cron expression has six fields, Minutes Hours Day-of-month"
                    + " Month Day-of-week Year");
        }
        return new CronSchedule(expression.trim(), fields);
    }

    /** Whether the expression fires at the start of {@code minute} (UTC). */
    public boolean firesAt(ZonedDateTime minute) {
        ZonedDateTime utc = minute.withZoneSameInstant(ZoneOffset.UTC);
        int dayOfWeek = utc.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : utc.getDayOfWeek().getValue() + 1;
        boolean day = anyDayOfMonth && anyDayOfWeek || (anyDayOfMonth ? daysOfWeek.get(dayOfWeek)
                : anyDayOfWeek ? daysOfMonth.get(utc.getDayOfMonth()) : daysOfMonth.get(utc.getDayOfMonth()) && daysOfWeek.get(dayOfWeek));
        return minutes.get(utc.getMinute()) && hours.get(utc.getHour()) && day && months.get(utc.getMonthValue())
                && years.get(utc.getYear());
    }

    /** The fire times after {@code after}, up to and including {@code upTo}, in order. */
    public List<Instant> fireTimes(Instant after, Instant upTo) {
        List<Instant> times = new ArrayList<>();
        for (Instant minute = after.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES); !minute.isAfter(upTo);
                minute = minute.plus(1, ChronoUnit.MINUTES)) {
            if (firesAt(minute.atZone(ZoneOffset.UTC))) {
                times.add(minute);
            }
        }
        return times;
    }

    private static BitSet field(String text, int low, int high, List<String> names, int firstName) {
        BitSet values = new BitSet(high + 1);
        if (text.equals("?") || text.equals("*")) {
            values.set(low, high + 1);
            return values;
        }
        for (String part : text.split(",")) {
            if (part.matches(".*(#|\\dW|^L|\\dL).*") || part.equals("W")) {
                throw new IllegalArgumentException("cron field " + text + ": L, W and # are not supported here");
            }
            String[] rangeAndStep = part.split("/");
            int step = rangeAndStep.length > 1 ? Integer.parseInt(rangeAndStep[1]) : 1;
            String range = rangeAndStep[0];
            int from;
            int to;
            if (range.equals("*")) {
                from = low;
                to = high;
            } else if (range.contains("-")) {
                from = value(range.substring(0, range.indexOf('-')), names, firstName);
                to = value(range.substring(range.indexOf('-') + 1), names, firstName);
            } else {
                from = value(range, names, firstName);
                to = rangeAndStep.length > 1 ? high : from;
            }
            if (from < low || to > high || from > to || step < 1) {
                throw new IllegalArgumentException("cron field " + text + ": " + part + " is outside " + low + "-" + high);
            }
            for (int v = from; v <= to; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int value(String text, List<String> names, int firstName) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        return named >= 0 ? named + firstName : Integer.parseInt(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
