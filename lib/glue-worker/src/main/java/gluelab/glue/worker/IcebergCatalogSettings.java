package gluelab.glue.worker;

import java.util.LinkedHashMap;
import java.util.Map;

import gluelab.glue.protocol.RunCommand;
import gluelab.glue.worker.iceberg.RunCredentialsForIceberg;

/**
 * What the worker adds to every Iceberg catalog a run configures ({@code spark.sql.catalog.<name>} naming
 * an {@code org.apache.iceberg.spark} catalog): Lab Cloud's endpoints for Glue and S3, path-style S3,
 * the run's region, and the run's own credentials. The job's {@code --conf} stays exactly what it is on
 * AWS Glue, where these come from the environment.
 */
final class IcebergCatalogSettings {

    private static final String CATALOG_PREFIX = "spark.sql.catalog.";
    private static final String ICEBERG_CATALOGS = "org.apache.iceberg.spark.";

    private IcebergCatalogSettings() {
    }

    /** The job's settings plus, for each Iceberg catalog in them, Lab Cloud's plumbing. */
    static Map<String, String> withLabPlumbing(Map<String, String> jobSettings, RunCommand.AwsSettings aws) {
        Map<String, String> settings = new LinkedHashMap<>(jobSettings);
        if (aws.endpoint() == null) {
            return settings; // the SDK's defaults: AWS itself
        }
        jobSettings.forEach((key, value) -> {
            String catalog = key.startsWith(CATALOG_PREFIX) ? key.substring(CATALOG_PREFIX.length()) : "";
            if (!catalog.isEmpty() && !catalog.contains(".") && value.startsWith(ICEBERG_CATALOGS)) {
                String prefix = key + ".";
                settings.put(prefix + "glue.endpoint", aws.endpoint());
                settings.put(prefix + "s3.endpoint", aws.endpoint());
                settings.put(prefix + "s3.path-style-access", "true");
                settings.put(prefix + "client.region", aws.region());
                if (aws.accessKeyId() != null) {
                    settings.put(prefix + "s3.access-key-id", aws.accessKeyId());
                    settings.put(prefix + "s3.secret-access-key", aws.secretAccessKey());
                    String provider = prefix + "client.credentials-provider";
                    settings.put(provider, RunCredentialsForIceberg.class.getName());
                    settings.put(provider + "." + RunCredentialsForIceberg.ACCESS_KEY_ID, aws.accessKeyId());
                    settings.put(provider + "." + RunCredentialsForIceberg.SECRET_ACCESS_KEY, aws.secretAccessKey());
                    if (aws.sessionToken() != null) {
                        settings.put(prefix + "s3.session-token", aws.sessionToken());
                        settings.put(provider + "." + RunCredentialsForIceberg.SESSION_TOKEN, aws.sessionToken());
                    }
                }
            }
        });
        return settings;
    }
}
