package gluelab.cloud.services.glue.crawlers.inference;

import java.sql.Types;

/**
 * The Data Catalog type Glue's JDBC crawler gives a column, from its JDBC type: {@code integer} → {@code int},
 * {@code bigint} → {@code bigint}, {@code numeric(p,s)} → {@code decimal(p,s)}, {@code varchar}/{@code text} →
 * {@code string}, {@code boolean} → {@code boolean}, {@code date} → {@code date}, {@code timestamp[tz]} →
 * {@code timestamp}, {@code double precision} → {@code double}, {@code real} → {@code float}, {@code bytea} →
 * {@code binary}; types Hive has no counterpart for ({@code time}, {@code uuid}, {@code json}, arrays, …) are
 * {@code string}.
 */
final class JdbcColumnTypes {

    /** Hive's widest decimal. */
    private static final int MAX_PRECISION = 38;

    private JdbcColumnTypes() {
    }

    static String glueType(JdbcTableMetadata.Column column) {
        return switch (column.jdbcType()) {
            case Types.BIT, Types.BOOLEAN -> column.size() > 1 && !"bool".equals(column.typeName()) ? "binary" : "boolean";
            case Types.TINYINT -> "tinyint";
            case Types.SMALLINT -> "smallint";
            case Types.INTEGER -> "int";
            case Types.BIGINT -> "bigint";
            case Types.REAL -> "float";
            case Types.FLOAT, Types.DOUBLE -> "double";
            case Types.NUMERIC, Types.DECIMAL -> decimal(column);
            case Types.DATE -> "date";
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
            default -> "string";
        };
    }

    /**
     * {@code numeric(p,s)} keeps its precision and scale; an unconstrained {@code numeric} (which the driver reports
     * with a precision of 0 or past 38) becomes Hive's widest, {@code decimal(38,18)}.
     */
    // Lab Cloud's choice for unconstrained numerics: AWS does not document what its crawler writes for them.
    private static String decimal(JdbcTableMetadata.Column column) {
        if (column.size() <= 0 || column.size() > MAX_PRECISION) {
            return "decimal(" + MAX_PRECISION + ",18)";
        }
        return "decimal(" + column.size() + "," + Math.max(0, column.decimalDigits()) + ")";
    }
}
