package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.services.glue.crawlers.inference.JdbcMetadata;
import gluelab.cloud.services.glue.crawlers.inference.JdbcTableMetadata;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A database's tables and views as its JDBC driver describes them ({@code DatabaseMetaData}), as Glue's JDBC
 * crawler reads them; system schemas ({@code pg_catalog}, {@code information_schema}, {@code pg_toast}) are left
 * out. Reading errors come out as {@link JdbcCrawlMetadata.Unreadable}, with the database's own words.
 */
final class JdbcCrawlMetadata implements JdbcMetadata {

    private static final String[] TABLE_TYPES = {"TABLE", "PARTITIONED TABLE", "VIEW", "MATERIALIZED VIEW"};
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");

    /** The database refused to describe itself. */
    static final class Unreadable extends RuntimeException {
        Unreadable(SQLException cause) {
            super(cause);
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }

    private final Connection connection;

    JdbcCrawlMetadata(Connection connection) {
        this.connection = connection;
    }

    @Override
    public List<JdbcTableMetadata> tables(String schemaPattern, String tablePattern) {
        try {
            DatabaseMetaData metadata = connection.getMetaData();
            String database = connection.getCatalog();
            List<JdbcTableMetadata> tables = new ArrayList<>();
            try (ResultSet found = metadata.getTables(null, schemaPattern, tablePattern, TABLE_TYPES)) {
                while (found.next()) {
                    String schema = found.getString("TABLE_SCHEM");
                    if (SYSTEM_SCHEMAS.contains(schema) || schema.startsWith("pg_temp")) {
                        continue;
                    }
                    String name = found.getString("TABLE_NAME");
                    boolean view = found.getString("TABLE_TYPE").contains("VIEW");
                    tables.add(new JdbcTableMetadata(database, schema, name, view, found.getString("REMARKS"),
                            columns(metadata, schema, name)));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new Unreadable(e);
        }
    }

    private static List<JdbcTableMetadata.Column> columns(DatabaseMetaData metadata, String schema, String table)
            throws SQLException {
        List<JdbcTableMetadata.Column> columns = new ArrayList<>();
        // getColumns takes LIKE patterns: escape the names so that my_table does not also read myXtable's columns.
        String escape = metadata.getSearchStringEscape();
        try (ResultSet found = metadata.getColumns(null, escaped(schema, escape), escaped(table, escape), "%")) {
            while (found.next()) {
                columns.add(new JdbcTableMetadata.Column(found.getString("COLUMN_NAME"), found.getInt("DATA_TYPE"),
                        found.getString("TYPE_NAME"), found.getInt("COLUMN_SIZE"), found.getInt("DECIMAL_DIGITS"),
                        found.getString("REMARKS")));
            }
        }
        return columns;
    }

    private static String escaped(String name, String escape) {
        return name.replace(escape, escape + escape).replace("%", escape + "%").replace("_", escape + "_");
    }
}
