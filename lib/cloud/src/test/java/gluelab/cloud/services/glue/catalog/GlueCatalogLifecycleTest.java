package gluelab.cloud.services.glue.catalog;

import static gluelab.cloud.services.glue.catalog.CatalogFixtures.allPartitions;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.columns;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.createDatabase;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.partition;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableVersion;

/** The catalog across a restart and under the admin API's resets. */
class GlueCatalogLifecycleTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void theCatalogSurvivesARestartOnTheSameStateDirectory(@TempDir Path stateDir) {
        LabCloudConfig config = LabCloudConfig.defaults().withPort(0)
                .withGlueWorker(LabCloudConfig.GlueWorkerMode.OFF).withStateDir(stateDir);
        try (LabCloud first = LabCloud.start(config); GlueClient glue = glueAt(first)) {
            createDatabase(glue, "durable");
            glue.createTable(r -> r.databaseName("durable").tableInput(table("sales", "s3://lake/sales/",
                    columns("year:int", "month:int"))));
            glue.updateTable(r -> r.databaseName("durable").versionId("0").tableInput(table("sales", "s3://lake/sales-v1/",
                    columns("year:int", "month:int"))));
            glue.batchCreatePartition(r -> r.databaseName("durable").tableName("sales").partitionInputList(
                    partition("s3://lake/sales-v1/1/", "2024", "9"), partition("s3://lake/sales-v1/2/", "2024", "10")));
        }

        try (LabCloud second = LabCloud.start(config); GlueClient glue = glueAt(second)) {
            Table table = glue.getTable(r -> r.databaseName("durable").name("sales")).table();
            assertThat(table.versionId()).isEqualTo("1");
            assertThat(table.storageDescriptor().location()).isEqualTo("s3://lake/sales-v1/");
            assertThat(table.createTime()).isNotNull();
            assertThat(glue.getTableVersions(r -> r.databaseName("durable").tableName("sales")).tableVersions())
                    .extracting(TableVersion::versionId).containsExactly("1", "0");
            assertThat(allPartitions(glue, "durable", "sales", "month > 9")).extracting(Partition::values)
                    .containsExactly(List.of("2024", "10"));
            assertThatThrownBy(() -> glue.updateTable(r -> r.databaseName("durable").versionId("0")
                    .tableInput(table("sales", "s3://stale/", columns("year:int", "month:int")))))
                    .as("the VersionId lock holds across the restart")
                    .isInstanceOf(ConcurrentModificationException.class);
        }
    }

    @Test
    void resetWithAPrefixRemovesOnlyTheDatabasesItNamesWithTheirTables() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "Lab07_raw");
            glue.createTable(r -> r.databaseName("lab07_raw").tableInput(table("t", "s3://x/", columns("d:string"))));
            glue.createPartition(r -> r.databaseName("lab07_raw").tableName("t").partitionInput(partition("s3://x/1/", "1")));
            createDatabase(glue, "lab08_raw");

            HttpResponse<String> reset = cloud.http(cloud.request("/_lab/reset?prefix=LAB07_")
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(reset.body()).contains("\"glue\":3");
            assertThatThrownBy(() -> glue.getDatabase(r -> r.name("lab07_raw"))).isInstanceOf(EntityNotFoundException.class);
            assertThat(glue.getDatabase(r -> r.name("lab08_raw")).database().name()).isEqualTo("lab08_raw");
            createDatabase(glue, "lab07_raw");
            assertThatThrownBy(() -> glue.getTable(r -> r.databaseName("lab07_raw").name("t")))
                    .isInstanceOf(EntityNotFoundException.class);
        }
    }

    private static GlueClient glueAt(LabCloud cloud) {
        return GlueClient.builder()
                .endpointOverride(cloud.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
