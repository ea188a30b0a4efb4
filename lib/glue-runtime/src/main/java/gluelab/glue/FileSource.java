package gluelab.glue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import gluelab.glue.aws.AwsGlue;
import gluelab.glue.source.FileListing;
import gluelab.glue.source.Formats;
import gluelab.glue.source.SourceFile;
import gluelab.glue.util.JsonOptions;

/**
 * {@code getSourceWithFormat("s3", …)}: list, apply exclusions and the bookmark, read, record. With
 * {@code groupFiles} {@code inPartition} and a {@code groupSize} (bytes), the files are read in groups of about
 * that size, one Spark task each, as Glue groups many small files. On AWS Glue the read is Glue's own.
 */
final class FileSource implements DataSource {

    /** Glue's S3 source connection options (Glue's connection types and options reference). */
    private static final Set<String> CONNECTION_OPTIONS = Set.of("paths", "recurse", "exclusions", "groupFiles", "groupSize",
            "maxBand", "maxFilesInBand", "isFailFast", "useS3ListImplementation", "boundedFiles", "boundedSize");
    /** The column AWS Glue's attachFilename adds when the runtime asks which files a source read on AWS. */
    private static final String SOURCE_FILE_COLUMN = "__gluelab_source_file";

    private final GlueContext glueContext;
    private final String connectionType;
    private final JsonOptions options;
    private final String transformationContext;
    private final String format;
    private final JsonOptions formatOptions;

    FileSource(GlueContext glueContext, String connectionType, JsonOptions options, String transformationContext,
               String format, JsonOptions formatOptions) {
        if (connectionType != null && !List.of("s3", "file", "hdfs").contains(connectionType.toLowerCase())) {
            throw new IllegalArgumentException("Unsupported connection type '" + connectionType + "' for a file source: use s3");
        }
        Set<String> unknown = new TreeSet<>(options.asMap().keySet());
        unknown.removeAll(CONNECTION_OPTIONS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("AWS Glue's S3 source has no option " + String.join(", ", unknown)
                    + (unknown.contains("path") ? " (it reads \"paths\", a list)" : "") + "; its options are " + new TreeSet<>(CONNECTION_OPTIONS));
        }
        this.glueContext = glueContext;
        this.connectionType = connectionType;
        this.options = options;
        this.transformationContext = transformationContext;
        this.format = format;
        this.formatOptions = formatOptions == null ? JsonOptions.empty() : formatOptions;
        Formats.checkOptions(format, this.formatOptions);
    }

    @Override
    public DynamicFrame getDynamicFrame() {
        List<String> paths = options.getStringList("paths");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("The source's connection options need \"paths\": [\"s3://bucket/prefix/\"]");
        }
        if (glueContext.awsGlue().isPresent()) {
            return readOnAwsGlue(glueContext.awsGlue().get());
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
        return new DynamicFrame(grouped(df, selected), glueContext, transformationContext);
    }

    /** {@code groupFiles}: the files in groups of about {@code groupSize} bytes, one task per group. */
    private Dataset<Row> grouped(Dataset<Row> df, List<SourceFile> files) {
        if (!"inPartition".equals(options.getString("groupFiles", "none")) || !options.has("groupSize")) {
            return df;
        }
        long groupSize = Long.parseLong(options.getString("groupSize", "1"));
        long bytes = files.stream().mapToLong(SourceFile::size).sum();
        int groups = (int) Math.max(1, Math.min(files.size(), (bytes + groupSize - 1) / Math.max(1, groupSize)));
        return df.coalesce(groups);
    }

    /**
     * The read on AWS Glue: Glue's source filters by its own job bookmark. Which files it read, and how many rows,
     * the runtime learns from Glue's {@code attachFilename} (csv and json) for the run's metric lines.
     */
    private DynamicFrame readOnAwsGlue(AwsGlue awsGlue) {
        String f = Formats.normalize(format);
        boolean traceFiles = (f.equals("csv") || f.equals("json")) && !formatOptions.has("attachFilename");
        JsonOptions readOptions = traceFiles ? formatOptions.with("attachFilename", SOURCE_FILE_COLUMN) : formatOptions;
        Dataset<Row> df = awsGlue.readWithFormat(glueContext.awsGlueContext().orElseThrow(), connectionType, options, transformationContext,
                format, readOptions);
        if (!traceFiles || df.columns().length == 0) {
            glueContext.run().metrics().registerSource(transformationContext, List.of());
            return new DynamicFrame(df, glueContext, transformationContext);
        }
        List<String> files = new ArrayList<>();
        long rows = 0;
        for (Row file : df.groupBy(SOURCE_FILE_COLUMN).count().collectAsList()) {
            files.add(file.getString(0));
            rows += file.getLong(1);
        }
        files.sort(null);
        glueContext.run().metrics().registerSource(transformationContext, files, rows);
        return new DynamicFrame(df.drop(functions.col(SOURCE_FILE_COLUMN)), glueContext, transformationContext);
    }
}
