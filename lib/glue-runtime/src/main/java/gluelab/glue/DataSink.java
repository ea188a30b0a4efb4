package gluelab.glue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import gluelab.glue.jdbc.JdbcTable;
import gluelab.glue.sink.CatalogUpdate;
import gluelab.glue.source.Formats;
import gluelab.glue.util.JsonOptions;

/**
 * Glue's S3 sink: writes a frame's records as files under {@code path}, in parquet (or glueparquet), csv, json or
 * orc, optionally in {@code partitionKeys} folders ({@code year=2026/month=1/}). Like Glue's, it only ever
 * <em>adds</em> files: replacing what is there is {@code glueContext.purgeS3Path} first, or Spark's own writer.
 * <p>
 * Connection options are Glue's: {@code path}, {@code partitionKeys}, {@code compression}, and, to register what
 * it wrote in the Data Catalog ({@link #setCatalogInfo}), {@code enableUpdateCatalog} and {@code updateBehavior}
 * ({@code UPDATE_IN_DATABASE}, the default, or {@code LOG}). Any other option, such as Spark's {@code mode}, is
 * refused: AWS Glue would not act on it. CSV format options: {@code writeHeader} (default true),
 * {@code separator}, {@code quoteChar}; parquet: {@code compression} (default snappy). A frame without fields
 * writes nothing.
 */
public final class DataSink {

    private static final Set<String> CONNECTION_OPTIONS = Set.of("path", "partitionKeys", "compression",
            "enableUpdateCatalog", "updateBehavior");

    private final GlueContext glueContext;
    private final JsonOptions options;
    private final String transformationContext;
    private String format;
    private JsonOptions formatOptions;
    private String catalogDatabase;
    private String catalogTableName;
    private String catalogId;
    private final JdbcTable jdbcTable;

    /** A JDBC sink: appends to its table. */
    DataSink(GlueContext glueContext, JdbcTable jdbcTable, String transformationContext) {
        this.glueContext = glueContext;
        this.options = JsonOptions.empty();
        this.transformationContext = transformationContext;
        this.jdbcTable = jdbcTable;
    }

    DataSink(GlueContext glueContext, String connectionType, JsonOptions options, String transformationContext,
             String format, JsonOptions formatOptions) {
        if (connectionType != null && !List.of("s3", "file", "hdfs").contains(connectionType.toLowerCase())) {
            throw new IllegalArgumentException("Unsupported connection type '" + connectionType + "' for a sink: use s3");
        }
        checkConnectionOptions(options);
        this.jdbcTable = null;
        this.glueContext = glueContext;
        this.options = options;
        this.transformationContext = transformationContext;
        if (format != null) {
            setFormat(format, formatOptions);
        }
    }

    /** The format to write, as Glue's {@code DataSink.setFormat}: after {@code getSink}, before writing. */
    public DataSink setFormat(String format, JsonOptions formatOptions) {
        JsonOptions given = formatOptions == null ? JsonOptions.empty() : formatOptions;
        Formats.checkOptions(format, given);
        this.format = format;
        this.formatOptions = given;
        return this;
    }

    /**
     * The Data Catalog table this sink keeps up to date when {@code enableUpdateCatalog} is true: it creates
     * the table on the first write, adds a partition for every new {@code partitionKeys} folder, and updates the
     * columns per {@code updateBehavior}. No crawler needed.
     */
    public DataSink setCatalogInfo(String catalogDatabase, String catalogTableName) {
        return setCatalogInfo(catalogDatabase, catalogTableName, null);
    }

    public DataSink setCatalogInfo(String catalogDatabase, String catalogTableName, String catalogId) {
        this.catalogDatabase = catalogDatabase;
        this.catalogTableName = catalogTableName;
        this.catalogId = catalogId;
        return this;
    }

    public DynamicFrame writeDynamicFrame(DynamicFrame frame) {
        if (jdbcTable != null) {
            jdbcTable.append(frame.toDF());
            return frame;
        }
        String path = options.getString("path").orElseThrow(() ->
                new IllegalArgumentException("The sink's connection options need \"path\": \"s3://bucket/prefix/\""));
        if (format == null) {
            throw new IllegalStateException("The sink has no format: call setFormat(\"glueparquet\", JsonOptions.empty()) before writing");
        }
        boolean updateCatalog = options.getBoolean("enableUpdateCatalog", false);
        CatalogUpdate catalog = updateCatalog ? catalogUpdate() : null;
        SparkSession session = glueContext.getSparkSession();
        String qualified = qualify(session, path);
        Dataset<Row> df = frame.toDF();
        if (df.columns().length > 0) {
            refuseUnresolvedChoices(frame);
            write(df, path);
            if (catalog != null) {
                catalog.apply(glueContext.run().environment(), df, qualified);
            }
        }
        glueContext.run().metrics().recordSink(session, transformationContext, qualified, System.out);
        return frame;
    }

    private CatalogUpdate catalogUpdate() {
        if (catalogDatabase == null || catalogTableName == null) {
            throw new IllegalStateException("enableUpdateCatalog needs the table to update: call"
                    + " sink.setCatalogInfo(database, table) before writeDynamicFrame");
        }
        if (Formats.normalize(format).equals("parquet") && !format.equalsIgnoreCase("glueparquet")) {
            throw new IllegalArgumentException("enableUpdateCatalog writes Parquet with Glue's own writer: use the format"
                    + " \"glueparquet\", not \"parquet\" (AWS Glue refuses parquet with enableUpdateCatalog)");
        }
        String behavior = options.getString("updateBehavior", "UPDATE_IN_DATABASE");
        if (!List.of("UPDATE_IN_DATABASE", "LOG").contains(behavior)) {
            throw new IllegalArgumentException("updateBehavior is UPDATE_IN_DATABASE or LOG, not " + behavior);
        }
        return new CatalogUpdate(catalogDatabase, catalogTableName, catalogId, Formats.normalize(format), formatOptions,
                options.getStringList("partitionKeys"), behavior.equals("UPDATE_IN_DATABASE"), System.out);
    }

    private void refuseUnresolvedChoices(DynamicFrame frame) {
        Map<String, List<String>> choices = frame.choices();
        String f = Formats.normalize(format);
        if (!choices.isEmpty() && (f.equals("parquet") || f.equals("orc"))) {
            throw new IllegalArgumentException("The frame still has choice fields " + choices + ", which " + f
                    + " cannot hold: settle each with resolveChoice (e.g. {\"" + choices.keySet().iterator().next()
                    + "\", \"cast:double\"}) or applyMapping before writing");
        }
    }

    private void write(Dataset<Row> df, String path) {
        String f = Formats.normalize(format);
        DataFrameWriter<Row> writer = df.write().format(f).mode(SaveMode.Append);
        List<String> partitionKeys = options.getStringList("partitionKeys");
        if (!partitionKeys.isEmpty()) {
            writer = writer.partitionBy(partitionKeys.toArray(String[]::new));
        }
        if (f.equals("csv")) {
            writer = writer.option("header", formatOptions.getBoolean("writeHeader", true))
                    .option("sep", formatOptions.getString("separator", ","));
            if (formatOptions.has("quoteChar")) {
                writer = writer.option("quote", formatOptions.getString("quoteChar", "\""));
            }
        }
        String compression = formatOptions.getString("compression").or(() -> options.getString("compression")).orElse(null);
        if (compression != null) {
            writer = writer.option("compression", compression);
        }
        writer.save(path);
    }

    private static void checkConnectionOptions(JsonOptions options) {
        Set<String> unknown = new TreeSet<>(options.asMap().keySet());
        unknown.removeAll(CONNECTION_OPTIONS);
        if (unknown.isEmpty()) {
            return;
        }
        if (unknown.contains("mode") || unknown.contains("partitionOverwriteMode")) {
            throw new IllegalArgumentException("AWS Glue's S3 sink has no option " + String.join(", ", unknown)
                    + ": it only adds files to its path. To replace what is there, empty the path first with"
                    + " glueContext.purgeS3Path(path, JsonOptions.of(\"retentionPeriod\", 0), ctx) and then write, or write"
                    + " with Spark's own writer, frame.toDF().write().mode(\"overwrite\")…; to replace only the partitions"
                    + " a frame has rows for, use Spark's writer with partitionOverwriteMode dynamic (notebook 09)");
        }
        throw new IllegalArgumentException("AWS Glue's S3 sink has no option " + String.join(", ", unknown)
                + "; its options are " + new TreeSet<>(CONNECTION_OPTIONS));
    }

    private static String qualify(SparkSession session, String path) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(session.sessionState().newHadoopConf()).makeQualified(p).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
