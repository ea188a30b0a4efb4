package gluelab.glue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import gluelab.glue.source.Formats;
import gluelab.glue.util.JsonOptions;

/**
 * A Glue sink writing files: parquet (or glueparquet), csv, json or orc under {@code path},
 * optionally partitioned by {@code partitionKeys} into {@code key=value/} folders.
 * CSV format options: {@code writeHeader} (default true), {@code separator}, {@code quoteChar};
 * parquet: {@code compression} (default snappy). A frame without fields writes nothing.
 */
public final class DataSink {

    private final GlueContext glueContext;
    private final JsonOptions options;
    private final String transformationContext;
    private final String format;
    private final JsonOptions formatOptions;

    DataSink(GlueContext glueContext, String connectionType, JsonOptions options, String transformationContext,
             String format, JsonOptions formatOptions) {
        if (connectionType != null && !List.of("s3", "file", "hdfs").contains(connectionType.toLowerCase())) {
            throw new IllegalArgumentException("Unsupported connection type '" + connectionType + "' for a sink: use s3");
        }
        this.glueContext = glueContext;
        this.options = options;
        this.transformationContext = transformationContext;
        this.format = Formats.normalize(format == null ? "parquet" : format);
        this.formatOptions = formatOptions == null ? JsonOptions.empty() : formatOptions;
    }

    public DynamicFrame writeDynamicFrame(DynamicFrame frame) {
        String path = options.getString("path").orElseThrow(() ->
                new IllegalArgumentException("The sink's connection options need \"path\": \"s3://bucket/prefix/\""));
        SparkSession session = glueContext.getSparkSession();
        String qualified = qualify(session, path);
        Dataset<Row> df = frame.toDF();
        if (df.columns().length > 0) {
            write(df, path);
        }
        glueContext.run().metrics().recordSink(session, transformationContext, qualified, System.out);
        return frame;
    }

    private void write(Dataset<Row> df, String path) {
        DataFrameWriter<Row> writer = df.write().format(format);
        String mode = options.getString("mode", "append").toLowerCase();
        writer = writer.mode(switch (mode) {
            case "append" -> SaveMode.Append;
            case "overwrite" -> SaveMode.Overwrite;
            default -> throw new IllegalArgumentException("Unknown sink mode '" + mode + "': use append or overwrite");
        });
        if (options.has("partitionOverwriteMode")) {
            writer = writer.option("partitionOverwriteMode", options.getString("partitionOverwriteMode", "static").toLowerCase());
        }
        List<String> partitionKeys = options.getStringList("partitionKeys");
        if (!partitionKeys.isEmpty()) {
            writer = writer.partitionBy(partitionKeys.toArray(String[]::new));
        }
        if (format.equals("csv")) {
            writer = writer.option("header", formatOptions.getBoolean("writeHeader", true))
                    .option("sep", formatOptions.getString("separator", ","));
        }
        for (Map.Entry<String, Object> e : formatOptions.asMap().entrySet()) {
            if (!List.of("writeHeader", "separator", "quoteChar").contains(e.getKey())) {
                writer = writer.option(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        if (formatOptions.has("quoteChar")) {
            writer = writer.option("quote", formatOptions.getString("quoteChar", "\""));
        }
        writer.save(path);
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
