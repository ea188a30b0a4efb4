package gluelab.glue;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

import gluelab.glue.util.JsonOptions;

/**
 * The entry point of a Glue job: wraps the SparkSession and makes sources and sinks, as Glue's
 * {@code com.amazonaws.services.glue.GlueContext} does.
 * <pre>
 * GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
 * DynamicFrame orders = glueContext.getSourceWithFormat("s3",
 *         JsonOptions.of("paths", List.of("s3://raw/orders/")), "orders_source", "csv",
 *         JsonOptions.of("withHeader", true)).getDynamicFrame();
 * </pre>
 */
public class GlueContext {

    private final SparkSession sparkSession;
    private final GlueRun run;

    public GlueContext(SparkContext sparkContext) {
        this(sessionFor(sparkContext));
    }

    public GlueContext(SparkSession sparkSession) {
        this.sparkSession = sparkSession;
        this.run = GlueRun.current();
        run.attach(sparkSession);
    }

    /** A GlueContext over the active SparkSession (the run's session in Lab Cloud). */
    public static GlueContext getOrCreate() {
        return new GlueContext(SparkSession.builder().getOrCreate());
    }

    private static SparkSession sessionFor(SparkContext sparkContext) {
        // The worker makes one session per run and sets it active on the run thread.
        return SparkSession.getActiveSession().getOrElse(() -> SparkSession.builder().sparkContext(sparkContext).getOrCreate());
    }

    public SparkSession getSparkSession() {
        return sparkSession;
    }

    public SparkSession sparkSession() {
        return sparkSession;
    }

    public SparkContext getSparkContext() {
        return sparkSession.sparkContext();
    }

    GlueRun run() {
        return run;
    }

    // ---- sources from options ------------------------------------------------------------

    /**
     * A source over S3 (or any Hadoop file system) objects. Connection options: {@code paths}
     * (list), {@code recurse}, {@code exclusions} (JSON list of globs), {@code groupFiles} and
     * {@code groupSize} (accepted; Spark already packs small files into partitions).
     */
    public DataSource getSourceWithFormat(String connectionType, JsonOptions options, String transformationContext,
                                          String format, JsonOptions formatOptions) {
        return new FileSource(this, connectionType, options, transformationContext, format, formatOptions);
    }

    public DataSource getSourceWithFormat(String connectionType, JsonOptions options, String transformationContext,
                                          String format) {
        return getSourceWithFormat(connectionType, options, transformationContext, format, JsonOptions.empty());
    }

    // ---- sources from the catalog ----------------------------------------------------------

    /**
     * A source over a Data Catalog table. {@code pushDownPredicate} is a Spark SQL expression over
     * the partition columns, evaluated on the partitions' values before any file is listed;
     * {@code additionalOptions} may carry {@code catalogPartitionPredicate}, sent to GetPartitions
     * as its server-side {@code Expression}.
     */
    public DataSource getCatalogSource(String database, String tableName, String transformationContext,
                                       String pushDownPredicate, JsonOptions additionalOptions) {
        return new CatalogSource(this, database, tableName, transformationContext, pushDownPredicate, additionalOptions, null);
    }

    /** Glue's own parameter order: database, tableName, redshiftTmpDir, transformationContext, pushDownPredicate, additionalOptions, catalogId. */
    public DataSource getCatalogSource(String database, String tableName, String redshiftTmpDir, String transformationContext,
                                       String pushDownPredicate, JsonOptions additionalOptions, String catalogId) {
        return new CatalogSource(this, database, tableName, transformationContext, pushDownPredicate, additionalOptions, catalogId);
    }

    public DataSource getCatalogSource(String database, String tableName, String transformationContext) {
        return getCatalogSource(database, tableName, transformationContext, null, JsonOptions.empty());
    }

    public DataSource getCatalogSource(String database, String tableName) {
        return getCatalogSource(database, tableName, null);
    }

    // ---- sinks -------------------------------------------------------------------------

    /**
     * A sink writing files. Connection options: {@code path}, {@code partitionKeys} (list), and,
     * beyond Glue's own S3 sink (which always appends), {@code mode} ({@code append} or
     * {@code overwrite}) and {@code partitionOverwriteMode} ({@code dynamic} replaces only the
     * partitions the frame has rows for).
     */
    public DataSink getSinkWithFormat(String connectionType, JsonOptions options, String transformationContext,
                                      String format, JsonOptions formatOptions) {
        return new DataSink(this, connectionType, options, transformationContext, format, formatOptions);
    }

    public DataSink getSinkWithFormat(String connectionType, JsonOptions options, String transformationContext, String format) {
        return getSinkWithFormat(connectionType, options, transformationContext, format, JsonOptions.empty());
    }
}
