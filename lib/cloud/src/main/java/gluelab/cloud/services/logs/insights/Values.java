package gluelab.cloud.services.logs.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/**
 * The values a query works with: strings (every parsed field is one), numbers ({@code Long}, {@code Double}),
 * booleans and timestamps ({@link Instant}); null is a field the event does not have. A string that reads as a
 * number counts as that number in arithmetic and comparison, as Logs Insights treats fields it discovered.
 */
final class Values {

    /** How results show a timestamp: {@code 2024-05-01 12:00:00.000}, UTC. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Values() {
    }

    /** The value as GetQueryResults writes it. */
    static String format(Object value) {
        if (value instanceof Instant instant) {
            return TIMESTAMP.format(instant);
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            return new BigDecimal(d).round(new java.math.MathContext(15)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** The value as a number, or null if it is not one: a timestamp is its epoch milliseconds. */
    static Number number(Object value) {
        if (value instanceof Long || value instanceof Double) {
            return (Number) value;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof String s && !s.isBlank()) {
            String t = s.strip();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException notWhole) {
                try {
                    double d = Double.parseDouble(t);
                    return Double.isFinite(d) && !t.endsWith("d") && !t.endsWith("f") ? d : null;
                } catch (NumberFormatException notNumber) {
                    return null;
                }
            }
        }
        return null;
    }

    static String string(Object value) {
        return value == null ? null : value instanceof String s ? s : format(value);
    }

    static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value != null;
    }

    /** Equality of two present values: numerically where both are numbers, else as text. */
    static boolean equal(Object a, Object b) {
        Number x = number(a);
        Number y = number(b);
        if (x != null && y != null) {
            return x.doubleValue() == y.doubleValue();
        }
        return string(a).equals(string(b));
    }

    /** Order of two present values for {@code < <= > >=}: numbers numerically, otherwise as text. */
    static int compare(Object a, Object b) {
        Number x = number(a);
        Number y = number(b);
        if (x != null && y != null) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return string(a).compareTo(string(b));
    }

    /**
     * The {@code sort} command's order, ascending: missing values first, then non-number values in natural order
     * (runs of digits compared by length, then value), then number values numerically.
     */
    static final Comparator<Object> SORT_ORDER = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        Number x = number(a);
        Number y = number(b);
        if (x != null || y != null) {
            if (x == null) {
                return -1;
            }
            if (y == null) {
                return 1;
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return natural(string(a), string(b));
    };

    private static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char c = a.charAt(i);
            char d = b.charAt(j);
            if (Character.isDigit(c) && Character.isDigit(d)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int order = ei - i != ej - j ? Integer.compare(ei - i, ej - j) : a.substring(i, ei).compareTo(b.substring(j, ej));
                if (order != 0) {
                    return order;
                }
                i = ei;
                j = ej;
            } else {
                if (c != d) {
                    return Character.compare(c, d);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
