package gluelab.glue.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gluelab.glue.protocol.RunCommand;
import gluelab.glue.worker.iceberg.RunCredentialsForIceberg;

/**
 * What a run's {@code --datalake-formats} and {@code --conf} arguments give it: Iceberg's classes only when it
 * asks for Iceberg, the job's Spark settings in Glue's one-value form, and Lab Cloud's endpoints and the run's
 * credentials added to every Iceberg catalog it configures.
 */
class IcebergRunSettingsTest {

    private static final String SERVICES = "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister";
    private static final RunCommand.AwsSettings LAB = new RunCommand.AwsSettings("http://127.0.0.1:4566", "eu-west-1",
            "ASIARUN", "run-secret", "run-token");

    @Test
    void icebergIsOnlyForRunsThatNameItInDatalakeFormats() {
        assertThat(DatalakeFormats.of(List.of("--datalake-formats", "hudi, iceberg")).iceberg()).isTrue();
        assertThat(DatalakeFormats.of(List.of("--datalake-formats", "delta")).iceberg()).isFalse();
        assertThat(DatalakeFormats.of(List.of("--JOB_NAME", "j")).iceberg()).isFalse();
    }

    @Test
    void aRunWithoutIcebergSeesNeitherItsClassesNorItsServiceFiles() throws Exception {
        ClassLoader worker = getClass().getClassLoader();
        try (RunClassLoader without = new RunClassLoader("r1", new URL[0], worker, false, false);
             RunClassLoader with = new RunClassLoader("r2", new URL[0], worker, false, true)) {
            assertThatThrownBy(() -> without.loadClass("org.apache.iceberg.spark.SparkCatalog"))
                    .isInstanceOf(ClassNotFoundException.class).hasMessageContaining("--datalake-formats iceberg");
            assertThat(with.loadClass("org.apache.iceberg.spark.SparkCatalog")).isNotNull();

            assertThat(Collections.list(with.getResources(SERVICES))).anyMatch(IcebergAvailability::isIcebergResource);
            assertThat(Collections.list(without.getResources(SERVICES))).isNotEmpty()
                    .noneMatch(IcebergAvailability::isIcebergResource);
            assertThat(without.getResource("org/apache/iceberg/spark/SparkCatalog.class")).isNull();
        }
    }

    @Test
    void theConfArgumentHoldsEverySettingJoinedByConf() {
        JobSparkConf conf = JobSparkConf.of(List.of("--JOB_NAME", "j", "--conf",
                "spark.sql.extensions=a.Ext,b.Ext --conf spark.sql.catalog.c=org.apache.iceberg.spark.SparkCatalog"
                        + " --conf spark.sql.catalog.c.warehouse=s3://lake/wh/"));

        assertThat(conf.settings()).containsExactly(Map.entry("spark.sql.extensions", "a.Ext,b.Ext"),
                Map.entry("spark.sql.catalog.c", "org.apache.iceberg.spark.SparkCatalog"),
                Map.entry("spark.sql.catalog.c.warehouse", "s3://lake/wh/"));
        assertThat(conf.extensions()).containsExactly("a.Ext", "b.Ext");
    }

    @Test
    void everyIcebergCatalogGetsLabCloudsEndpointsAndTheRunsCredentials() {
        Map<String, String> settings = IcebergCatalogSettings.withLabPlumbing(Map.of(
                "spark.sql.catalog.glue_catalog", "org.apache.iceberg.spark.SparkCatalog",
                "spark.sql.catalog.glue_catalog.warehouse", "s3://lake/wh/",
                "spark.sql.catalog.other", "com.example.NotIceberg"), LAB);

        assertThat(settings).containsEntry("spark.sql.catalog.glue_catalog.glue.endpoint", "http://127.0.0.1:4566")
                .containsEntry("spark.sql.catalog.glue_catalog.s3.endpoint", "http://127.0.0.1:4566")
                .containsEntry("spark.sql.catalog.glue_catalog.s3.path-style-access", "true")
                .containsEntry("spark.sql.catalog.glue_catalog.client.region", "eu-west-1")
                .containsEntry("spark.sql.catalog.glue_catalog.s3.session-token", "run-token")
                .containsEntry("spark.sql.catalog.glue_catalog.client.credentials-provider", RunCredentialsForIceberg.class.getName())
                .containsEntry("spark.sql.catalog.glue_catalog.client.credentials-provider.access-key-id", "ASIARUN")
                .containsEntry("spark.sql.catalog.glue_catalog.warehouse", "s3://lake/wh/");
        assertThat(settings.keySet()).noneMatch(key -> key.startsWith("spark.sql.catalog.other."));
        assertThat(RunCredentialsForIceberg.create(Map.of("access-key-id", "ASIARUN", "secret-access-key", "run-secret",
                "session-token", "run-token")).resolveCredentials().accessKeyId()).isEqualTo("ASIARUN");
    }
}
