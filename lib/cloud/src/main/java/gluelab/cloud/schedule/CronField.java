package gluelab.cloud.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One field of a cron expression and how its plain syntax reads: {@code *}, lists ({@code ,}), ranges
 * ({@code -}, wrapping past the end as in {@code SAT-MON}), increments ({@code /}) and names.
 *
 * @param names the names of the values from {@code min} on (JAN..DEC, SUN..SAT), or none
 */
record CronField(String name, int min, int max, List<String> names) {

    static final CronField MINUTES = new CronField("minutes", 0, 59, List.of());
    static final CronField HOURS = new CronField("hours", 0, 23, List.of());
    static final CronField DAY_OF_MONTH = new CronField("day-of-month", 1, 31, List.of());
    static final CronField MONTH = new CronField("month", 1, 12,
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"));
    static final CronField DAY_OF_WEEK = new CronField("day-of-week", 1, 7,
            List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));
    static final CronField YEAR = new CronField("year", 1970, 2199, List.of());

    /** The set of values {@code text} selects (bit i = value i). */
    BitSet parse(String text) {
        BitSet values = new BitSet(max + 1);
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw error("'" + text + "' has an empty item in its list");
            }
            addItem(item, values);
        }
        return values;
    }

    private void addItem(String item, BitSet values) {
        int slash = item.indexOf('/');
        String base = slash < 0 ? item : item.substring(0, slash);
        int step = 1;
        if (slash >= 0) {
            String increment = item.substring(slash + 1);
            step = number(increment, "increment");
            if (step < 1 || step > max - min + 1) {
                throw error("the increment in '" + item + "' must be between 1 and " + (max - min + 1));
            }
        }
        int from;
        int to;
        if (base.equals("*")) {
            from = min;
            to = max;
        } else if (base.indexOf('-') > 0) {
            int dash = base.indexOf('-');
            from = value(base.substring(0, dash));
            to = value(base.substring(dash + 1));
        } else {
            from = value(base);
            // "5/15" means from 5 to the end in steps of 15; a lone "5" is just 5.
            to = slash >= 0 ? max : from;
        }
        int span = to >= from ? to - from : to + (max - min + 1) - from;
        for (int offset = 0; offset <= span; offset += step) {
            int v = from + offset;
            values.set(v > max ? v - (max - min + 1) : v);
        }
    }

    /** A single value: a number in range, or a name. */
    int value(String token) {
        String upper = token.toUpperCase(Locale.ROOT);
        int index = names.indexOf(upper);
        if (index >= 0) {
            return min + index;
        }
        int v = number(token, "value");
        if (v < min || v > max) {
            throw error("'" + token + "' is out of range; " + name + " takes " + min + "-" + max
                    + (names.isEmpty() ? "" : " or " + names.get(0) + "-" + names.get(names.size() - 1)));
        }
        return v;
    }

    private int number(String token, String what) {
        if (token.isEmpty() || !token.chars().allMatch(Character::isDigit) || token.length() > 4) {
            throw error("'" + token + "' is not a valid " + what
                    + (names.isEmpty() ? " (expected a number)" : " (expected a number or a name such as " + names.get(0) + ")"));
        }
        return Integer.parseInt(token);
    }

    ScheduleExpressionException error(String why) {
        return new ScheduleExpressionException("Invalid " + name + " field: " + why);
    }
}
