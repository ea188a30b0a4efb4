package gluelab.cloud.services.glue.crawlers.inference;

import java.util.List;

/** What a JDBC crawl reads from its database: the tables and views, with their columns, that match a path. */
public interface JdbcMetadata {

    /** The tables and views of the connected database whose schema and name match the LIKE patterns. */
    List<JdbcTableMetadata> tables(String schemaPattern, String tablePattern);
}
