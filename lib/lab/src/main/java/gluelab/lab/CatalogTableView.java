package gluelab.lab;

import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * A Data Catalog table as a reader wants to see it: its columns and partition keys as one table, and its key
 * properties (location, classification, formats, what the crawler recorded) as another.
 * <pre>
 * CatalogTableView.of(glue.getTable(r -> r.databaseName(db).name("sales")).table())
 * CatalogTableView.partitions(table, glue.getPartitions(r -> r.databaseName(db).tableName("sales")).partitions())
 * </pre>
 */
public final class CatalogTableView implements Renderable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** The table parameters a crawler writes that say most about what it found, in this order. */
    private static final List<String> KEY_PARAMETERS = List.of("classification", "recordCount", "objectCount",
            "averageRecordSize", "sizeKey", "compressionType", "typeOfData", "UPDATED_BY_CRAWLER", "CrawlerSchemaSerializerVersion");

    private final Table table;

    private CatalogTableView(Table table) {
        this.table = table;
    }

    public static CatalogTableView of(Table table) {
        return new CatalogTableView(table);
    }

    public Table table() {
        return table;
    }

    /** Every column, then every partition key: {@code column}, {@code type}, {@code kind}, {@code comment}. */
    public DataTable columns() {
        List<List<Object>> rows = new ArrayList<>();
        StorageDescriptor sd = table.storageDescriptor();
        if (sd != null) {
            sd.columns().forEach(c -> rows.add(row(c.name(), c.type(), "column", c.comment())));
        }
        table.partitionKeys().forEach(k -> rows.add(row(k.name(), k.type(), "partition key", k.comment())));
        return DataTable.of(List.of(new Column("column", ColumnType.STRING), new Column("type", ColumnType.STRING),
                new Column("kind", ColumnType.STRING), new Column("comment", ColumnType.STRING)), rows)
                .from(table.databaseName() + "." + table.name());
    }

    /**
     * What the table is and where its data lives: type, location, formats and SerDe, then the parameters a crawler
     * records ({@code classification}, {@code recordCount}, …) and any other parameter, then when it was made and updated.
     */
    public DataTable properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("TableType", table.tableType());
        StorageDescriptor sd = table.storageDescriptor();
        if (sd != null) {
            properties.put("Location", sd.location());
            properties.put("InputFormat", sd.inputFormat());
            properties.put("OutputFormat", sd.outputFormat());
            properties.put("SerDe", sd.serdeInfo() == null ? null : sd.serdeInfo().serializationLibrary());
            if (sd.serdeInfo() != null && !sd.serdeInfo().parameters().isEmpty()) {
                properties.put("SerDe parameters", new java.util.TreeMap<>(sd.serdeInfo().parameters()).toString());
            }
        }
        Map<String, String> parameters = table.parameters();
        KEY_PARAMETERS.stream().filter(parameters::containsKey).forEach(p -> properties.put(p, parameters.get(p)));
        parameters.keySet().stream().sorted().filter(p -> !KEY_PARAMETERS.contains(p))
                .forEach(p -> properties.put(p, parameters.get(p)));
        properties.put("CreateTime", table.createTime() == null ? null : TIME.format(table.createTime()));
        properties.put("UpdateTime", table.updateTime() == null ? null : TIME.format(table.updateTime()));
        properties.put("CreatedBy", table.createdBy());
        List<List<Object>> rows = new ArrayList<>();
        properties.forEach((name, value) -> {
            if (value != null) {
                rows.add(row(name, value));
            }
        });
        return DataTable.of(List.of(new Column("property", ColumnType.STRING), new Column("value", ColumnType.STRING)), rows)
                .from("properties of " + table.databaseName() + "." + table.name());
    }

    /**
     * A table's partitions, one row each, sorted by their values: one column per partition key, then the
     * partition's location and when it was made.
     */
    public static DataTable partitions(Table table, List<Partition> partitions) {
        List<Column> columns = new ArrayList<>();
        table.partitionKeys().forEach(k -> columns.add(new Column(k.name(), ColumnType.STRING, k.type())));
        columns.add(new Column("location", ColumnType.STRING));
        columns.add(new Column("created (UTC)", ColumnType.STRING));
        List<List<Object>> rows = new ArrayList<>();
        partitions.stream().sorted(Comparator.comparing(p -> String.join("\u0000", p.values()))).forEach(p -> {
            List<Object> row = new ArrayList<>(p.values());
            while (row.size() < table.partitionKeys().size()) {
                row.add(null);
            }
            row.add(p.storageDescriptor() == null ? null : p.storageDescriptor().location());
            row.add(p.creationTime() == null ? null : TIME.format(p.creationTime()));
            rows.add(row);
        });
        return DataTable.of(columns, rows).from(partitions.size() + " partition" + (partitions.size() == 1 ? "" : "s")
                + " of " + table.databaseName() + "." + table.name());
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }

    @Override
    public MimeBundle toMimeBundle() {
        MimeBundle columns = columns().toMimeBundle();
        MimeBundle properties = properties().toMimeBundle();
        String html = "<div style=\"display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap\">"
                + columns.data().get("text/html") + properties.data().get("text/html") + "</div>";
        return MimeBundle.html(html, columns.plainText() + "\n\n" + properties.plainText());
    }

    @Override
    public String toString() {
        return toMimeBundle().plainText();
    }
}
