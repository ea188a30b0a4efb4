package gluelab.e2e.glue;

import java.util.Map;

/** The job classes the JDBC end-to-end tests run, as a notebook author writes them against the runtime. */
final class JdbcJobs {

    private static byte[] jar;

    private JdbcJobs() {
    }

    static synchronized byte[] jar() {
        if (jar == null) {
            jar = JobJars.jar(Map.of("jdbctest.JdbcCopy", JDBC_COPY, "jdbctest.PrintsJdbcConf", PRINTS_JDBC_CONF));
        }
        return jar.clone();
    }

    /**
     * Reads a JDBC table (--source_options as Glue's JDBC connection options; or --conf_of a connection, whose
     * extractJdbcConf gives url, user and password, with --dbtable; or the catalog table --catalog_database
     * --catalog_table) and prints its schema and partition count. Then --output writes it as Parquet and prints
     * what was written, row by row; --sink_connection with --sink_table appends it through getSink, with
     * --jdbc_sink_table through getJDBCSink.
     */
    static final String JDBC_COPY = """
            package jdbctest;

            import java.util.Map;
            import org.apache.spark.sql.Dataset;
            import org.apache.spark.sql.Row;
            import gluelab.glue.DynamicFrame;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.JsonOptions;

            public class JdbcCopy {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.parse(sysArgs);
                    GlueContext glue = GlueContext.getOrCreate();
                    DynamicFrame frame;
                    if (args.containsKey("catalog_table")) {
                        frame = glue.getCatalogSource(args.get("catalog_database"), args.get("catalog_table"), "catalog_source")
                                .getDynamicFrame();
                    } else if (args.containsKey("conf_of")) {
                        Map<String, String> conf = glue.extractJdbcConf(args.get("conf_of"));
                        frame = glue.getSource("postgresql", JsonOptions.of("url", conf.get("fullUrl"), "user", conf.get("user"),
                                "password", conf.get("password"), "dbtable", args.get("dbtable")), "jdbc_source").getDynamicFrame();
                    } else {
                        frame = glue.getSource("postgresql", new JsonOptions(args.get("source_options")), "jdbc_source")
                                .getDynamicFrame();
                    }
                    Dataset<Row> df = frame.toDF();
                    System.out.println("SCHEMA " + df.schema().toDDL());
                    System.out.println("PARTITIONS " + df.rdd().getNumPartitions());
                    if (args.containsKey("output")) {
                        glue.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output")), "parquet_sink", "parquet")
                                .writeDynamicFrame(frame);
                        glue.getSparkSession().read().parquet(args.get("output")).collectAsList().stream()
                                .map(r -> r.mkString("|")).sorted().forEach(r -> System.out.println("ROW " + r));
                    }
                    if (args.containsKey("sink_table")) {
                        glue.getSink("postgresql", JsonOptions.of("useConnectionProperties", "true",
                                "connectionName", args.get("sink_connection"), "dbtable", args.get("sink_table")), "jdbc_sink")
                                .writeDynamicFrame(frame);
                    }
                    if (args.containsKey("jdbc_sink_table")) {
                        glue.getJDBCSink(args.get("sink_connection"), JsonOptions.of("dbtable", args.get("jdbc_sink_table")),
                                "jdbc_sink").writeDynamicFrame(frame);
                    }
                }
            }
            """;

    /** Prints extractJdbcConf(--connection) but the password, then connects with it and prints the database's current_user. */
    static final String PRINTS_JDBC_CONF = """
            package jdbctest;

            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.ResultSet;
            import java.util.List;
            import java.util.Map;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;

            public class PrintsJdbcConf {
                public static void main(String[] sysArgs) throws Exception {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"connection"});
                    Map<String, String> conf = GlueContext.getOrCreate().extractJdbcConf(args.get("connection"));
                    for (String key : List.of("url", "fullUrl", "user", "vendor")) {
                        System.out.println("CONF " + key + "=" + conf.get(key));
                    }
                    try (Connection db = DriverManager.getConnection(conf.get("fullUrl"), conf.get("user"), conf.get("password"));
                         ResultSet user = db.createStatement().executeQuery("SELECT current_user")) {
                        user.next();
                        System.out.println("CONNECTED AS " + user.getString(1));
                    }
                }
            }
            """;
}
