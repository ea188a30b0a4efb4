package gluelab.glue;

import java.util.Optional;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

import gluelab.glue.aws.AwsGlue;
import gluelab.glue.util.JsonOptions;

/**
 * The entry point of a Glue job: wraps the SparkSession and makes sources and sinks, as Glue's
 * {@code com.amazonaws.services.glue.GlueContext} does. On AWS Glue it wraps Glue's own GlueContext too, and
 * hands it the job's S3 and catalog sources ({@link AwsGlue}), so that Glue keeps their job bookmarks.
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
    private final Optional<AwsGlue> awsGlue;
    private final Object awsGlueContext;

    public GlueContext(SparkContext sparkContext) {
        this(sessionFor(sparkContext));
    }

    public GlueContext(SparkSession sparkSession) {
        this.sparkSession = sparkSession;
        this.run = GlueRun.current();
        run.attach(sparkSession);
        this.awsGlue = AwsGlue.detect();
        this.awsGlueContext = awsGlue.map(glue -> glue.newGlueContext(sparkSession.sparkContext())).orElse(null);
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

    /** AWS Glue's own classes, and its GlueContext, when the job runs on AWS Glue. */
    Optional<AwsGlue> awsGlue() {
        return awsGlue;
    }

    /**
     * AWS Glue's own {@code com.amazonaws.services.glue.GlueContext} when the job runs on AWS Glue; empty in Lab
     * Cloud and in a local run.
     */
    public Optional<Object> awsGlueContext() {
        return Optional.ofNullable(awsGlueContext);
    }

    // ---- sources from options ------------------------------------------------------------

    /**
     * A source over S3 (or any Hadoop file system) objects. Connection options: {@code paths}
     * (list), {@code recurse}, {@code exclusions} (JSON list of globs), {@code groupFiles}
     * ({@code inPartition}) with {@code groupSize} (bytes per group), and {@code maxBand},
     * {@code maxFilesInBand} (bookmark tuning, accepted). See {@link FileSource}.
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
     * A sink writing files (see {@link DataSink}): connection options {@code path}, {@code partitionKeys},
     * {@code compression}, {@code enableUpdateCatalog}, {@code updateBehavior}. Glue's S3 sink only adds files;
     * an option it does not have (Spark's {@code mode}) is refused.
     */
    public DataSink getSinkWithFormat(String connectionType, JsonOptions options, String transformationContext,
                                      String format, JsonOptions formatOptions) {
        return new DataSink(this, connectionType, options, transformationContext, format, formatOptions);
    }

    public DataSink getSinkWithFormat(String connectionType, JsonOptions options, String transformationContext, String format) {
        return getSinkWithFormat(connectionType, options, transformationContext, format, JsonOptions.empty());
    }

    /** Glue's {@code getSink}: a sink whose format is set next with {@code setFormat}, as in Glue's catalog-updating writes. */
    public DataSink getSink(String connectionType, JsonOptions options, String transformationContext) {
        return new DataSink(this, connectionType, options, transformationContext, null, null);
    }

    public DataSink getSink(String connectionType, JsonOptions options) {
        return getSink(connectionType, options, "");
    }

    // ---- S3 housekeeping ---------------------------------------------------------------

    /**
     * Glue's {@code purgeS3Path}: deletes the objects under {@code s3Path} that are older than
     * {@code retentionPeriod} hours (default 168, a week: pass 0 to delete everything). Options:
     * {@code retentionPeriod}, {@code excludeStorageClasses} (accepted; Lab Cloud has one storage class) and
     * {@code manifestFilePath} (a file listing what was deleted). Not atomic: a reader between the purge and the
     * next write sees no data.
     */
    public void purgeS3Path(String s3Path, JsonOptions options, String transformationContext) {
        S3Purge.purge(sparkSession.sessionState().newHadoopConf(), s3Path, options == null ? JsonOptions.empty() : options, System.out);
    }

    public void purgeS3Path(String s3Path, JsonOptions options) {
        purgeS3Path(s3Path, options, "");
    }
}
