package gluelab.lab;

/**
 * The type of a table column, named as Spark names it. Values are held as the Java type given for each.
 */
public enum ColumnType {
    /** {@link String} */
    STRING,
    /** {@link Boolean} */
    BOOLEAN,
    /** {@link Integer} (Spark's int, also tinyint and smallint) */
    INT,
    /** {@link Long} (Spark's bigint) */
    LONG,
    /** {@link Float} */
    FLOAT,
    /** {@link Double} */
    DOUBLE,
    /** {@link java.math.BigDecimal} */
    DECIMAL,
    /** {@link java.time.LocalDate} */
    DATE,
    /** {@link java.time.Instant}: a point in time (Spark's timestamp, stored in UTC) */
    TIMESTAMP,
    /** {@link java.time.LocalDateTime}: a wall-clock time without a zone (Spark's timestamp_ntz) */
    TIMESTAMP_NTZ,
    /** {@code byte[]} */
    BINARY,
    /** {@link java.util.Map} of field name to value */
    STRUCT,
    /** {@link java.util.List} */
    LIST,
    /** {@link java.util.Map} */
    MAP;

    /** int or bigint. */
    public boolean isInteger() {
        return this == INT || this == LONG;
    }

    /** Any number: integers, float, double and decimal. */
    public boolean isNumeric() {
        return isInteger() || this == FLOAT || this == DOUBLE || this == DECIMAL;
    }

    /** A number with a fractional part: float, double or decimal. */
    public boolean isFractional() {
        return this == FLOAT || this == DOUBLE || this == DECIMAL;
    }

    /** Date or either kind of timestamp. */
    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMP_NTZ;
    }

    /** The plain Spark SQL name, e.g. {@code bigint} for {@link #LONG}. */
    public String sqlName() {
        return switch (this) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case INT -> "int";
            case LONG -> "bigint";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case DECIMAL -> "decimal";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_NTZ -> "timestamp_ntz";
            case BINARY -> "binary";
            case STRUCT -> "struct";
            case LIST -> "array";
            case MAP -> "map";
        };
    }
}
