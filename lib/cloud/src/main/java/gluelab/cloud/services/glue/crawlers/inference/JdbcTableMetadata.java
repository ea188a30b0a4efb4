package gluelab.cloud.services.glue.crawlers.inference;

import java.util.List;

/**
 * A table or view as a database's JDBC metadata describes it ({@code DatabaseMetaData.getTables/getColumns}).
 *
 * @param view whether it is a view (Glue's {@code typeOfData} {@code view}) rather than a table
 * @param columns in their ordinal order
 */
public record JdbcTableMetadata(String database, String schema, String name, boolean view, String remarks,
                                List<Column> columns) {

    /**
     * One column: its {@code java.sql.Types} type, the database's own type name ({@code int4}, {@code numeric}),
     * its size (precision for numbers, length for text) and decimal digits (scale).
     */
    public record Column(String name, int jdbcType, String typeName, int size, int decimalDigits, String remarks) {
    }
}
