package gluelab.glue;

import java.util.Map;
import java.util.Optional;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

import gluelab.glue.aws.AwsGlue;
import gluelab.glue.jdbc.GlueConnections;
import gluelab.glue.jdbc.JdbcTable;
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
        if (JdbcTable.isJdbc(connectionType)) {
            return getSource(connectionType, options, transformationContext);
        }
        return new FileSource(this, connectionType, options, transformationContext, format, formatOptions);
    }

    public DataSource getSourceWithFormat(String connectionType, JsonOptions options, String transformationContext,
                                          String format) {
        return getSourceWithFormat(connectionType, options, transformationContext, format, JsonOptions.empty());
    }

    /**
     * Glue's {@code getSource} for a JDBC database ({@code connectionType} {@code postgresql}). Connection options:
     * {@code url}, {@code user}, {@code password} and {@code dbtable}; or {@code useConnectionProperties} "true"
     * with {@code connectionName} (one of the job's Connections) and {@code dbtable}; parallel reads with
     * {@code hashfield} or {@code hashexpression} and {@code hashpartitions}. The frame has the table's column types.
     */
    public DataSource getSource(String connectionType, JsonOptions options, String transformationContext) {
        if (!JdbcTable.isJdbc(connectionType)) {
            throw new IllegalArgumentException("getSource reads JDBC databases (connection type " + JdbcTable.CONNECTION_TYPES
                    + "); read " + connectionType + " with getSourceWithFormat(\"" + connectionType + "\", options, ctx, format, formatOptions)");
        }
        return new JdbcSource(this, JdbcTable.of(run.environment(), connectionType, options), transformationContext);
    }

    public DataSource getSource(String connectionType, JsonOptions options) {
        return getSource(connectionType, options, "");
    }

    /**
     * Glue's {@code extract_jdbc_conf}: the resolved properties of the Glue connection {@code connectionName} (one
     * of the job's Connections), read as the run: {@code url} (without the database), {@code fullUrl},
     * {@code user}, {@code password}, {@code vendor} and {@code enforceSSL}. A {@code SECRET_ID} is read from
     * Secrets Manager with the run's role.
     */
    public Map<String, String> extractJdbcConf(String connectionName) {
        return GlueConnections.resolve(run.environment(), connectionName).toMap();
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
        if (JdbcTable.isJdbc(connectionType)) {
            return new DataSink(this, JdbcTable.of(run.environment(), connectionType, options), transformationContext);
        }
        return new DataSink(this, connectionType, options, transformationContext, null, null);
    }

    /**
     * Glue's {@code getJDBCSink}: appends to {@code dbtable} (created if missing) of the database the Glue connection
     * {@code catalogConnection} names, or of the one the {@code database} option names on the same server.
     */
    public DataSink getJDBCSink(String catalogConnection, JsonOptions options, String redshiftTmpDir,
                                String transformationContext, String catalogId) {
        String vendor = GlueConnections.resolve(run.environment(), catalogConnection).vendor();
        JsonOptions withConnection = options.with("useConnectionProperties", "true").with("connectionName", catalogConnection);
        return getSink(vendor, withConnection, transformationContext);
    }

    public DataSink getJDBCSink(String catalogConnection, JsonOptions options, String transformationContext) {
        return getJDBCSink(catalogConnection, options, "", transformationContext, null);
    }

    public DataSink getJDBCSink(String catalogConnection, JsonOptions options) {
        return getJDBCSink(catalogConnection, options, "", "", null);
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
