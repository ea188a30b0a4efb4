package gluelab.glue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import gluelab.glue.jdbc.JdbcTable;
import gluelab.glue.source.FileListing;
import gluelab.glue.source.Formats;
import gluelab.glue.source.SourceFile;
import gluelab.glue.spi.AwsClients;
import gluelab.glue.spi.RunEnvironment;
import gluelab.glue.types.GlueTypes;
import gluelab.glue.util.JsonOptions;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * {@code getCatalogSource(database, table, …)}: reads a Data Catalog table through the Glue API.
 * GetTable gives the location, format and columns; for a partitioned table, GetPartitions (with
 * {@code catalogPartitionPredicate} as its server-side {@code Expression}) gives the partitions,
 * and {@code push_down_predicate} is evaluated here on their values, so only the matching
 * partitions' objects are listed and read. Partition columns are added from the partition values.
 */
final class CatalogSource implements DataSource {

    private final GlueContext glueContext;
    private final String database;
    private final String tableName;
    private final String transformationContext;
    private final String pushDownPredicate;
    private final JsonOptions additionalOptions;
    private final String catalogId;

    CatalogSource(GlueContext glueContext, String database, String tableName, String transformationContext,
                  String pushDownPredicate, JsonOptions additionalOptions, String catalogId) {
        this.glueContext = glueContext;
        this.database = database;
        this.tableName = tableName;
        this.transformationContext = transformationContext;
        this.pushDownPredicate = pushDownPredicate;
        this.additionalOptions = additionalOptions == null ? JsonOptions.empty() : additionalOptions;
        this.catalogId = catalogId;
    }

    private record Location(String path, List<String> values) {
    }

    /**
     * The table's data typed as Glue's DynamicFrame reader types it: CSV and JSON record by record, whatever the
     * catalog declares (a whole number is a long, a column of mixed values a choice).
     */
    @Override
    public DynamicFrame getDynamicFrame() {
        return new DynamicFrame(read(false), glueContext, transformationContext);
    }

    /**
     * The table's data with the types its catalog entry declares, as Glue's {@code getDataFrame()} (Scala) and
     * {@code create_data_frame.from_catalog} (Python) read it: no record-by-record typing, so no pass over the data
     * before the job's own, and a {@code double} column stays a double whatever its values look like.
     */
    @Override
    public Dataset<Row> getDataFrame() {
        return read(true);
    }

    private Dataset<Row> read(boolean declaredTypes) {
        if (glueContext.awsGlue().isPresent()) {
            // On AWS Glue the catalog read, and its job bookmark, are Glue's own.
            Dataset<Row> df = glueContext.awsGlue().get().readCatalogTable(glueContext.awsGlueContext().orElseThrow(), database, tableName, "",
                    transformationContext, pushDownPredicate, additionalOptions, catalogId);
            glueContext.run().metrics().registerSource(transformationContext, List.of());
            return df;
        }
        RunEnvironment environment = glueContext.run().environment();
        Table table;
        List<Location> locations = new ArrayList<>();
        try (GlueClient glue = AwsClients.glue(environment)) {
            table = glue.getTable(r -> r.databaseName(database).name(tableName).catalogId(catalogId)).table();
            if (JdbcTable.isJdbc(table.parameters().get("classification"))) {
                return new JdbcSource(glueContext, jdbcTable(environment, table), transformationContext).getDynamicFrame().toDF();
            }
            if (table.partitionKeys().isEmpty()) {
                locations.add(new Location(table.storageDescriptor().location(), List.of()));
            } else {
                GetPartitionsRequest.Builder request = GetPartitionsRequest.builder()
                        .databaseName(database).tableName(tableName).catalogId(catalogId);
                additionalOptions.getString("catalogPartitionPredicate").filter(s -> !s.isBlank()).ifPresent(request::expression);
                for (Partition partition : (Iterable<Partition>) glue.getPartitionsPaginator(request.build()).stream().flatMap(page -> page.partitions().stream())::iterator) {
                    locations.add(new Location(partition.storageDescriptor().location(), partition.values()));
                }
            }
        }
        List<software.amazon.awssdk.services.glue.model.Column> keys = table.partitionKeys();
        SparkSession session = glueContext.getSparkSession();
        if (!keys.isEmpty() && pushDownPredicate != null && !pushDownPredicate.isBlank()) {
            locations = matching(session, keys, locations);
        }

        Configuration conf = session.sessionState().newHadoopConf();
        List<String> paths = locations.stream().map(Location::path).toList();
        List<SourceFile> listed = FileListing.list(conf, paths, true, additionalOptions.getStringList("exclusions"));
        List<SourceFile> selected = glueContext.run().bookmarks().select(transformationContext, paths, listed);
        List<String> files = selected.stream().map(SourceFile::path).toList();
        glueContext.run().metrics().registerSource(transformationContext, files);

        String format = formatOf(table);
        JsonOptions formatOptions = formatOptionsOf(table);
        StructType dataSchema = format.equals("parquet") || format.equals("orc") ? null : schemaOf(table.storageDescriptor());
        Dataset<Row> result = null;
        for (Location location : locations) {
            String prefix = new org.apache.hadoop.fs.Path(location.path()).toString();
            List<String> own = files.stream().filter(f -> f.startsWith(prefix.endsWith("/") ? prefix : prefix + "/") || f.equals(prefix)).toList();
            if (own.isEmpty()) {
                continue;
            }
            Dataset<Row> part = Formats.read(session, format, formatOptions, own, null, dataSchema, declaredTypes);
            for (int i = 0; i < keys.size(); i++) {
                // when(true, …) rather than a bare literal: a table's partition column is nullable, as Spark reads it
                part = part.withColumn(keys.get(i).name(), functions.when(functions.lit(true),
                        functions.lit(location.values().get(i))).cast(GlueTypes.parse(keys.get(i).type())));
            }
            result = result == null ? part : result.unionByName(part, true);
        }
        return result == null ? session.emptyDataFrame() : result;
    }

    /**
     * A JDBC-crawled table: its {@code connectionName} parameter names the Glue connection, and its Location,
     * {@code <database>.<schema>.<table>}, the table in the database of that name.
     */
    private JdbcTable jdbcTable(RunEnvironment environment, Table table) {
        String connectionName = table.parameters().get("connectionName");
        String location = table.storageDescriptor() == null ? null : table.storageDescriptor().location();
        String[] parts = location == null ? new String[0] : location.split("\\.", 2);
        if (connectionName == null || parts.length < 2) {
            throw new IllegalArgumentException("The JDBC table " + database + "." + tableName + " needs the parameter"
                    + " connectionName and a Location <database>.<schema>.<table>; it has connectionName " + connectionName
                    + " and Location " + location);
        }
        return JdbcTable.ofConnection(environment, connectionName, parts[0], parts[1], additionalOptions);
    }

    /** The locations whose partition values satisfy {@code push_down_predicate}. */
    private List<Location> matching(SparkSession session, List<software.amazon.awssdk.services.glue.model.Column> keys,
                                    List<Location> locations) {
        List<StructField> raw = new ArrayList<>();
        raw.add(DataTypes.createStructField("__partition_index", DataTypes.IntegerType, false));
        keys.forEach(k -> raw.add(DataTypes.createStructField(k.name(), DataTypes.StringType, true)));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            Object[] values = new Object[keys.size() + 1];
            values[0] = i;
            for (int k = 0; k < keys.size(); k++) {
                values[k + 1] = locations.get(i).values().get(k);
            }
            rows.add(RowFactory.create(values));
        }
        List<org.apache.spark.sql.Column> typed = new ArrayList<>();
        typed.add(functions.col("__partition_index"));
        keys.forEach(k -> typed.add(functions.col("`" + k.name() + "`").cast(GlueTypes.parse(k.type())).as(k.name())));
        List<Row> kept = session.createDataFrame(rows, DataTypes.createStructType(raw))
                .select(typed.toArray(org.apache.spark.sql.Column[]::new))
                .filter(pushDownPredicate)
                .select("__partition_index").collectAsList();
        List<Location> result = new ArrayList<>();
        kept.forEach(r -> result.add(locations.get(r.getInt(0))));
        return result;
    }

    private static String formatOf(Table table) {
        Map<String, String> parameters = table.parameters();
        String classification = parameters == null ? null : parameters.get("classification");
        if (classification != null) {
            return Formats.normalize(classification);
        }
        StorageDescriptor sd = table.storageDescriptor();
        String hint = ((sd.serdeInfo() == null ? "" : String.valueOf(sd.serdeInfo().serializationLibrary())) + " "
                + sd.inputFormat()).toLowerCase(Locale.ROOT);
        if (hint.contains("parquet")) {
            return "parquet";
        }
        if (hint.contains("json")) {
            return "json";
        }
        if (hint.contains("orc")) {
            return "orc";
        }
        return "csv";
    }

    private static JsonOptions formatOptionsOf(Table table) {
        Map<String, String> serde = table.storageDescriptor().serdeInfo() == null
                ? Map.of() : table.storageDescriptor().serdeInfo().parameters();
        Map<String, String> parameters = table.parameters() == null ? Map.of() : table.parameters();
        JsonOptions options = JsonOptions.empty();
        String delimiter = serde.getOrDefault("field.delim", serde.get("separatorChar"));
        if (delimiter != null) {
            options = options.with("separator", delimiter);
        }
        if (serde.containsKey("quoteChar")) {
            options = options.with("quoteChar", serde.get("quoteChar"));
        }
        if ("1".equals(parameters.get("skip.header.line.count"))) {
            options = options.with("withHeader", true);
        }
        return options;
    }

    private static StructType schemaOf(StorageDescriptor sd) {
        if (sd.columns() == null || sd.columns().isEmpty()) {
            return null;
        }
        List<StructField> fields = new ArrayList<>();
        sd.columns().forEach(c -> fields.add(DataTypes.createStructField(c.name(), GlueTypes.parse(c.type()), true)));
        return DataTypes.createStructType(fields);
    }
}
