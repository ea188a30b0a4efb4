package gluelab.cloud.services.glue.catalog;

import static gluelab.cloud.services.glue.catalog.CatalogFixtures.allPartitions;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.columns;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.createDatabase;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.partition;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;

class GluePartitionsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void createPartitionThenGetPartitionReturnsItWithWhatGlueAdds() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            partitionedTable(glue, "p_get");
            Instant before = cloud.cloud().platform().clock().instant();
            glue.createPartition(r -> r.databaseName("p_get").tableName("Sales").partitionInput(
                    partition("s3://lake/sales/year=2024/month=10/", "2024", "10").toBuilder()
                            .parameters(Map.of("rows", "42")).build()));

            Partition found = glue.getPartition(r -> r.databaseName("P_GET").tableName("sales").partitionValues("2024", "10"))
                    .partition();
            assertThat(found.values()).containsExactly("2024", "10");
            assertThat(found.databaseName()).isEqualTo("p_get");
            assertThat(found.tableName()).isEqualTo("sales");
            assertThat(found.catalogId()).isEqualTo("000000000000");
            assertThat(found.creationTime()).isAfterOrEqualTo(before.minusMillis(1));
            assertThat(found.parameters()).containsEntry("rows", "42");
            assertThat(found.storageDescriptor().location()).isEqualTo("s3://lake/sales/year=2024/month=10/");
        }
    }

    @Test
    void partitionErrorsAreTheOnesGlueGives() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            partitionedTable(glue, "p_err");
            glue.createPartition(r -> r.databaseName("p_err").tableName("sales").partitionInput(partition("s3://a/", "2024", "1")));

            assertThatThrownBy(() -> glue.createPartition(r -> r.databaseName("p_err").tableName("sales")
                    .partitionInput(partition("s3://a/", "2024", "1"))))
                    .isInstanceOfSatisfying(AlreadyExistsException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Partition already exists."));
            assertThatThrownBy(() -> glue.createPartition(r -> r.databaseName("p_err").tableName("sales")
                    .partitionInput(partition("s3://a/", "2024"))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The number of partition keys do not match the number of partition values"));
            assertThatThrownBy(() -> glue.getPartition(r -> r.databaseName("p_err").tableName("sales").partitionValues("1999", "1")))
                    .isInstanceOfSatisfying(EntityNotFoundException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot find partition."));
            assertThatThrownBy(() -> glue.getPartition(r -> r.databaseName("p_err").tableName("sales").partitionValues("2024")))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> glue.createPartition(r -> r.databaseName("p_err").tableName("nope")
                    .partitionInput(partition("s3://a/", "2024", "1"))))
                    .isInstanceOfSatisfying(EntityNotFoundException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table nope not found."));
            assertThatThrownBy(() -> glue.deletePartition(r -> r.databaseName("p_err").tableName("sales").partitionValues("1999", "1")))
                    .isInstanceOf(EntityNotFoundException.class);
        }
    }

    @Test
    void batchCreatePartitionCreatesTheNewOnesAndReportsEachRefusalInErrors() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            partitionedTable(glue, "p_batch");
            glue.createPartition(r -> r.databaseName("p_batch").tableName("sales").partitionInput(partition("s3://a/", "2024", "1")));

            BatchCreatePartitionResponse response = glue.batchCreatePartition(r -> r.databaseName("p_batch").tableName("sales")
                    .partitionInputList(partition("s3://a/", "2024", "1"), partition("s3://b/", "2024", "2"),
                            partition("s3://c/", "2024"), partition("s3://b/", "2024", "2")));

            assertThat(response.errors()).hasSize(3);
            assertThat(response.errors().get(0).partitionValues()).containsExactly("2024", "1");
            assertThat(response.errors().get(0).errorDetail().errorCode()).isEqualTo("AlreadyExistsException");
            assertThat(response.errors().get(1).errorDetail().errorCode()).isEqualTo("InvalidInputException");
            assertThat(response.errors().get(2).partitionValues()).containsExactly("2024", "2");
            assertThat(response.errors().get(2).errorDetail().errorCode()).isEqualTo("AlreadyExistsException");
            assertThat(allPartitions(glue, "p_batch", "sales", null)).extracting(Partition::values)
                    .containsExactlyInAnyOrder(List.of("2024", "1"), List.of("2024", "2"));

            BatchCreatePartitionResponse clean = glue.batchCreatePartition(r -> r.databaseName("p_batch").tableName("sales")
                    .partitionInputList(partition("s3://d/", "2025", "1")));
            assertThat(clean.errors()).isEmpty();
        }
    }

    @Test
    void updatePartitionReplacesItsDefinitionAndCanMoveItToNewValues() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            partitionedTable(glue, "p_update");
            glue.createPartition(r -> r.databaseName("p_update").tableName("sales").partitionInput(partition("s3://old/", "2024", "1")));
            Instant created = glue.getPartition(r -> r.databaseName("p_update").tableName("sales").partitionValues("2024", "1"))
                    .partition().creationTime();

            glue.updatePartition(r -> r.databaseName("p_update").tableName("sales").partitionValueList("2024", "1")
                    .partitionInput(partition("s3://new/", "2024", "1")));
            Partition updated = glue.getPartition(r -> r.databaseName("p_update").tableName("sales").partitionValues("2024", "1"))
                    .partition();
            assertThat(updated.storageDescriptor().location()).isEqualTo("s3://new/");
            assertThat(updated.creationTime()).isEqualTo(created);

            glue.updatePartition(r -> r.databaseName("p_update").tableName("sales").partitionValueList("2024", "1")
                    .partitionInput(partition("s3://moved/", "2024", "2")));
            assertThat(allPartitions(glue, "p_update", "sales", null)).extracting(Partition::values)
                    .containsExactly(List.of("2024", "2"));
            assertThatThrownBy(() -> glue.updatePartition(r -> r.databaseName("p_update").tableName("sales")
                    .partitionValueList("2024", "1").partitionInput(partition("s3://x/", "2024", "1"))))
                    .isInstanceOf(EntityNotFoundException.class);
        }
    }

    @Test
    void batchUpdatePartitionUpdatesEachEntryAndReportsMissingOnes() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            partitionedTable(glue, "p_bupdate");
            glue.createPartition(r -> r.databaseName("p_bupdate").tableName("sales").partitionInput(partition("s3://old/", "2024", "1")));

            var response = glue.batchUpdatePartition(r -> r.databaseName("p_bupdate").tableName("sales").entries(
                    e -> e.partitionValueList("2024", "1").partitionInput(partition("s3://new/", "2024", "1")),
                    e -> e.partitionValueList("2024", "7").partitionInput(partition("s3://x/", "2024", "7"))));

            assertThat(response.errors()).singleElement().satisfies(error -> {
                assertThat(error.partitionValueList()).containsExactly("2024", "7");
                assertThat(error.errorDetail().errorCode()).isEqualTo("EntityNotFoundException");
            });
            assertThat(glue.getPartition(r -> r.databaseName("p_bupdate").tableName("sales").partitionValues("2024", "1"))
                    .partition().storageDescriptor().location()).isEqualTo("s3://new/");
        }
    }

    @Test
    void deleteAndBatchDeletePartitionRemovePartitionsAndReportMissingOnes() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            partitionedTable(glue, "p_delete");
            glue.batchCreatePartition(r -> r.databaseName("p_delete").tableName("sales").partitionInputList(
                    partition("s3://1/", "2024", "1"), partition("s3://2/", "2024", "2"), partition("s3://3/", "2024", "3")));

            glue.deletePartition(r -> r.databaseName("p_delete").tableName("sales").partitionValues("2024", "1"));
            var response = glue.batchDeletePartition(r -> r.databaseName("p_delete").tableName("sales").partitionsToDelete(
                    values("2024", "2"), values("2024", "9")));

            assertThat(response.errors()).singleElement().satisfies(error -> {
                assertThat(error.partitionValues()).containsExactly("2024", "9");
                assertThat(error.errorDetail().errorCode()).isEqualTo("EntityNotFoundException");
            });
            assertThat(allPartitions(glue, "p_delete", "sales", null)).extracting(Partition::values)
                    .containsExactly(List.of("2024", "3"));
        }
    }

    @Test
    void batchGetPartitionReturnsTheOnesThatExist() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            partitionedTable(glue, "p_bget");
            glue.batchCreatePartition(r -> r.databaseName("p_bget").tableName("sales").partitionInputList(
                    partition("s3://1/", "2024", "1"), partition("s3://2/", "2024", "2")));

            var response = glue.batchGetPartition(r -> r.databaseName("p_bget").tableName("sales").partitionsToGet(
                    values("2024", "2"), values("2030", "1"), values("2024", "1")));

            assertThat(response.partitions()).extracting(Partition::values)
                    .containsExactlyInAnyOrder(List.of("2024", "1"), List.of("2024", "2"));
            assertThat(response.unprocessedKeys()).isEmpty();
        }
    }

    @Test
    void getPartitionsPagesWithNextTokenAndCanLeaveOutTheColumnSchema() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            partitionedTable(glue, "p_pages");
            List<PartitionInput> inputs = new ArrayList<>();
            for (int month = 1; month <= 12; month++) {
                inputs.add(partition("s3://lake/m=" + month + "/", "2024", Integer.toString(month)));
            }
            glue.batchCreatePartition(r -> r.databaseName("p_pages").tableName("sales").partitionInputList(inputs));

            Set<List<String>> seen = new HashSet<>();
            String token = null;
            int pages = 0;
            do {
                String next = token;
                GetPartitionsResponse page = glue.getPartitions(r -> r.databaseName("p_pages").tableName("sales")
                        .maxResults(5).nextToken(next).excludeColumnSchema(true));
                assertThat(page.partitions()).hasSizeLessThanOrEqualTo(5);
                page.partitions().forEach(p -> {
                    assertThat(seen.add(p.values())).as("no partition twice").isTrue();
                    assertThat(p.storageDescriptor().location()).startsWith("s3://lake/m=");
                    assertThat(p.storageDescriptor().hasColumns()).isFalse();
                });
                token = page.nextToken();
                pages++;
            } while (token != null);
            assertThat(seen).hasSize(12);
            assertThat(pages).isEqualTo(3);
            assertThat(glue.getPartitions(r -> r.databaseName("p_pages").tableName("sales").maxResults(1))
                    .partitions().get(0).storageDescriptor().columns()).isNotEmpty();
        }
    }

    @Test
    void getPartitionsSegmentsSplitThePartitionsIntoDisjointSets() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            partitionedTable(glue, "p_segments");
            List<PartitionInput> inputs = new ArrayList<>();
            for (int month = 1; month <= 12; month++) {
                inputs.add(partition("s3://lake/m=" + month + "/", "2023", Integer.toString(month)));
            }
            glue.batchCreatePartition(r -> r.databaseName("p_segments").tableName("sales").partitionInputList(inputs));

            List<List<String>> union = new ArrayList<>();
            for (int segment = 0; segment < 3; segment++) {
                int number = segment;
                glue.getPartitions(r -> r.databaseName("p_segments").tableName("sales")
                                .segment(s -> s.segmentNumber(number).totalSegments(3)))
                        .partitions().forEach(p -> union.add(p.values()));
            }
            assertThat(union).hasSize(12).doesNotHaveDuplicates();
            assertThatThrownBy(() -> glue.getPartitions(r -> r.databaseName("p_segments").tableName("sales")
                    .segment(s -> s.segmentNumber(3).totalSegments(3)))).isInstanceOf(InvalidInputException.class);
        }
    }

    private static PartitionValueList values(String... values) {
        return PartitionValueList.builder().values(values).build();
    }

    private static void partitionedTable(GlueClient glue, String database) {
        createDatabase(glue, database);
        glue.createTable(r -> r.databaseName(database).tableInput(table("Sales", "s3://lake/sales/", columns("year:int", "month:int"))));
    }
}
