package gluelab.glue.worker;

import java.net.URL;
import java.util.List;

/**
 * Where Iceberg sits on the worker's class path, so that a run without {@code --datalake-formats iceberg}
 * can be kept from seeing it: neither its classes ({@code org.apache.iceberg.}) nor the resources of its
 * jars (their {@code META-INF/services} would make Spark's data source lookup try Iceberg's classes).
 * Iceberg is on the worker's class path rather than in a loader per run so that Spark's task results
 * (Iceberg's commit messages, deserialized by Spark's own loader) resolve, and one warm session with
 * Iceberg's SQL extensions serves every Iceberg run.
 */
final class IcebergAvailability {

    static final String PACKAGE = "org.apache.iceberg.";
    /** One class of each Iceberg jar: the Spark runtime bundle and iceberg-aws. */
    private static final List<String> MARKERS = List.of("org.apache.iceberg.spark.SparkCatalog",
            "org.apache.iceberg.aws.glue.GlueCatalog");
    private static final List<String> JARS = locateJars();

    private IcebergAvailability() {
    }

    static boolean isIcebergClass(String name) {
        return name.startsWith(PACKAGE);
    }

    static boolean isIcebergResource(URL resource) {
        String location = resource.toString();
        for (String jar : JARS) {
            if (location.startsWith("jar:" + jar + "!")) {
                return true;
            }
        }
        return false;
    }

    /** The jars' locations as {@code jar:} resource URLs start ({@code jar:file:/…/x.jar!}), found without loading a class. */
    private static List<String> locateJars() {
        ClassLoader worker = IcebergAvailability.class.getClassLoader();
        return MARKERS.stream()
                .map(name -> worker.getResource(name.replace('.', '/') + ".class"))
                .filter(java.util.Objects::nonNull)
                .map(URL::toString)
                .filter(url -> url.startsWith("jar:") && url.contains("!"))
                .map(url -> url.substring("jar:".length(), url.indexOf('!')))
                .toList();
    }
}
