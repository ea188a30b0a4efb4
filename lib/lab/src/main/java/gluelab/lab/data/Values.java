package gluelab.lab.data;

import gluelab.lab.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cell values as text: how a table shows them, what they mean when compared, and what type text holds.
 *
 * <p>Comparison is by meaning, as a reader would judge "the output equals the CSV": {@code 12.50} (a decimal),
 * {@code 12.5} (a double) and the text {@code "12.50"} are the same value; a date equals its ISO text; a
 * timestamp equals the same wall-clock time in UTC.
 */
public final class Values {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+)");
    private static final Pattern FLOATING = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z?");
    private static final DateTimeFormatter TIMESTAMP_IN = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd").optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm").optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter TIMESTAMP_OUT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter(Locale.ROOT);

    private Values() {
    }

    /** How a table cell shows {@code value}. */
    public static String display(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return value.toString();
        }
        if (value instanceof Instant instant) {
            return TIMESTAMP_OUT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "Z";
        }
        if (value instanceof LocalDateTime dateTime) {
            return TIMESTAMP_OUT.format(dateTime);
        }
        if (value instanceof byte[] bytes) {
            String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 16));
            return "0x" + hex + (bytes.length > 16 ? "… (" + bytes.length + " bytes)" : "");
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> entry = it.next();
                text.append(entry.getKey()).append(": ").append(display(entry.getValue())).append(it.hasNext() ? ", " : "");
            }
            return text.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(display(list.get(i)));
            }
            return text.append(']').toString();
        }
        return value.toString();
    }

    /**
     * Orders two values by meaning: null first, numbers by size whatever their type or text ({@code 9} before
     * {@code 10}, {@code "12.5"} equal to {@code 12.50}), everything else by its {@link #canonical} text (ISO dates
     * and timestamps sort in time order).
     */
    public static int compare(Object a, Object b) {
        String left = canonical(a);
        String right = canonical(b);
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        boolean leftNumber = INTEGER.matcher(left).matches() || DECIMAL.matcher(left).matches();
        boolean rightNumber = INTEGER.matcher(right).matches() || DECIMAL.matcher(right).matches();
        if (leftNumber && rightNumber) {
            return new BigDecimal(left).compareTo(new BigDecimal(right));
        }
        return left.compareTo(right);
    }

    /**
     * What {@code value} means, as text that equal meanings share: numbers without trailing zeros, dates and
     * timestamps in ISO form (timestamps in UTC), booleans in lower case, other text as it is. Null stays null.
     */
    public static String canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return plain(decimal);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? plain(new BigDecimal(value.toString())) : value.toString();
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Instant instant) {
            return TIMESTAMP_OUT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        if (value instanceof LocalDateTime dateTime) {
            return TIMESTAMP_OUT.format(dateTime);
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (INTEGER.matcher(trimmed).matches() || DECIMAL.matcher(trimmed).matches()
                    || FLOATING.matcher(trimmed).matches()) {
                return plain(new BigDecimal(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed));
            }
            if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
                return trimmed.toLowerCase(Locale.ROOT);
            }
            if (TIMESTAMP.matcher(trimmed).matches()) {
                LocalDateTime parsed = parseTimestamp(trimmed);
                if (parsed != null) {
                    return TIMESTAMP_OUT.format(parsed);
                }
            }
            return text;
        }
        return display(value);
    }

    /** The narrowest type every non-null text in {@code texts} parses as; {@link ColumnType#STRING} if none fits. */
    public static ColumnType inferType(Iterable<String> texts) {
        boolean any = false;
        boolean ints = true;
        boolean longs = true;
        boolean decimals = true;
        boolean doubles = true;
        boolean booleans = true;
        boolean dates = true;
        boolean timestamps = true;
        for (String raw : texts) {
            if (raw == null) {
                continue;
            }
            any = true;
            String text = raw.trim();
            boolean integer = INTEGER.matcher(text).matches();
            ints &= integer && fitsInt(text);
            longs &= integer && fitsLong(text);
            decimals &= integer || DECIMAL.matcher(text).matches();
            doubles &= integer || DECIMAL.matcher(text).matches() || FLOATING.matcher(text).matches();
            booleans &= text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
            dates &= DATE.matcher(text).matches() && parseDate(text) != null;
            timestamps &= TIMESTAMP.matcher(text).matches() && parseTimestamp(text) != null;
        }
        if (!any) {
            return ColumnType.STRING;
        }
        if (ints) {
            return ColumnType.INT;
        }
        if (longs) {
            return ColumnType.LONG;
        }
        if (decimals) {
            return ColumnType.DECIMAL;
        }
        if (doubles) {
            return ColumnType.DOUBLE;
        }
        if (booleans) {
            return ColumnType.BOOLEAN;
        }
        if (dates) {
            return ColumnType.DATE;
        }
        if (timestamps) {
            return ColumnType.TIMESTAMP_NTZ;
        }
        return ColumnType.STRING;
    }

    /** {@code text} as a value of {@code type} (which {@link #inferType} chose for it). */
    public static Object parse(String text, ColumnType type) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return switch (type) {
            case INT -> Integer.valueOf(stripPlus(trimmed));
            case LONG -> Long.valueOf(stripPlus(trimmed));
            case DECIMAL -> new BigDecimal(stripPlus(trimmed));
            case DOUBLE -> Double.valueOf(trimmed);
            case BOOLEAN -> Boolean.valueOf(trimmed.toLowerCase(Locale.ROOT));
            case DATE -> LocalDate.parse(trimmed);
            case TIMESTAMP_NTZ -> parseTimestamp(trimmed);
            default -> text;
        };
    }

    private static String plain(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return "0";
        }
        return stripped.toPlainString();
    }

    private static String stripPlus(String text) {
        return text.startsWith("+") ? text.substring(1) : text;
    }

    private static boolean fitsInt(String text) {
        try {
            Integer.parseInt(stripPlus(text));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean fitsLong(String text) {
        try {
            Long.parseLong(stripPlus(text));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDateTime parseTimestamp(String text) {
        try {
            return LocalDateTime.parse(text, TIMESTAMP_IN);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
