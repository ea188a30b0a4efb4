package gluelab.cloud.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which days a cron expression fires on, from its day-of-month and day-of-week fields. Exactly one of
 * them is {@code ?}; the other may use AWS's day wildcards: {@code L} (last day), {@code L-3},
 * {@code 15W} (weekday nearest the 15th), {@code LW} (last weekday) in day-of-month, and {@code L}
 * (Saturday), {@code 6L} (last Friday), {@code 3#2} (second Tuesday) in day-of-week.
 */
final class CronDays {

    /** Whether a cron expression fires on a date (its month and year having matched already). */
    interface DayRule {
        boolean matches(LocalDate date);
    }

    private static final Pattern LAST_MINUS = Pattern.compile("L-(\\d{1,2})");
    private static final Pattern NEAREST_WEEKDAY = Pattern.compile("(\\d{1,2})W");
    private static final Pattern LAST_WEEKDAY_OF_KIND = Pattern.compile("(\\w+)L");
    private static final Pattern NTH_WEEKDAY = Pattern.compile("(\\w+)#(\\d+)");

    private CronDays() {
    }

    static DayRule parse(String dayOfMonth, String dayOfWeek) {
        boolean domAny = dayOfMonth.equals("?");
        boolean dowAny = dayOfWeek.equals("?");
        if (domAny == dowAny) {
            throw new ScheduleExpressionException("Exactly one of day-of-month and day-of-week must be '?': "
                    + (domAny ? "both are '?'" : "day-of-month is '" + dayOfMonth + "' and day-of-week is '" + dayOfWeek
                    + "'; write '?' in the one you do not care about, e.g. cron(0 12 * * ? *)"));
        }
        rejectStrayQuestionMark(dayOfMonth, CronField.DAY_OF_MONTH);
        rejectStrayQuestionMark(dayOfWeek, CronField.DAY_OF_WEEK);
        return domAny ? dayOfWeek(dayOfWeek) : dayOfMonth(dayOfMonth);
    }

    private static void rejectStrayQuestionMark(String text, CronField field) {
        if (text.contains("?") && !text.equals("?")) {
            throw field.error("'?' stands alone, it cannot be combined as in '" + text + "'");
        }
    }

    private static DayRule dayOfMonth(String text) {
        CronField field = CronField.DAY_OF_MONTH;
        if (text.equals("L")) {
            return date -> date.getDayOfMonth() == date.lengthOfMonth();
        }
        if (text.equals("LW")) {
            return date -> date.equals(lastWeekday(date));
        }
        Matcher lastMinus = LAST_MINUS.matcher(text);
        if (lastMinus.matches()) {
            int offset = Integer.parseInt(lastMinus.group(1));
            if (offset > 30) {
                throw field.error("the offset in '" + text + "' must be between 0 and 30");
            }
            return date -> date.getDayOfMonth() == date.lengthOfMonth() - offset;
        }
        Matcher nearest = NEAREST_WEEKDAY.matcher(text);
        if (nearest.matches()) {
            int day = field.value(nearest.group(1));
            return date -> day <= date.lengthOfMonth() && date.equals(nearestWeekday(date.withDayOfMonth(day)));
        }
        if (text.contains("L") || text.contains("W") || text.contains("#")) {
            throw field.error("'" + text + "' is not valid; day-of-month takes numbers, ranges, lists, increments, "
                    + "L, L-n, nW or LW");
        }
        BitSet days = field.parse(text);
        return date -> days.get(date.getDayOfMonth());
    }

    private static DayRule dayOfWeek(String text) {
        CronField field = CronField.DAY_OF_WEEK;
        if (text.equals("L")) {
            return date -> date.getDayOfWeek() == DayOfWeek.SATURDAY;
        }
        Matcher last = LAST_WEEKDAY_OF_KIND.matcher(text);
        if (last.matches()) {
            DayOfWeek kind = toDayOfWeek(field.value(last.group(1)));
            return date -> date.getDayOfWeek() == kind && date.plusWeeks(1).getMonth() != date.getMonth();
        }
        Matcher nth = NTH_WEEKDAY.matcher(text);
        if (nth.matches()) {
            DayOfWeek kind = toDayOfWeek(field.value(nth.group(1)));
            int n = Integer.parseInt(nth.group(2));
            if (n < 1 || n > 5) {
                throw field.error("the week in '" + text + "' must be between 1 and 5");
            }
            return date -> date.getDayOfWeek() == kind && (date.getDayOfMonth() - 1) / 7 + 1 == n;
        }
        String withoutNames = text.toUpperCase(Locale.ROOT);
        for (String name : field.names()) {
            withoutNames = withoutNames.replace(name, "");
        }
        if (withoutNames.contains("L") || withoutNames.contains("W") || withoutNames.contains("#")) {
            throw field.error("'" + text + "' is not valid; day-of-week takes numbers (1=SUN..7=SAT), names, ranges, "
                    + "lists, increments, L, nL or n#k");
        }
        BitSet days = field.parse(text);
        return date -> days.get(toCron(date.getDayOfWeek()));
    }

    /** Cron counts 1=SUN..7=SAT; java.time counts 1=MON..7=SUN. */
    private static DayOfWeek toDayOfWeek(int cron) {
        return DayOfWeek.of(cron == 1 ? 7 : cron - 1);
    }

    private static int toCron(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    /** The weekday nearest {@code day} without leaving its month, as {@code 15W} means. */
    private static LocalDate nearestWeekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.getDayOfMonth() == 1 ? day.plusDays(2) : day.minusDays(1);
            case SUNDAY -> day.getDayOfMonth() == day.lengthOfMonth() ? day.minusDays(2) : day.plusDays(1);
            default -> day;
        };
    }

    private static LocalDate lastWeekday(LocalDate anyDayOfMonth) {
        LocalDate last = anyDayOfMonth.with(TemporalAdjusters.lastDayOfMonth());
        return switch (last.getDayOfWeek()) {
            case SATURDAY -> last.minusDays(1);
            case SUNDAY -> last.minusDays(2);
            default -> last;
        };
    }
}
