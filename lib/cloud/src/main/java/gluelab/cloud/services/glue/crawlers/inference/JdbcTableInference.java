package gluelab.cloud.services.glue.crawlers.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * What a crawl of a JDBC target finds, as {@link InferredTable}s beside those of S3 targets: one table per
 * database table or view that the include path matches and no exclusion drops, named
 * {@code <database>_<schema>_<table>}, at location {@code <database>.<schema>.<table>}, its columns typed as
 * {@link JdbcColumnTypes} says, with the table properties Glue writes ({@code classification} the database engine,
 * {@code connectionName}, {@code typeOfData} {@code table} or {@code view}, {@code compressionType} none).
 */
public final class JdbcTableInference {

    private final String classification;
    private final String connectionName;
    private final boolean comments;

    /**
     * @param classification the engine, {@code postgresql}
     * @param comments the target's EnableAdditionalMetadata has {@code COMMENTS}: columns carry the database's
     *        column comments
     */
    public JdbcTableInference(String classification, String connectionName, boolean comments) {
        this.classification = classification;
        this.connectionName = connectionName;
        this.comments = comments;
    }

    public List<InferredTable> infer(JdbcIncludePath include, JdbcMetadata metadata, Consumer<String> log) {
        List<InferredTable> tables = new ArrayList<>();
        for (JdbcTableMetadata table : metadata.tables(include.schemaPattern(), include.tablePattern())) {
            if (!include.includes(table.schema(), table.name())) {
                log.accept("Table " + table.database() + "/" + table.schema() + "/" + table.name()
                        + " is excluded by the target's exclusions");
                continue;
            }
            tables.add(inferred(table));
        }
        log.accept("Found " + tables.size() + " tables and views under " + include.path()
                + " through connection " + connectionName);
        return tables;
    }

    private InferredTable inferred(JdbcTableMetadata table) {
        String name = TableNames.sanitise(table.database() + "_" + table.schema() + "_" + table.name());
        String location = table.database() + "." + table.schema() + "." + table.name();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("classification", classification);
        properties.put("compressionType", "none");
        properties.put("connectionName", connectionName);
        properties.put("typeOfData", table.view() ? "view" : "table");
        properties.put("CrawlerSchemaSerializerVersion", "1.0");
        properties.put("CrawlerSchemaDeserializerVersion", "1.0");
        Map<String, String> parameters = Collections.unmodifiableMap(properties);
        List<Column> columns = table.columns().stream()
                .map(c -> Column.builder().name(c.name().toLowerCase(Locale.ROOT)).type(JdbcColumnTypes.glueType(c))
                        .comment(comments ? c.remarks() : null).build())
                .toList();
        StorageDescriptor descriptor = StorageDescriptor.builder()
                .columns(columns)
                .location(location)
                .compressed(false)
                .numberOfBuckets(-1)
                .serdeInfo(SerDeInfo.builder().parameters(Map.of()).build())
                .bucketColumns(List.of())
                .sortColumns(List.of())
                .parameters(parameters)
                .storedAsSubDirectories(false)
                .build();
        return new InferredTable(name, location, classification, descriptor, List.of(), List.of(),
                parameters);
    }
}
