package gluelab.glue.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import gluelab.glue.spi.RunEnvironment;
import gluelab.glue.util.JsonOptions;

/**
 * A table of a JDBC database, as Glue's JDBC connection options name it ("Connection types and options for ETL in
 * AWS Glue", JDBC): {@code url}, {@code user}, {@code password} and {@code dbtable}; or {@code useConnectionProperties}
 * {@code "true"} with {@code connectionName} (a Glue connection, resolved as the run) and {@code dbtable}. Reads are
 * parallel with {@code hashpartitions} (default 7) over {@code hashexpression} (a whole-number SQL expression) or
 * {@code hashfield} (any column, hashed); writes append, and create the table when it is missing.
 */
public final class JdbcTable {

    /** The JDBC connection types whose drivers the runtime ships. */
    public static final Set<String> CONNECTION_TYPES = Set.of("postgresql");
    private static final Set<String> OPTIONS = Set.of("url", "user", "password", "dbtable", "useConnectionProperties",
            "connectionName", "hashfield", "hashexpression", "hashpartitions", "bulkSize", "database");
    private static final int DEFAULT_HASH_PARTITIONS = 7;

    private final JdbcConf conf;
    private final String dbtable;
    private final JsonOptions options;

    private JdbcTable(JdbcConf conf, String dbtable, JsonOptions options) {
        this.conf = conf;
        this.dbtable = dbtable;
        this.options = options;
    }

    public static boolean isJdbc(String connectionType) {
        return connectionType != null && CONNECTION_TYPES.contains(connectionType.toLowerCase(Locale.ROOT));
    }

    /** The table {@code options} name, for a source or sink of {@code connectionType}. */
    public static JdbcTable of(RunEnvironment environment, String connectionType, JsonOptions options) {
        Set<String> unknown = new TreeSet<>(options.asMap().keySet());
        unknown.removeAll(OPTIONS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("AWS Glue's JDBC connection options have no " + String.join(", ", unknown)
                    + "; they are " + new TreeSet<>(OPTIONS));
        }
        String dbtable = options.getString("dbtable").filter(s -> !s.isBlank()).orElseThrow(() ->
                new IllegalArgumentException("A JDBC " + connectionType + " source or sink needs \"dbtable\", e.g. \"public.orders\""));
        JdbcConf conf;
        if (options.getBoolean("useConnectionProperties", false)) {
            conf = GlueConnections.resolve(environment, options.getString("connectionName").orElse(null));
        } else {
            String url = options.getString("url").orElseThrow(() -> new IllegalArgumentException("A JDBC source or sink"
                    + " needs \"url\", \"user\" and \"password\", or \"useConnectionProperties\": \"true\" with"
                    + " \"connectionName\""));
            conf = JdbcConf.of(url, options.getString("user").orElse(null), options.getString("password").orElse(null), false);
        }
        if (!conf.vendor().equalsIgnoreCase(connectionType)) {
            throw new IllegalArgumentException("The connection type is " + connectionType + " but the URL " + conf.fullUrl()
                    + " is " + conf.vendor());
        }
        return new JdbcTable(options.getString("database").map(conf::withDatabase).orElse(conf), dbtable, options);
    }

    /** A table named by a Glue connection, as a JDBC-crawled catalog table's connectionName and Location give it. */
    public static JdbcTable ofConnection(RunEnvironment environment, String connectionName, String database, String dbtable,
                                         JsonOptions options) {
        JdbcConf conf = GlueConnections.resolve(environment, connectionName);
        return new JdbcTable(database == null ? conf : conf.withDatabase(database), dbtable, options);
    }

    /** The JDBC URL the table is read at, with its database and without credentials. */
    public String url() {
        return conf.fullUrl();
    }

    public String dbtable() {
        return dbtable;
    }

    public String describe() {
        return dbtable + " at " + conf.fullUrl();
    }

    /** The table's rows with the table's column types; {@code hashpartitions} parallel queries with a hash option. */
    public Dataset<Row> read(SparkSession session) {
        try {
            List<String> predicates = partitionPredicates();
            if (predicates.isEmpty()) {
                return session.read().jdbc(conf.fullUrl(), dbtable, conf.driverProperties());
            }
            return session.read().jdbc(conf.fullUrl(), dbtable, predicates.toArray(String[]::new), conf.driverProperties());
        } catch (Exception e) { // Spark rethrows the driver's SQLException, checked or not
            throw databaseFailure("read", e);
        }
    }

    /** Appends {@code rows}; Spark's JDBC writer creates the table, with the rows' types, if it is missing. */
    public void append(Dataset<Row> rows) {
        try {
            var writer = rows.write().mode(SaveMode.Append);
            if (options.has("bulkSize")) {
                writer = writer.option("batchsize", options.getString("bulkSize", "1000"));
            }
            writer.jdbc(conf.fullUrl(), dbtable, conf.driverProperties());
        } catch (Exception e) { // Spark rethrows the driver's SQLException, checked or not
            throw databaseFailure("write to", e);
        }
    }

    /**
     * One WHERE clause per partition: {@code hashexpression} modulo the partition count, or a hash of
     * {@code hashfield}'s text. Rows whose value is NULL go to the first partition, so no row is lost.
     */
    private List<String> partitionPredicates() {
        String expression = options.getString("hashexpression").filter(s -> !s.isBlank()).orElse(null);
        String field = options.getString("hashfield").filter(s -> !s.isBlank()).orElse(null);
        if (expression == null && field == null) {
            return List.of();
        }
        int partitions = Integer.parseInt(options.getString("hashpartitions", String.valueOf(DEFAULT_HASH_PARTITIONS)));
        if (partitions < 1) {
            throw new IllegalArgumentException("hashpartitions must be at least 1, not " + partitions);
        }
        String hashed = expression != null ? "(" + expression + ")" : "hashtext(CAST(" + field + " AS text))";
        String source = expression != null ? expression : field;
        return IntStream.range(0, partitions).mapToObj(i -> "MOD(MOD(" + hashed + ", " + partitions + ") + " + partitions
                + ", " + partitions + ") = " + i + (i == 0 ? " OR (" + source + ") IS NULL" : "")).toList();
    }

    /** The database's own message and SQLSTATE (e.g. 28P01 for a refused password), never the password. */
    private RuntimeException databaseFailure(String what, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return new JdbcConnectionException("Cannot " + what + " " + describe() + " as " + conf.user()
                        + ": SQLSTATE " + sql.getSQLState() + ": " + redacted(sql.getMessage()));
            }
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }

    private String redacted(String message) {
        return conf.password() == null || conf.password().isEmpty() || message == null ? message
                : message.replace(conf.password(), "****");
    }
}
