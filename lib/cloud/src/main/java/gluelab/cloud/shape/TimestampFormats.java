package gluelab.cloud.shape;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/** Timestamps on the wire, in the formats the AWS protocols use. */
public final class TimestampFormats {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TimestampFormats() {
    }

    public static TimestampFormatTrait.Format formatOf(SdkField<?> field, TimestampFormatTrait.Format fallback) {
        return field.getOptionalTrait(TimestampFormatTrait.class).map(TimestampFormatTrait::format).orElse(fallback);
    }

    public static String format(Instant instant, TimestampFormatTrait.Format format) {
        return switch (format) {
            case ISO_8601 -> ISO_MILLIS.format(instant);
            case RFC_822 -> DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
            case UNIX_TIMESTAMP -> epochSeconds(instant).toPlainString();
            case UNIX_TIMESTAMP_MILLIS -> Long.toString(instant.toEpochMilli());
        };
    }

    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).stripTrailingZeros();
    }

    /** Reads a timestamp in any of the AWS forms: epoch seconds, ISO-8601 or RFC 1123. */
    public static Instant parse(String text) {
        String value = text.trim();
        try {
            if (!value.isEmpty() && (Character.isDigit(value.charAt(0)) || value.charAt(0) == '-')
                    && value.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-' || c == 'E' || c == 'e')) {
                return fromEpochSeconds(new BigDecimal(value));
            }
            if (value.length() > 3 && Character.isLetter(value.charAt(0))) {
                return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value, Instant::from);
            }
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                throw new ShapeReadException("Cannot read '" + text + "' as a timestamp");
            }
        }
    }

    public static Instant fromEpochSeconds(BigDecimal seconds) {
        try {
            return Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new ShapeReadException("Timestamp " + seconds.toPlainString() + " is out of range");
        }
    }
}
