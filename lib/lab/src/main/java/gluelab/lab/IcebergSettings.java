package gluelab.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The job arguments that turn on Iceberg in a Glue 5.0 job with the Glue Data Catalog as Iceberg catalog,
 * exactly as AWS documents them ("Using the Iceberg framework in AWS Glue"): {@code --datalake-formats iceberg}
 * and one {@code --conf} value holding the Spark settings, joined by {@code " --conf "}. The same arguments
 * work on AWS Glue and on Lab Cloud (whose worker adds its endpoints and the run's credentials itself).
 * <pre>
 * IcebergSettings iceberg = IcebergSettings.forGlueCatalog("s3://my-bucket/warehouse/");
 * Map&lt;String, String&gt; args = new HashMap&lt;&gt;(lab.jobArguments(jarUri, mainClass));
 * args.putAll(iceberg.jobArguments());
 * </pre>
 */
public final class IcebergSettings {

    public static final String DEFAULT_CATALOG = "glue_catalog";

    private final String catalogName;
    private final String warehouse;

    private IcebergSettings(String catalogName, String warehouse) {
        if (!catalogName.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("A Spark catalog name is letters, digits and '_': " + catalogName);
        }
        if (!warehouse.startsWith("s3://")) {
            throw new IllegalArgumentException("The Iceberg warehouse is an s3:// prefix: " + warehouse);
        }
        this.catalogName = catalogName;
        this.warehouse = warehouse.endsWith("/") ? warehouse : warehouse + "/";
    }

    /** The catalog {@code glue_catalog}, its tables' files under {@code warehouseUri}. */
    public static IcebergSettings forGlueCatalog(String warehouseUri) {
        return new IcebergSettings(DEFAULT_CATALOG, warehouseUri);
    }

    public static IcebergSettings forGlueCatalog(String catalogName, String warehouseUri) {
        return new IcebergSettings(catalogName, warehouseUri);
    }

    public String catalogName() {
        return catalogName;
    }

    public String warehouse() {
        return warehouse;
    }

    /** A table's name in Spark SQL: {@code glue_catalog.database.table}. */
    public String table(String database, String table) {
        return catalogName + "." + database + "." + table;
    }

    /** The Spark settings, in the order AWS lists them. */
    public Map<String, String> sparkConf() {
        Map<String, String> conf = new LinkedHashMap<>();
        String catalog = "spark.sql.catalog." + catalogName;
        conf.put("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
        conf.put(catalog, "org.apache.iceberg.spark.SparkCatalog");
        conf.put(catalog + ".warehouse", warehouse);
        conf.put(catalog + ".catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog");
        conf.put(catalog + ".io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
        return conf;
    }

    /** The value of the {@code --conf} job argument: {@code k=v --conf k=v ...}. */
    public String confArgument() {
        return sparkConf().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" --conf "));
    }

    /** {@code --datalake-formats iceberg} and {@code --conf ...}: add them to the job's DefaultArguments. */
    public Map<String, String> jobArguments() {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("--datalake-formats", "iceberg");
        arguments.put("--conf", confArgument());
        return arguments;
    }

    /** The arguments as they appear in the console: one Spark setting per line. */
    @Override
    public String toString() {
        return "--datalake-formats iceberg\n--conf " + confArgument().replace(" --conf ", "\n  --conf ");
    }
}
