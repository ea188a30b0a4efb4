package gluelab.cloud.services.glue.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Two writers commit to one Iceberg table at the same moment, each from the same table version, through
 * Iceberg's own GlueCatalog and S3FileIO (metadata files in Lab Cloud's S3). The Glue table's VersionId lets
 * exactly one UpdateTable win; the other gets ConcurrentModificationException, which Iceberg turns into a
 * CommitFailedException: by default it refreshes and retries, so both appends land; with retries off it
 * fails cleanly, and the table stays at the winner's metadata.
 */
class IcebergConcurrentCommitsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.optional(2, "amount", Types.DecimalType.of(10, 2)));

    @Test
    void twoConcurrentAppendsFromTheSameVersionBothLandBecauseTheLoserRefreshesAndRetries() throws Exception {
        TableIdentifier orders = TableIdentifier.of("race_retry", "orders");
        try (Writers writers = writers("race_retry", orders, Map.of())) {
            List<Outcome> outcomes = writers.appendAtOnce();

            assertThat(outcomes).extracting(Outcome::failure).containsOnlyNulls();
            Table result = writers.first.loadTable(orders);
            assertThat(result.currentSnapshot().summary()).containsEntry("total-data-files", "2");
            assertThat(result.snapshots()).hasSize(2);
            assertThat(writers.glueTable(orders).versionId()).isEqualTo("2");
        }
    }

    @Test
    void withRetriesOffTheLoserFailsCleanlyAndTheTableStaysAtTheWinnersMetadata() throws Exception {
        TableIdentifier orders = TableIdentifier.of("race_no_retry", "orders");
        try (Writers writers = writers("race_no_retry", orders, Map.of("commit.retry.num-retries", "0"))) {
            String created = writers.glueTable(orders).parameters().get("metadata_location");

            List<Outcome> outcomes = writers.appendAtOnce();

            assertThat(outcomes).filteredOn(o -> o.failure() == null).as("exactly one writer wins").hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.failure() != null).singleElement()
                    .satisfies(loser -> assertThat(loser.failure()).isInstanceOf(CommitFailedException.class));
            Outcome winner = outcomes.stream().filter(o -> o.failure() == null).findFirst().orElseThrow();
            software.amazon.awssdk.services.glue.model.Table glueTable = writers.glueTable(orders);
            assertThat(glueTable.versionId()).isEqualTo("1");
            assertThat(glueTable.parameters()).containsEntry("table_type", "ICEBERG")
                    .containsEntry("metadata_location", winner.metadataLocation())
                    .containsEntry("previous_metadata_location", created);
            String key = winner.metadataLocation().substring("s3://race-warehouse/".length());
            assertThat(writers.s3.headObject(r -> r.bucket("race-warehouse").key(key)).contentLength()).isPositive();
            Table result = writers.first.loadTable(orders);
            assertThat(result.snapshots()).extracting(Snapshot::snapshotId).containsExactly(winner.snapshotId());
            assertThat(result.currentSnapshot().summary()).containsEntry("total-data-files", "1");
        }
    }

    /** How one writer's commit ended: its new metadata and snapshot, or the exception it got. */
    private record Outcome(String metadataLocation, Long snapshotId, Throwable failure) {
    }

    /** Two independent catalog clients, each holding the table as it was right after creation. */
    private record Writers(Catalog first, Catalog second, Table seenByFirst, Table seenBySecond, GlueClient glue,
                           S3Client s3) implements AutoCloseable {

        List<Outcome> appendAtOnce() throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Outcome>> futures = new ArrayList<>();
                int index = 0;
                for (Table table : List.of(seenByFirst, seenBySecond)) {
                    DataFile file = dataFile("s3://race-warehouse/data/" + (index++) + ".parquet");
                    futures.add(pool.submit(() -> {
                        start.await();
                        try {
                            table.newAppend().appendFile(file).commit();
                            return new Outcome(((org.apache.iceberg.HasTableOperations) table).operations().current()
                                    .metadataFileLocation(), table.currentSnapshot().snapshotId(), null);
                        } catch (RuntimeException e) {
                            return new Outcome(null, null, e);
                        }
                    }));
                }
                start.countDown();
                List<Outcome> outcomes = new ArrayList<>();
                for (Future<Outcome> future : futures) {
                    outcomes.add(future.get());
                }
                return outcomes;
            } finally {
                pool.shutdownNow();
            }
        }

        software.amazon.awssdk.services.glue.model.Table glueTable(TableIdentifier id) {
            return glue.getTable(r -> r.databaseName(id.namespace().level(0)).name(id.name())).table();
        }

        @Override
        public void close() throws Exception {
            ((AutoCloseable) first).close();
            ((AutoCloseable) second).close();
            glue.close();
            s3.close();
        }
    }

    private static Writers writers(String database, TableIdentifier id, Map<String, String> tableProperties) {
        S3Client s3 = cloud.client(S3Client.builder().forcePathStyle(true));
        if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("race-warehouse"))) {
            s3.createBucket(r -> r.bucket("race-warehouse"));
        }
        Catalog first = catalog();
        Catalog second = catalog();
        ((SupportsNamespaces) first).createNamespace(Namespace.of(database));
        first.createTable(id, SCHEMA, PartitionSpec.unpartitioned(), tableProperties);
        return new Writers(first, second, first.loadTable(id), second.loadTable(id),
                cloud.client(GlueClient.builder()), s3);
    }

    private static DataFile dataFile(String path) {
        return DataFiles.builder(PartitionSpec.unpartitioned())
                .withPath(path)
                .withFormat("parquet")
                .withFileSizeInBytes(1024)
                .withRecordCount(10)
                .build();
    }

    /** Iceberg's GlueCatalog with S3FileIO, both aimed at Lab Cloud, as the Glue worker configures them. */
    private static Catalog catalog() {
        return CatalogUtil.loadCatalog("org.apache.iceberg.aws.glue.GlueCatalog", "lab", Map.of(
                "warehouse", "s3://race-warehouse/warehouse",
                "io-impl", "org.apache.iceberg.aws.s3.S3FileIO",
                "glue.endpoint", cloud.endpoint().toString(),
                "s3.endpoint", cloud.endpoint().toString(),
                "s3.path-style-access", "true",
                "client.region", "us-east-1",
                "client.credentials-provider", IcebergGlueCatalogTest.TestCredentials.class.getName(),
                "http-client.type", "urlconnection"), null);
    }
}
