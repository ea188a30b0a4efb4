package gluelab.glue;

import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import gluelab.glue.source.FileListing;
import gluelab.glue.source.Formats;
import gluelab.glue.source.SourceFile;
import gluelab.glue.util.JsonOptions;

/** {@code getSourceWithFormat("s3", …)}: list, apply exclusions and the bookmark, read, record. */
final class FileSource implements DataSource {

    private final GlueContext glueContext;
    private final JsonOptions options;
    private final String transformationContext;
    private final String format;
    private final JsonOptions formatOptions;

    FileSource(GlueContext glueContext, String connectionType, JsonOptions options, String transformationContext,
               String format, JsonOptions formatOptions) {
        if (connectionType != null && !List.of("s3", "file", "hdfs").contains(connectionType.toLowerCase())) {
            throw new IllegalArgumentException("Unsupported connection type '" + connectionType + "' for a file source: use s3");
        }
        this.glueContext = glueContext;
        this.options = options;
        this.transformationContext = transformationContext;
        this.format = format;
        this.formatOptions = formatOptions == null ? JsonOptions.empty() : formatOptions;
    }

    @Override
    public DynamicFrame getDynamicFrame() {
        List<String> paths = options.getStringList("paths");
        if (paths.isEmpty()) {
            paths = options.getStringList("path");
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("The source's connection options need \"paths\": [\"s3://bucket/prefix/\"]");
        }
        SparkSession session = glueContext.getSparkSession();
        Configuration conf = session.sessionState().newHadoopConf();
        List<SourceFile> listed = FileListing.list(conf, paths, options.getBoolean("recurse", false), options.getStringList("exclusions"));
        List<SourceFile> selected = glueContext.run().bookmarks().select(transformationContext, paths, listed);
        List<String> files = selected.stream().map(SourceFile::path).toList();
        glueContext.run().metrics().registerSource(transformationContext, files);
        if (files.isEmpty()) {
            return new DynamicFrame(session.emptyDataFrame(), glueContext, transformationContext);
        }
        String basePath = paths.size() == 1 && !files.contains(new org.apache.hadoop.fs.Path(paths.get(0)).toString()) ? paths.get(0) : null;
        Dataset<Row> df = Formats.read(session, format, formatOptions, files, basePath, null);
        return new DynamicFrame(df, glueContext, transformationContext);
    }
}
