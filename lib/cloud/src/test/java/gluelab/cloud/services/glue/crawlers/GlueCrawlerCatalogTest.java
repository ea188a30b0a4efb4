package gluelab.cloud.services.glue.crawlers;

import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.crawl;
import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.put;
import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.s3Crawler;
import static gluelab.cloud.services.glue.crawlers.inference.ParquetFooterFixture.parquet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.apache.parquet.format.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerMetrics;
import software.amazon.awssdk.services.glue.model.DeleteBehavior;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.RecrawlBehavior;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.UpdateBehavior;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What crawls of real objects, put into Lab Cloud's S3 through the SDK, write to the Data Catalog: tables and
 * partitions, and on later crawls what the SchemaChangePolicy, the RecrawlPolicy and the table prefix say.
 */
class GlueCrawlerCatalogTest {

    private static final String SALES_HEADER = "id,item,amount\n";
    private static final String SALES_ROWS = "1,apple,1.5\n2,pear,2.25\n3,plum,0.75\n";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory().withGlueRoles();
    static GlueClient glue;
    static S3Client s3;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void clients() {
        glue = cloud.client(GlueClient.builder());
        s3 = cloud.client(S3Client.builder());
        logs = cloud.client(CloudWatchLogsClient.builder());
    }

    @AfterAll
    static void closeClients() {
        glue.close();
        s3.close();
        logs.close();
    }

    /** A bucket and a database named {@code name}, with sales CSV partitioned by day for each day given. */
    private static void lakeWithSales(String name, String... days) {
        s3.createBucket(r -> r.bucket(name));
        glue.createDatabase(r -> r.databaseInput(d -> d.name(name.replace('-', '_'))));
        for (String day : days) {
            put(s3, name, "sales/day=" + day + "/part-0.csv", SALES_HEADER + SALES_ROWS);
        }
    }

    private static String database(String name) {
        return name.replace('-', '_');
    }

    private static Table table(String lake, String name) {
        return glue.getTable(r -> r.databaseName(database(lake)).name(name)).table();
    }

    private static List<String> partitionValues(String lake, String table) {
        return glue.getPartitions(r -> r.databaseName(database(lake)).tableName(table)).partitions().stream()
                .map(p -> String.join("/", p.values())).sorted().toList();
    }

    private static List<String> columnNames(Table table) {
        return table.storageDescriptor().columns().stream().map(Column::name).toList();
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CrawlerMetrics metrics(String crawler) {
        return glue.getCrawlerMetrics(r -> r.crawlerNameList(crawler)).crawlerMetricsList().get(0);
    }

    @Test
    void aCrawlOfPartitionedCsvCreatesAnExternalTableWithItsPartitions() {
        lakeWithSales("first-lake", "2024-01-01", "2024-01-02");
        glue.createCrawler(s3Crawler("first", database("first-lake"), "s3://first-lake/sales/").build());

        Crawler crawler = crawl(glue, "first");

        assertThat(crawler.lastCrawl().status()).as(crawler.lastCrawl().errorMessage()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        Table sales = table("first-lake", "sales");
        assertThat(sales.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(sales.parameters()).containsEntry("UPDATED_BY_CRAWLER", "first").containsEntry("classification", "csv");
        assertThat(sales.storageDescriptor().location()).startsWith("s3://first-lake/sales");
        assertThat(columnNames(sales)).containsExactly("id", "item", "amount");
        assertThat(sales.partitionKeys()).extracting(Column::name).containsExactly("day");
        assertThat(partitionValues("first-lake", "sales")).containsExactly("2024-01-01", "2024-01-02");

        CrawlerMetrics metrics = metrics("first");
        assertThat(metrics.tablesCreated()).isEqualTo(1);
        assertThat(metrics.tablesUpdated()).isZero();
        assertThat(metrics.lastRuntimeSeconds()).isPositive();
        assertThat(metrics.medianRuntimeSeconds()).isEqualTo(metrics.lastRuntimeSeconds());
        assertThat(metrics.stillEstimating()).isFalse();
        assertThat(metrics.timeLeftSeconds()).isZero();

        JsonNode summary = json(glue.listCrawls(r -> r.crawlerName("first")).crawls().get(0).summary());
        assertThat(summary.path("ADD").path("TABLE").path("Count").asInt()).isEqualTo(1);
        assertThat(summary.path("ADD").path("PARTITION").path("Count").asInt()).isEqualTo(2);

        List<JsonNode> events = CrawlerLabSupport.stateChanges(cloud, "first");
        assertThat(events).extracting(e -> e.path("detail").path("state").asText()).containsExactly("Started", "Succeeded");
        JsonNode succeeded = events.get(1).path("detail");
        assertThat(succeeded.path("message").asText()).isEqualTo("Crawler Succeeded");
        assertThat(succeeded.path("tablesCreated").asText()).isEqualTo("1");
        assertThat(succeeded.path("partitionsCreated").asText()).isEqualTo("2");
        assertThat(succeeded.path("tablesDeleted").asText()).isEqualTo("0");
        assertThat(succeeded.has("runningTime (sec)")).isTrue();
        assertThat(succeeded.has("completionDate")).isTrue();

        assertThat(CrawlerLabSupport.logLines(logs, "first"))
                .anySatisfy(line -> assertThat(line).contains("INFO : Created table sales in database first_lake"))
                .last().satisfies(line -> assertThat(line).endsWith("Crawler has finished running and is in state READY"));
    }

    @Test
    void partitionedParquetIsDescribedFromTheFootersItReadsThroughS3() {
        s3.createBucket(r -> r.bucket("parquet-lake"));
        glue.createDatabase(r -> r.databaseInput(d -> d.name(database("parquet-lake"))));
        for (String month : List.of("01", "02")) {
            byte[] file = parquet().rows(500).dataBytes(200_000).column("rental_id", Type.INT64).string("station")
                    .decimal("fare", 8, 2).date("rental_date").bytes();
            put(s3, "parquet-lake", "rentals/year=2026/month=" + month + "/part-00000.snappy.parquet", file);
        }
        glue.createCrawler(s3Crawler("parquet", database("parquet-lake"), "s3://parquet-lake/rentals/").build());

        Crawler crawler = crawl(glue, "parquet");

        assertThat(crawler.lastCrawl().status()).as(crawler.lastCrawl().errorMessage()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        Table rentals = table("parquet-lake", "rentals");
        assertThat(rentals.parameters()).containsEntry("classification", "parquet").containsEntry("recordCount", "1000")
                .containsEntry("compressionType", "snappy");
        assertThat(rentals.storageDescriptor().columns()).extracting(Column::name, Column::type).containsExactly(
                tuple("rental_id", "bigint"), tuple("station", "string"), tuple("fare", "decimal(8,2)"),
                tuple("rental_date", "date"));
        assertThat(rentals.storageDescriptor().serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(rentals.partitionKeys()).extracting(Column::name).containsExactly("year", "month");
        assertThat(partitionValues("parquet-lake", "rentals")).containsExactly("2026/01", "2026/02");
    }

    @Test
    void aRecrawlAfterANewPartitionAddsItAndLeavesTheTableAsItWas() {
        lakeWithSales("growing-lake", "2024-01-01", "2024-01-02");
        glue.createCrawler(s3Crawler("growing", database("growing-lake"), "s3://growing-lake/sales/").build());
        crawl(glue, "growing");
        Table before = table("growing-lake", "sales");

        put(s3, "growing-lake", "sales/day=2024-01-03/part-0.csv", SALES_HEADER + SALES_ROWS);
        crawl(glue, "growing");

        assertThat(partitionValues("growing-lake", "sales")).containsExactly("2024-01-01", "2024-01-02", "2024-01-03");
        Table after = table("growing-lake", "sales");
        assertThat(after.versionId()).isEqualTo(before.versionId());
        assertThat(after.storageDescriptor().columns()).isEqualTo(before.storageDescriptor().columns());
        assertThat(metrics("growing").tablesCreated()).isZero();
        assertThat(metrics("growing").tablesUpdated()).isZero();
        assertThat(CrawlerLabSupport.stateChanges(cloud, "growing").get(3).path("detail").path("partitionsCreated").asText())
                .isEqualTo("1");
    }

    @Test
    void aSchemaChangeUpdatesTheTableWithUpdateInDatabase() {
        lakeWithSales("update-lake", "2024-01-01");
        glue.createCrawler(s3Crawler("updating", database("update-lake"), "s3://update-lake/sales/").build());
        crawl(glue, "updating");

        put(s3, "update-lake", "sales/day=2024-01-01/part-0.csv", "id,item,amount,store\n1,apple,1.5,north\n");
        crawl(glue, "updating");

        assertThat(columnNames(table("update-lake", "sales"))).containsExactly("id", "item", "amount", "store");
        assertThat(metrics("updating").tablesUpdated()).isEqualTo(1);
    }

    @Test
    void aSchemaChangeIsOnlyLoggedWithLogButNewPartitionsAreStillAdded() {
        lakeWithSales("log-lake", "2024-01-01");
        glue.createCrawler(s3Crawler("logging", database("log-lake"), "s3://log-lake/sales/")
                .schemaChangePolicy(p -> p.updateBehavior(UpdateBehavior.LOG).deleteBehavior(DeleteBehavior.LOG)).build());
        crawl(glue, "logging");
        Table before = table("log-lake", "sales");

        put(s3, "log-lake", "sales/day=2024-01-01/part-0.csv", "id,item,amount,store\n1,apple,1.5,north\n");
        put(s3, "log-lake", "sales/day=2024-01-02/part-0.csv", "id,item,amount,store\n1,apple,1.5,north\n");
        crawl(glue, "logging");

        Table after = table("log-lake", "sales");
        assertThat(columnNames(after)).containsExactly("id", "item", "amount");
        assertThat(after.versionId()).isEqualTo(before.versionId());
        assertThat(partitionValues("log-lake", "sales")).containsExactly("2024-01-01", "2024-01-02");
        assertThat(metrics("logging").tablesUpdated()).isZero();
        assertThat(CrawlerLabSupport.logLines(logs, "logging"))
                .anySatisfy(line -> assertThat(line).contains("has a new schema; it is not updated (UpdateBehavior LOG)"));
    }

    @Test
    void tablesWhoseDataIsGoneAreDeletedDeprecatedOrKeptAsTheDeleteBehaviorSays() {
        for (DeleteBehavior behavior : List.of(DeleteBehavior.DELETE_FROM_DATABASE, DeleteBehavior.DEPRECATE_IN_DATABASE,
                DeleteBehavior.LOG)) {
            String lake = "gone-" + behavior.toString().toLowerCase().replace('_', '-');
            String crawlerName = "gone-" + behavior;
            lakeWithSales(lake, "2024-01-01");
            glue.createCrawler(s3Crawler(crawlerName, database(lake), "s3://" + lake + "/sales/")
                    .schemaChangePolicy(p -> p.deleteBehavior(behavior)).build());
            crawl(glue, crawlerName);

            s3.deleteObject(r -> r.bucket(lake).key("sales/day=2024-01-01/part-0.csv"));
            Crawler crawler = crawl(glue, crawlerName);

            assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
            switch (behavior) {
                case DELETE_FROM_DATABASE -> {
                    assertThat(glue.getTables(r -> r.databaseName(database(lake))).tableList()).isEmpty();
                    assertThat(metrics(crawlerName).tablesDeleted()).isEqualTo(1);
                }
                case DEPRECATE_IN_DATABASE -> assertThat(table(lake, "sales").parameters()).containsKey("DEPRECATED_BY_CRAWLER");
                default -> assertThat(table(lake, "sales").parameters()).doesNotContainKey("DEPRECATED_BY_CRAWLER");
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> table("gone-delete-from-database", "sales"))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void crawlingNewFoldersOnlyReadsOnlyFoldersNoEarlierCrawlRead() {
        lakeWithSales("incremental-lake", "2024-01-01");
        glue.createCrawler(s3Crawler("incremental", database("incremental-lake"), "s3://incremental-lake/sales/")
                .recrawlPolicy(p -> p.recrawlBehavior(RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY))
                .schemaChangePolicy(p -> p.updateBehavior(UpdateBehavior.LOG).deleteBehavior(DeleteBehavior.LOG)).build());
        crawl(glue, "incremental");

        // The old folder changes schema, a new folder appears: only the new one is read.
        put(s3, "incremental-lake", "sales/day=2024-01-01/part-0.csv", "id,item,amount,store\n1,apple,1.5,north\n");
        put(s3, "incremental-lake", "sales/day=2024-01-02/part-0.csv", SALES_HEADER + SALES_ROWS);
        crawl(glue, "incremental");

        assertThat(partitionValues("incremental-lake", "sales")).containsExactly("2024-01-01", "2024-01-02");
        assertThat(CrawlerLabSupport.logLines(logs, "incremental"))
                .noneSatisfy(line -> assertThat(line).contains("has a new schema"));
        List<Partition> partitions = glue.getPartitions(r -> r.databaseName(database("incremental-lake"))
                .tableName("sales")).partitions();
        assertThat(partitions).allSatisfy(p -> assertThat(p.storageDescriptor().columns()).extracting(Column::name)
                .containsExactly("id", "item", "amount"));
    }

    @Test
    void theTablePrefixIsPutBeforeEveryTableNameTheCrawlerCreates() {
        lakeWithSales("prefixed-lake", "2024-01-01");
        glue.createCrawler(s3Crawler("prefixed", database("prefixed-lake"), "s3://prefixed-lake/sales/")
                .tablePrefix("raw_").build());

        crawl(glue, "prefixed");

        assertThat(glue.getTables(r -> r.databaseName(database("prefixed-lake"))).tableList()).extracting(Table::name)
                .containsExactly("raw_sales");
    }

    @Test
    void withMergeNewColumnsASchemaChangeAddsNewColumnsAndDropsNone() {
        lakeWithSales("merge-lake", "2024-01-01");
        glue.createCrawler(s3Crawler("merging", database("merge-lake"), "s3://merge-lake/sales/")
                .configuration("{\"Version\":1.0,\"CrawlerOutput\":{\"Tables\":{\"AddOrUpdateBehavior\":\"MergeNewColumns\"}}}")
                .build());
        crawl(glue, "merging");

        put(s3, "merge-lake", "sales/day=2024-01-01/part-0.csv", "id,store\n1,north\n");
        crawl(glue, "merging");

        assertThat(columnNames(table("merge-lake", "sales"))).containsExactly("id", "item", "amount", "store");
    }

    @Test
    void withInheritFromTableNewPartitionsTakeTheTablesColumns() {
        lakeWithSales("inherit-lake", "2024-01-01");
        glue.createCrawler(s3Crawler("inheriting", database("inherit-lake"), "s3://inherit-lake/sales/")
                .schemaChangePolicy(p -> p.updateBehavior(UpdateBehavior.LOG))
                .configuration("{\"Version\":1.0,\"CrawlerOutput\":{\"Partitions\":{\"AddOrUpdateBehavior\":\"InheritFromTable\"}}}")
                .build());
        crawl(glue, "inheriting");

        put(s3, "inherit-lake", "sales/day=2024-01-02/part-0.csv", "id,item,amount,store\n1,apple,1.5,north\n");
        crawl(glue, "inheriting");

        Partition added = glue.getPartition(r -> r.databaseName(database("inherit-lake")).tableName("sales")
                .partitionValues("2024-01-02")).partition();
        assertThat(added.storageDescriptor().columns()).extracting(Column::name).containsExactly("id", "item", "amount");
        assertThat(added.storageDescriptor().location()).contains("2024-01-02");
    }
}
