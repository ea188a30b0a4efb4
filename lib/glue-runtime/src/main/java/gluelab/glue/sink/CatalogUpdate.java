package gluelab.glue.sink;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import gluelab.glue.spi.AwsClients;
import gluelab.glue.spi.RunEnvironment;
import gluelab.glue.util.JsonOptions;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * What a sink with {@code enableUpdateCatalog} does after it wrote: keeps its Data Catalog table in step with the
 * files, through the Glue API and as the job's role, as Glue's sink does. It creates the table on the first
 * write (columns from the frame, partition keys, location, format), adds a partition for every
 * {@code key=value} folder the table does not list yet, and when the frame's columns differ from the table's,
 * updates them ({@code UPDATE_IN_DATABASE}) or only says so ({@code LOG}).
 */
public final class CatalogUpdate {

    private final String database;
    private final String tableName;
    private final String catalogId;
    private final String format;
    private final JsonOptions formatOptions;
    private final List<String> partitionKeys;
    private final boolean updateSchema;
    private final PrintStream out;

    public CatalogUpdate(String database, String tableName, String catalogId, String format, JsonOptions formatOptions,
                         List<String> partitionKeys, boolean updateSchema, PrintStream out) {
        this.database = database;
        this.tableName = tableName;
        this.catalogId = catalogId;
        this.format = format;
        this.formatOptions = formatOptions;
        this.partitionKeys = List.copyOf(partitionKeys);
        this.updateSchema = updateSchema;
        this.out = out;
    }

    /** Registers what {@code written} put under {@code location} (a qualified path). */
    public void apply(RunEnvironment environment, Dataset<Row> written, String location) {
        String root = location.endsWith("/") ? location : location + "/";
        List<software.amazon.awssdk.services.glue.model.Column> dataColumns = new ArrayList<>();
        List<software.amazon.awssdk.services.glue.model.Column> keyColumns = new ArrayList<>();
        for (StructField field : written.schema().fields()) {
            (partitionKeys.contains(field.name()) ? keyColumns : dataColumns).add(column(field));
        }
        try (GlueClient glue = AwsClients.glue(environment)) {
            Table table = existing(glue);
            StorageDescriptor storage = storage(root, dataColumns);
            if (table == null) {
                Map<String, String> parameters = format.equals("csv") && formatOptions.getBoolean("writeHeader", true)
                        ? Map.of("classification", format, "skip.header.line.count", "1") : Map.of("classification", format);
                glue.createTable(r -> r.catalogId(catalogId).databaseName(database).tableInput(TableInput.builder()
                        .name(tableName).tableType("EXTERNAL_TABLE").parameters(parameters)
                        .partitionKeys(keyColumns).storageDescriptor(storage).build()));
                out.println("Data Catalog: created table " + database + "." + tableName + " at " + root);
            } else {
                List<String> tableKeys = table.partitionKeys().stream().map(software.amazon.awssdk.services.glue.model.Column::name).toList();
                if (!tableKeys.equals(partitionKeys)) {
                    throw new IllegalArgumentException("The sink's partitionKeys " + partitionKeys + " are not the partition keys "
                            + tableKeys + " of " + database + "." + tableName);
                }
                if (!table.storageDescriptor().columns().equals(dataColumns)) {
                    if (updateSchema) {
                        glue.updateTable(r -> r.catalogId(catalogId).databaseName(database).tableInput(TableInput.builder()
                                .name(tableName).tableType(table.tableType()).parameters(table.parameters())
                                .partitionKeys(table.partitionKeys())
                                .storageDescriptor(table.storageDescriptor().toBuilder().columns(dataColumns).build()).build()));
                        out.println("Data Catalog: updated the columns of " + database + "." + tableName + " (updateBehavior UPDATE_IN_DATABASE)");
                    } else {
                        out.println("Data Catalog: the frame's columns differ from " + database + "." + tableName
                                + "'s; updateBehavior LOG leaves the table's columns as they are");
                    }
                }
            }
            if (!partitionKeys.isEmpty()) {
                addPartitions(glue, written, root, storage);
            }
        }
    }

    private Table existing(GlueClient glue) {
        try {
            return glue.getTable(r -> r.catalogId(catalogId).databaseName(database).name(tableName)).table();
        } catch (EntityNotFoundException absent) {
            return null;
        }
    }

    private void addPartitions(GlueClient glue, Dataset<Row> written, String root, StorageDescriptor storage) {
        Set<List<String>> known = new HashSet<>();
        glue.getPartitionsPaginator(r -> r.catalogId(catalogId).databaseName(database).tableName(tableName)).stream()
                .flatMap(page -> page.partitions().stream()).forEach(p -> known.add(p.values()));
        Column[] keys = partitionKeys.stream().map(k -> functions.col("`" + k + "`").cast(DataTypes.StringType)).toArray(Column[]::new);
        List<PartitionInput> added = new ArrayList<>();
        List<Row> folders = written.select(keys).distinct().collectAsList().stream()
                .sorted(java.util.Comparator.comparing(Row::toString)).toList();
        for (Row row : folders) {
            List<String> values = new ArrayList<>();
            StringBuilder folder = new StringBuilder(root);
            for (int i = 0; i < partitionKeys.size(); i++) {
                String value = row.isNullAt(i) ? ExternalCatalogUtils.DEFAULT_PARTITION_NAME() : row.getString(i);
                values.add(value);
                folder.append(partitionKeys.get(i)).append('=').append(ExternalCatalogUtils.escapePathName(value)).append('/');
            }
            if (known.add(values)) {
                added.add(PartitionInput.builder().values(values).storageDescriptor(storage.toBuilder().location(folder.toString()).build()).build());
            }
        }
        for (int from = 0; from < added.size(); from += 100) {
            List<PartitionInput> batch = added.subList(from, Math.min(added.size(), from + 100));
            BatchCreatePartitionResponse response = glue.batchCreatePartition(r -> r.catalogId(catalogId).databaseName(database)
                    .tableName(tableName).partitionInputList(batch));
            if (!response.errors().isEmpty()) {
                throw new IllegalStateException("BatchCreatePartition refused partitions of " + database + "." + tableName + ": " + response.errors());
            }
        }
        if (!added.isEmpty()) {
            out.println("Data Catalog: added " + added.size() + " partition(s) to " + database + "." + tableName + ": "
                    + added.stream().map(PartitionInput::values).toList());
        }
    }

    private StorageDescriptor storage(String root, List<software.amazon.awssdk.services.glue.model.Column> columns) {
        StorageDescriptor.Builder sd = StorageDescriptor.builder().location(root).columns(columns);
        return switch (format) {
            case "parquet" -> sd.inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                    .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                    .serdeInfo(SerDeInfo.builder().serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                            .parameters(Map.of("serialization.format", "1")).build()).build();
            case "orc" -> sd.inputFormat("org.apache.hadoop.hive.ql.io.orc.OrcInputFormat")
                    .outputFormat("org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat")
                    .serdeInfo(SerDeInfo.builder().serializationLibrary("org.apache.hadoop.hive.ql.io.orc.OrcSerde").build()).build();
            case "json" -> sd.inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                    .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                    .serdeInfo(SerDeInfo.builder().serializationLibrary("org.openx.data.jsonserde.JsonSerDe").build()).build();
            case "csv" -> sd.inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                    .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                    .serdeInfo(SerDeInfo.builder().serializationLibrary("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
                            .parameters(Map.of("field.delim", formatOptions.getString("separator", ","))).build()).build();
            default -> throw new IllegalArgumentException("enableUpdateCatalog writes json, csv, glueparquet or orc, not " + format);
        };
    }

    private static software.amazon.awssdk.services.glue.model.Column column(StructField field) {
        return software.amazon.awssdk.services.glue.model.Column.builder().name(field.name())
                .type(field.dataType().catalogString()).build();
    }
}
