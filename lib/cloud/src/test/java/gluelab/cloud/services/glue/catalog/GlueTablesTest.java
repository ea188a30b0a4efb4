package gluelab.cloud.services.glue.catalog;

import static gluelab.cloud.services.glue.catalog.CatalogFixtures.columns;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.createDatabase;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import gluelab.cloud.testing.RunningLabCloud;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetTableVersionsResponse;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableAttributes;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.TableVersion;

class GlueTablesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void createTableRecordsWhatGlueAddsAndGetTableReturnsIt() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "Shop");
            Instant before = labNow();
            glue.createTable(r -> r.databaseName("SHOP").tableInput(table("Orders", "s3://lake/orders/",
                    columns("year:int", "month:int"))));

            Table table = glue.getTable(r -> r.databaseName("shop").name("ORDERS")).table();
            assertThat(table.name()).isEqualTo("orders");
            assertThat(table.databaseName()).isEqualTo("shop");
            assertThat(table.catalogId()).isEqualTo("000000000000");
            assertThat(table.createdBy()).isEqualTo("arn:aws:iam::000000000000:root");
            assertThat(table.isRegisteredWithLakeFormation()).isFalse();
            assertThat(table.versionId()).isEqualTo("0");
            assertThat(table.retention()).isZero();
            assertThat(table.createTime()).isBetween(before.minusMillis(1), labNow());
            assertThat(table.updateTime()).isEqualTo(table.createTime());
            assertThat(table.tableType()).isEqualTo("EXTERNAL_TABLE");
            assertThat(table.parameters()).containsEntry("classification", "parquet");
            assertThat(table.storageDescriptor().location()).isEqualTo("s3://lake/orders/");
            assertThat(table.storageDescriptor().columns()).extracting(Column::name).containsExactly("id", "amount");
            assertThat(table.partitionKeys()).extracting(Column::name, Column::type)
                    .containsExactly(tuple("year", "int"),
                            tuple("month", "int"));
        }
    }

    @Test
    void createTableRefusesAMissingDatabaseAndADuplicateName() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            assertThatThrownBy(() -> glue.createTable(r -> r.databaseName("no_such_db")
                    .tableInput(table("t", "s3://x/", List.of()))))
                    .isInstanceOfSatisfying(EntityNotFoundException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Database no_such_db not found."));
            createDatabase(glue, "dups");
            glue.createTable(r -> r.databaseName("dups").tableInput(table("t", "s3://x/", List.of())));
            assertThatThrownBy(() -> glue.createTable(r -> r.databaseName("dups").tableInput(table("T", "s3://y/", List.of()))))
                    .isInstanceOfSatisfying(AlreadyExistsException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table already exists."));
        }
    }

    @Test
    void getTableOfAnUnknownTableOrDatabaseFailsWithEntityNotFound() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "lookups");
            assertThatThrownBy(() -> glue.getTable(r -> r.databaseName("lookups").name("ghost")))
                    .isInstanceOfSatisfying(EntityNotFoundException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table ghost not found."));
            assertThatThrownBy(() -> glue.getTable(r -> r.databaseName("ghost_db").name("ghost")))
                    .isInstanceOfSatisfying(EntityNotFoundException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Database ghost_db not found."));
        }
    }

    @Test
    void getTablesFiltersNamesWithTheExpressionAndPages() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "listing");
            for (String name : List.of("sales_2023", "sales_2024", "sales_eu", "returns", "customers")) {
                glue.createTable(r -> r.databaseName("listing").tableInput(table(name, "s3://lake/" + name + "/", List.of())));
            }

            assertThat(tableNames(glue, "listing", null)).containsExactly("customers", "returns", "sales_2023", "sales_2024", "sales_eu");
            assertThat(tableNames(glue, "listing", "sales.*")).containsExactly("sales_2023", "sales_2024", "sales_eu");
            assertThat(tableNames(glue, "listing", "sales*")).containsExactly("sales_2023", "sales_2024", "sales_eu");
            assertThat(tableNames(glue, "listing", "sales_20[0-9]+")).containsExactly("sales_2023", "sales_2024");
            assertThat(tableNames(glue, "listing", "RETURNS|customers")).containsExactly("customers", "returns");
            assertThatThrownBy(() -> glue.getTables(r -> r.databaseName("listing").expression("sales_[")))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> glue.getTables(r -> r.databaseName("not_there")))
                    .isInstanceOf(EntityNotFoundException.class);

            GetTablesResponse first = glue.getTables(r -> r.databaseName("listing").maxResults(2));
            assertThat(first.tableList()).extracting(Table::name).containsExactly("customers", "returns");
            GetTablesResponse second = glue.getTables(r -> r.databaseName("listing").maxResults(2).nextToken(first.nextToken()));
            assertThat(second.tableList()).extracting(Table::name).containsExactly("sales_2023", "sales_2024");
            GetTablesResponse last = glue.getTables(r -> r.databaseName("listing").maxResults(2).nextToken(second.nextToken()));
            assertThat(last.tableList()).extracting(Table::name).containsExactly("sales_eu");
            assertThat(last.nextToken()).isNull();

            Table nameOnly = glue.getTables(r -> r.databaseName("listing").expression("returns")
                    .attributesToGet(TableAttributes.NAME)).tableList().get(0);
            assertThat(nameOnly.name()).isEqualTo("returns");
            assertThat(nameOnly.storageDescriptor()).isNull();
        }
    }

    @Test
    void updateTableReplacesTheDefinitionAndIncrementsTheVersionId() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "updates");
            glue.createTable(r -> r.databaseName("updates").tableInput(table("t", "s3://lake/v0/", List.of())));
            Table created = glue.getTable(r -> r.databaseName("updates").name("t")).table();

            glue.updateTable(r -> r.databaseName("updates").versionId("0")
                    .tableInput(table("t", "s3://lake/v1/", List.of()).toBuilder().description("first update").build()));
            glue.updateTable(r -> r.databaseName("updates").tableInput(table("t", "s3://lake/v2/", List.of())));

            Table updated = glue.getTable(r -> r.databaseName("updates").name("t")).table();
            assertThat(updated.versionId()).isEqualTo("2");
            assertThat(updated.storageDescriptor().location()).isEqualTo("s3://lake/v2/");
            assertThat(updated.description()).as("UpdateTable replaces, it does not merge").isNull();
            assertThat(updated.createTime()).isEqualTo(created.createTime());
            assertThat(updated.updateTime()).isAfterOrEqualTo(created.updateTime());
            assertThat(updated.createdBy()).isEqualTo(created.createdBy());
            assertThatThrownBy(() -> glue.updateTable(r -> r.databaseName("updates").tableInput(table("nope", "s3://x/", List.of()))))
                    .isInstanceOf(EntityNotFoundException.class);
        }
    }

    @Test
    void updateTableWithAStaleVersionIdLosesWithConcurrentModificationAndChangesNothing() {
        try (GlueClient writerA = cloud.client(GlueClient.builder());
             GlueClient writerB = cloud.client(GlueClient.builder())) {
            createDatabase(writerA, "locking");
            writerA.createTable(r -> r.databaseName("locking").tableInput(iceberg("t", "s3://lake/t/metadata/00000.json")));
            String seenByA = writerA.getTable(r -> r.databaseName("locking").name("t")).table().versionId();
            String seenByB = writerB.getTable(r -> r.databaseName("locking").name("t")).table().versionId();

            writerA.updateTable(r -> r.databaseName("locking").versionId(seenByA)
                    .tableInput(iceberg("t", "s3://lake/t/metadata/00001-a.json")));

            assertThatThrownBy(() -> writerB.updateTable(r -> r.databaseName("locking").versionId(seenByB)
                    .tableInput(iceberg("t", "s3://lake/t/metadata/00001-b.json"))))
                    .isInstanceOfSatisfying(ConcurrentModificationException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Update table failed due to concurrent modifications.");
                    });
            Table current = writerB.getTable(r -> r.databaseName("locking").name("t")).table();
            assertThat(current.parameters()).containsEntry("metadata_location", "s3://lake/t/metadata/00001-a.json");
            assertThat(current.versionId()).isEqualTo("1");
        }
    }

    @Test
    void ofManyWritersRacingWithTheSameVersionIdExactlyOneWins() throws Exception {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "race");
            glue.createTable(r -> r.databaseName("race").tableInput(iceberg("t", "s3://lake/race/0.json")));
            String version = glue.getTable(r -> r.databaseName("race").name("t")).table().versionId();
            int writers = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    String location = "s3://lake/race/1-" + i + ".json";
                    Callable<Boolean> commit = () -> {
                        start.await();
                        try {
                            glue.updateTable(r -> r.databaseName("race").versionId(version).tableInput(iceberg("t", location)));
                            return true;
                        } catch (ConcurrentModificationException lost) {
                            return false;
                        }
                    };
                    outcomes.add(pool.submit(commit));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> outcome : outcomes) {
                    winners += outcome.get() ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(glue.getTable(r -> r.databaseName("race").name("t")).table().versionId()).isEqualTo("1");
        }
    }

    @Test
    void eachUpdateArchivesThePreviousVersionUnlessSkipArchiveIsSet() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "history");
            glue.createTable(r -> r.databaseName("history").tableInput(iceberg("t", "m0.json")));
            glue.updateTable(r -> r.databaseName("history").versionId("0").tableInput(iceberg("t", "m1.json")));
            glue.updateTable(r -> r.databaseName("history").versionId("1").tableInput(iceberg("t", "m2.json")));
            glue.updateTable(r -> r.databaseName("history").versionId("2").skipArchive(true).tableInput(iceberg("t", "m3.json")));

            GetTableVersionsResponse versions = glue.getTableVersions(r -> r.databaseName("history").tableName("t"));
            assertThat(versions.tableVersions()).extracting(TableVersion::versionId).containsExactly("3", "1", "0");
            assertThat(versions.tableVersions()).extracting(v -> v.table().parameters().get("metadata_location"))
                    .containsExactly("m3.json", "m1.json", "m0.json");
            assertThat(versions.tableVersions()).allSatisfy(v -> assertThat(v.table().versionId()).isEqualTo(v.versionId()));

            assertThat(glue.getTableVersion(r -> r.databaseName("history").tableName("t").versionId("0"))
                    .tableVersion().table().parameters()).containsEntry("metadata_location", "m0.json");
            assertThat(glue.getTableVersion(r -> r.databaseName("history").tableName("t")).tableVersion().versionId())
                    .as("without a VersionId, the current version").isEqualTo("3");
            assertThatThrownBy(() -> glue.getTableVersion(r -> r.databaseName("history").tableName("t").versionId("2")))
                    .as("version 2 was replaced with SkipArchive").isInstanceOf(EntityNotFoundException.class);

            GetTableVersionsResponse firstPage = glue.getTableVersions(r -> r.databaseName("history").tableName("t").maxResults(2));
            assertThat(firstPage.tableVersions()).extracting(TableVersion::versionId).containsExactly("3", "1");
            assertThat(glue.getTableVersions(r -> r.databaseName("history").tableName("t").maxResults(2)
                    .nextToken(firstPage.nextToken())).tableVersions()).extracting(TableVersion::versionId).containsExactly("0");
        }
    }

    @Test
    void deleteTableRemovesItsVersionsAndPartitionsAndMissingTablesAreNotFound() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "deletes");
            glue.createTable(r -> r.databaseName("deletes").tableInput(table("t", "s3://x/", columns("day:string"))));
            glue.updateTable(r -> r.databaseName("deletes").tableInput(table("t", "s3://y/", columns("day:string"))));
            glue.createPartition(r -> r.databaseName("deletes").tableName("t")
                    .partitionInput(CatalogFixtures.partition("s3://y/day=1/", "1")));

            glue.deleteTable(r -> r.databaseName("DELETES").name("T"));

            assertThatThrownBy(() -> glue.getTable(r -> r.databaseName("deletes").name("t"))).isInstanceOf(EntityNotFoundException.class);
            glue.createTable(r -> r.databaseName("deletes").tableInput(table("t", "s3://z/", columns("day:string"))));
            assertThat(glue.getTableVersions(r -> r.databaseName("deletes").tableName("t")).tableVersions())
                    .extracting(TableVersion::versionId).containsExactly("0");
            assertThat(CatalogFixtures.allPartitions(glue, "deletes", "t", null)).isEmpty();
            assertThatThrownBy(() -> glue.deleteTable(r -> r.databaseName("deletes").name("ghost")))
                    .isInstanceOfSatisfying(EntityNotFoundException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table ghost not found."));
        }
    }

    @Test
    void batchDeleteTableDeletesWhatExistsAndReportsTheRestPerTable() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "batch");
            glue.createTable(r -> r.databaseName("batch").tableInput(table("a", "s3://a/", List.of())));
            glue.createTable(r -> r.databaseName("batch").tableInput(table("b", "s3://b/", List.of())));

            var response = glue.batchDeleteTable(r -> r.databaseName("batch").tablesToDelete("a", "missing", "B"));

            assertThat(response.errors()).singleElement().satisfies(error -> {
                assertThat(error.tableName()).isEqualTo("missing");
                assertThat(error.errorDetail().errorCode()).isEqualTo("EntityNotFoundException");
                assertThat(error.errorDetail().errorMessage()).isEqualTo("Table missing not found.");
            });
            assertThat(glue.getTables(r -> r.databaseName("batch")).tableList()).isEmpty();
        }
    }

    @Test
    void icebergShapedTablesRoundTripTheirParametersAndColumnParameters() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            createDatabase(glue, "ice");
            Column id = Column.builder().name("id").type("bigint").comment("the key")
                    .parameters(Map.of("iceberg.field.id", "1", "iceberg.field.optional", "false", "iceberg.field.current", "true"))
                    .build();
            glue.createTable(r -> r.databaseName("ice").tableInput(TableInput.builder().name("events")
                    .tableType("EXTERNAL_TABLE")
                    .parameters(Map.of("table_type", "ICEBERG", "metadata_location", "s3://w/ice/events/metadata/1.json"))
                    .storageDescriptor(StorageDescriptor.builder().location("s3://w/ice/events").columns(id).build())
                    .build()));

            Table table = glue.getTable(r -> r.databaseName("ice").name("events")).table();
            assertThat(table.parameters()).containsEntry("table_type", "ICEBERG")
                    .containsEntry("metadata_location", "s3://w/ice/events/metadata/1.json");
            assertThat(table.storageDescriptor().columns()).singleElement().satisfies(c -> {
                assertThat(c.comment()).isEqualTo("the key");
                assertThat(c.parameters()).containsEntry("iceberg.field.id", "1");
            });
        }
    }

    private static TableInput iceberg(String name, String metadataLocation) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("table_type", "ICEBERG");
        parameters.put("metadata_location", metadataLocation);
        return TableInput.builder().name(name).tableType("EXTERNAL_TABLE").parameters(parameters).build();
    }

    private static List<String> tableNames(GlueClient glue, String database, String expression) {
        return glue.getTables(r -> r.databaseName(database).expression(expression)).tableList().stream().map(Table::name).toList();
    }

    private static Instant labNow() {
        return cloud.cloud().platform().clock().instant();
    }
}
