package gluelab.cloud.services.glue.catalog.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * How a partition key's declared Glue type compares its values. Partition values are always stored as
 * strings; a filter compares them as the key's type says, so on an {@code int} key {@code "10" > "9"}.
 */
enum PartitionKeyType {

    STRING("String") {
        @Override
        Comparable<?> parse(String text) {
            return text;
        }
    },
    INTEGRAL("Integral") {
        @Override
        Comparable<?> parse(String text) {
            return new BigInteger(text.trim());
        }
    },
    DECIMAL("Decimal") {
        @Override
        Comparable<?> parse(String text) {
            return new BigDecimal(text.trim());
        }
    },
    FLOATING("Double") {
        @Override
        Comparable<?> parse(String text) {
            return Double.valueOf(text.trim());
        }
    },
    DATE("Date") {
        @Override
        Comparable<?> parse(String text) {
            return LocalDate.parse(text.trim());
        }
    },
    TIMESTAMP("Timestamp") {
        @Override
        Comparable<?> parse(String text) {
            return LocalDateTime.parse(text.trim(), HIVE_TIMESTAMP);
        }
    };

    /** Hive's {@code yyyy-MM-dd HH:mm:ss[.fffffffff]}, also with ISO's {@code T}, and a bare date as midnight. */
    private static final DateTimeFormatter HIVE_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ROOT);

    private final String displayName;

    PartitionKeyType(String displayName) {
        this.displayName = displayName;
    }

    /** The value as this type, or an exception if the text is not one. */
    abstract Comparable<?> parse(String text);

    /** How Glue names the type in its errors, e.g. "Integral data type doesn't support operation 'LIKE'". */
    String displayName() {
        return displayName;
    }

    /** The comparison type of a Glue column type such as {@code int}, {@code varchar(20)} or {@code decimal(10,2)}. */
    static Optional<PartitionKeyType> of(String glueType) {
        if (glueType == null) {
            return Optional.empty();
        }
        String base = glueType.trim().toLowerCase(Locale.ROOT);
        int parameters = base.indexOf('(');
        if (parameters >= 0) {
            base = base.substring(0, parameters).trim();
        }
        return Optional.ofNullable(switch (base) {
            case "string", "varchar", "char" -> STRING;
            case "int", "integer", "bigint", "long", "smallint", "tinyint" -> INTEGRAL;
            case "decimal", "numeric" -> DECIMAL;
            case "double", "float", "real" -> FLOATING;
            case "date" -> DATE;
            case "timestamp" -> TIMESTAMP;
            default -> null;
        });
    }
}
