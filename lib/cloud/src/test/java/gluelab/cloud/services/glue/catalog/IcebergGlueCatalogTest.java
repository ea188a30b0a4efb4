package gluelab.cloud.services.glue.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Iceberg's own {@code GlueCatalog} (iceberg-aws 1.7.1, the Glue 5.0 version) against Lab Cloud's Data
 * Catalog: namespaces are databases, and each commit is an UpdateTable guarded by the table's VersionId.
 * Metadata files go to Iceberg's in-memory FileIO, so only the catalog is under test here.
 */
class IcebergGlueCatalogTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.optional(2, "region", Types.StringType.get()),
            Types.NestedField.optional(3, "amount", Types.DecimalType.of(10, 2)));
    private static final PartitionSpec BY_REGION = PartitionSpec.builderFor(SCHEMA).identity("region").build();

    @Test
    void namespacesAreGlueDatabases() throws Exception {
        try (LabGlueCatalog iceberg = catalog(); GlueClient glue = cloud.client(GlueClient.builder())) {
            iceberg.namespaces().createNamespace(Namespace.of("ice_ns"), Map.of("owner", "lab", "location", "s3://warehouse/ice_ns.db"));

            assertThat(iceberg.namespaces().listNamespaces()).contains(Namespace.of("ice_ns"));
            assertThat(iceberg.namespaces().loadNamespaceMetadata(Namespace.of("ice_ns"))).containsEntry("owner", "lab")
                    .containsEntry("location", "s3://warehouse/ice_ns.db");
            assertThat(glue.getDatabase(r -> r.name("ice_ns")).database().locationUri()).isEqualTo("s3://warehouse/ice_ns.db");
            assertThatThrownBy(() -> iceberg.namespaces().createNamespace(Namespace.of("ice_ns"))).isInstanceOf(AlreadyExistsException.class);
            assertThatThrownBy(() -> iceberg.namespaces().loadNamespaceMetadata(Namespace.of("no_ns"))).isInstanceOf(NoSuchNamespaceException.class);

            iceberg.namespaces().setProperties(Namespace.of("ice_ns"), Map.of("stage", "raw"));
            assertThat(iceberg.namespaces().loadNamespaceMetadata(Namespace.of("ice_ns"))).containsEntry("stage", "raw").containsEntry("owner", "lab");
            assertThat(iceberg.namespaces().dropNamespace(Namespace.of("ice_ns"))).isTrue();
            assertThat(iceberg.namespaces().listNamespaces()).doesNotContain(Namespace.of("ice_ns"));
        }
    }

    @Test
    void eachCommitUpdatesTheGlueTableThroughItsVersionId() throws Exception {
        TableIdentifier events = TableIdentifier.of("ice_commits", "events");
        try (LabGlueCatalog iceberg = catalog(); GlueClient glue = cloud.client(GlueClient.builder())) {
            iceberg.namespaces().createNamespace(Namespace.of("ice_commits"));
            org.apache.iceberg.Table table = iceberg.tables().createTable(events, SCHEMA, BY_REGION);

            Table created = glue.getTable(r -> r.databaseName("ice_commits").name("events")).table();
            assertThat(created.versionId()).isEqualTo("0");
            assertThat(created.tableType()).isEqualTo("EXTERNAL_TABLE");
            assertThat(created.parameters()).containsEntry("table_type", "ICEBERG").containsKey("metadata_location");
            assertThat(created.storageDescriptor().columns()).extracting(c -> c.name()).containsExactly("id", "region", "amount");
            assertThat(created.storageDescriptor().columns().get(0).parameters()).containsEntry("iceberg.field.id", "1");

            table.newAppend().appendFile(dataFile("eu", "s3://warehouse/ice_commits/events/data/region=eu/0.parquet")).commit();
            table.updateProperties().set("write.format.default", "parquet").commit();

            Table committed = glue.getTable(r -> r.databaseName("ice_commits").name("events")).table();
            assertThat(committed.versionId()).isEqualTo("2");
            assertThat(committed.parameters().get("metadata_location")).isNotEqualTo(created.parameters().get("metadata_location"));
            assertThat(committed.parameters()).containsKey("previous_metadata_location");
            assertThat(committed.createTime()).isEqualTo(created.createTime());

            org.apache.iceberg.Table reloaded = iceberg.tables().loadTable(events);
            assertThat(reloaded.currentSnapshot().summary()).containsEntry("added-data-files", "1");
            assertThat(reloaded.properties()).containsEntry("write.format.default", "parquet");
            assertThat(iceberg.tables().listTables(Namespace.of("ice_commits"))).containsExactly(events);
        }
    }

    @Test
    void aWriterWithStaleMetadataRetriesAndBothCommitsLand() throws Exception {
        TableIdentifier orders = TableIdentifier.of("ice_race", "orders");
        try (LabGlueCatalog first = catalog(); LabGlueCatalog second = catalog(); GlueClient glue = cloud.client(GlueClient.builder())) {
            first.namespaces().createNamespace(Namespace.of("ice_race"));
            first.tables().createTable(orders, SCHEMA, BY_REGION);
            org.apache.iceberg.Table seenByFirst = first.tables().loadTable(orders);
            org.apache.iceberg.Table seenBySecond = second.tables().loadTable(orders);

            seenByFirst.newAppend().appendFile(dataFile("eu", "s3://warehouse/ice_race/orders/a.parquet")).commit();
            seenBySecond.newAppend().appendFile(dataFile("us", "s3://warehouse/ice_race/orders/b.parquet")).commit();

            org.apache.iceberg.Table result = first.tables().loadTable(orders);
            assertThat(result.currentSnapshot().summary()).containsEntry("total-data-files", "2");
            assertThat(glue.getTable(r -> r.databaseName("ice_race").name("orders")).table().versionId()).isEqualTo("2");
        }
    }

    @Test
    void renameAndDropGoThroughCreateTableAndDeleteTable() throws Exception {
        TableIdentifier from = TableIdentifier.of("ice_rename", "staging");
        TableIdentifier to = TableIdentifier.of("ice_rename", "final");
        try (LabGlueCatalog iceberg = catalog()) {
            iceberg.namespaces().createNamespace(Namespace.of("ice_rename"));
            iceberg.tables().createTable(from, SCHEMA);
            assertThatThrownBy(() -> iceberg.namespaces().dropNamespace(Namespace.of("ice_rename"))).isInstanceOf(NamespaceNotEmptyException.class);

            iceberg.tables().renameTable(from, to);
            assertThat(iceberg.tables().tableExists(from)).isFalse();
            assertThat(iceberg.tables().loadTable(to).schema().asStruct()).isEqualTo(SCHEMA.asStruct());

            assertThat(iceberg.tables().dropTable(to, false)).isTrue();
            assertThatThrownBy(() -> iceberg.tables().loadTable(to)).isInstanceOf(NoSuchTableException.class);
            assertThat(iceberg.namespaces().dropNamespace(Namespace.of("ice_rename"))).isTrue();
        }
    }

    private static DataFile dataFile(String region, String path) {
        return DataFiles.builder(BY_REGION)
                .withPath(path)
                .withFormat("parquet")
                .withPartitionPath("region=" + region)
                .withFileSizeInBytes(1024)
                .withRecordCount(10)
                .build();
    }

    /**
     * Loaded by class name, as engines do, so that this test needs no Hadoop on its class path (GlueCatalog
     * only mentions Hadoop's Configuration for engines that pass one).
     */
    private static LabGlueCatalog catalog() {
        Catalog catalog = CatalogUtil.loadCatalog("org.apache.iceberg.aws.glue.GlueCatalog", "lab", Map.of(
                "warehouse", "s3://warehouse",
                "io-impl", "org.apache.iceberg.inmemory.InMemoryFileIO",
                "glue.endpoint", cloud.endpoint().toString(),
                "client.region", "us-east-1",
                "client.credentials-provider", TestCredentials.class.getName(),
                "http-client.type", "urlconnection"), null);
        return new LabGlueCatalog(catalog);
    }

    /** The two faces of Iceberg's GlueCatalog this test uses: tables and namespaces. */
    private record LabGlueCatalog(Catalog tables) implements AutoCloseable {

        SupportsNamespaces namespaces() {
            return (SupportsNamespaces) tables;
        }

        @Override
        public void close() throws Exception {
            ((AutoCloseable) tables).close();
        }
    }

    /** Iceberg makes its Glue client's credentials provider from a class name; this one signs as test/test. */
    public static final class TestCredentials implements AwsCredentialsProvider {

        public static TestCredentials create() {
            return new TestCredentials();
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return RunningLabCloud.TEST_CREDENTIALS.resolveCredentials();
        }
    }
}
