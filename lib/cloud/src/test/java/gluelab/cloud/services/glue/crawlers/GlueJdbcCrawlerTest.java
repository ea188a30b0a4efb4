package gluelab.cloud.services.glue.crawlers;

import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.crawl;
import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.logLines;
import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.stateChanges;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.services.rds.RdsClients;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.ConnectionInput;
import software.amazon.awssdk.services.glue.model.ConnectionType;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerMetrics;
import software.amazon.awssdk.services.glue.model.CreateCrawlerRequest;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.JdbcMetadataEntry;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.ValidationException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Crawlers of JDBC targets against a real PostgreSQL provisioned through RDS: each table and view the include path
 * matches becomes a catalog table as Glue's JDBC crawler makes it, through the connection's password or its
 * secret; a stale password fails the crawl and leaves the catalog as it was; a re-crawl follows the database.
 */
class GlueJdbcCrawlerTest {

    private static final String PASSWORD = "right-Pass1";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory().withGlueRoles();
    static GlueClient glue;
    static CloudWatchLogsClient logs;
    static RdsClient rds;
    static DBInstance instance;
    static String jdbcUrl;

    @BeforeAll
    static void database() throws SQLException {
        glue = cloud.client(GlueClient.builder());
        logs = cloud.client(CloudWatchLogsClient.builder());
        rds = cloud.client(RdsClient.builder());
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("etl").masterUserPassword(PASSWORD).dbName("shop"));
        instance = RdsClients.awaitAvailable(rds, "shop");
        jdbcUrl = "jdbc:postgresql://" + instance.endpoint().address() + ":" + instance.endpoint().port() + "/shop";
        sql("CREATE TABLE public.orders (id integer PRIMARY KEY, customer bigint, amount numeric(10,2), "
                        + "note varchar(200), body text, paid boolean, ordered date, at timestamp, "
                        + "at_zone timestamptz, ratio double precision, score real, small smallint, raw bytea)",
                "COMMENT ON COLUMN public.orders.amount IS 'in euros'",
                "CREATE TABLE public.customers (id integer, name text)",
                "CREATE TABLE public.orders_archive (id integer)",
                "CREATE VIEW public.big_orders AS SELECT id, amount FROM public.orders WHERE amount > 100",
                "CREATE SCHEMA staging",
                "CREATE TABLE staging.loads (id integer, loaded timestamp)");
        glue.createDatabase(r -> r.databaseInput(d -> d.name("shop_catalog")));
        glue.createConnection(r -> r.connectionInput(connection("shop-etl", Map.of("USERNAME", "etl",
                "PASSWORD", PASSWORD))));
    }

    @AfterAll
    static void closeClients() {
        glue.close();
        logs.close();
        rds.close();
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection connection = RdsClients.connect(instance, "shop", "etl", PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static ConnectionInput connection(String name, Map<String, String> credentials) {
        Map<String, String> properties = new HashMap<>(credentials);
        properties.put("JDBC_CONNECTION_URL", jdbcUrl);
        return ConnectionInput.builder().name(name).connectionType(ConnectionType.JDBC)
                .connectionPropertiesWithStrings(properties).build();
    }

    private static CreateCrawlerRequest.Builder jdbcCrawler(String name, String database, String connection,
                                                            String path, String... exclusions) {
        return CreateCrawlerRequest.builder().name(name).role(CrawlerLabSupport.ROLE).databaseName(database)
                .targets(t -> t.jdbcTargets(j -> j.connectionName(connection).path(path).exclusions(exclusions)));
    }

    private static List<Table> tables(String database) {
        return glue.getTables(r -> r.databaseName(database)).tableList();
    }

    private static Map<String, String> columnTypes(Table table) {
        Map<String, String> types = new LinkedHashMap<>();
        table.storageDescriptor().columns().forEach(c -> types.put(c.name(), c.type()));
        return types;
    }

    private static CrawlerMetrics metrics(String crawler) {
        return glue.getCrawlerMetrics(r -> r.crawlerNameList(crawler)).crawlerMetricsList().get(0);
    }

    @Test
    void createGetAndUpdateCrawlerKeepJdbcTargetsAndRefuseAPathThatIsNotDatabaseSchemaTable() {
        glue.createCrawler(jdbcCrawler("kept", "shop_catalog", "shop-etl", "shop/public/%", "orders_*").build());
        glue.updateCrawler(r -> r.name("kept").targets(t -> t.jdbcTargets(j -> j.connectionName("shop-etl")
                .path("shop/%").exclusions("staging/**").enableAdditionalMetadata(JdbcMetadataEntry.COMMENTS))));

        assertThat(glue.getCrawler(r -> r.name("kept")).crawler().targets().jdbcTargets()).singleElement()
                .satisfies(target -> {
                    assertThat(target.connectionName()).isEqualTo("shop-etl");
                    assertThat(target.path()).isEqualTo("shop/%");
                    assertThat(target.exclusions()).containsExactly("staging/**");
                    assertThat(target.enableAdditionalMetadata()).containsExactly(JdbcMetadataEntry.COMMENTS);
                });
        assertThatThrownBy(() -> glue.createCrawler(jdbcCrawler("no-schema", "shop_catalog", "shop-etl", "shop")
                .build())).isInstanceOf(InvalidInputException.class).hasMessageContaining("database/schema/table");
        assertThatThrownBy(() -> glue.createCrawler(jdbcCrawler("bad-glob", "shop_catalog", "shop-etl",
                "shop/public/%", "orders_[").build())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> glue.createCrawler(CreateCrawlerRequest.builder().name("bad-metadata")
                .role(CrawlerLabSupport.ROLE).databaseName("shop_catalog").targets(t -> t.jdbcTargets(j -> j
                        .connectionName("shop-etl").path("shop/public/%").enableAdditionalMetadataWithStrings("ALL")))
                .build())).isInstanceOf(ValidationException.class);
    }

    @Test
    void aCrawlOfASchemaMakesOneTablePerTableAndViewNamedLocatedAndTypedAsGlueDoes() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("schema_crawl")));
        glue.createCrawler(jdbcCrawler("schema", "schema_crawl", "shop-etl", "shop/public/%", "orders_*").build());

        Crawler crawler = crawl(glue, "schema");

        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(tables("schema_crawl")).extracting(Table::name)
                .containsExactlyInAnyOrder("shop_public_orders", "shop_public_customers", "shop_public_big_orders");
        Table orders = glue.getTable(r -> r.databaseName("schema_crawl").name("shop_public_orders")).table();
        assertThat(orders.storageDescriptor().location()).isEqualTo("shop.public.orders");
        assertThat(orders.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(columnTypes(orders)).containsExactly(Map.entry("id", "int"), Map.entry("customer", "bigint"),
                Map.entry("amount", "decimal(10,2)"), Map.entry("note", "string"), Map.entry("body", "string"),
                Map.entry("paid", "boolean"), Map.entry("ordered", "date"), Map.entry("at", "timestamp"),
                Map.entry("at_zone", "timestamp"), Map.entry("ratio", "double"), Map.entry("score", "float"),
                Map.entry("small", "smallint"), Map.entry("raw", "binary"));
        assertThat(orders.storageDescriptor().columns()).extracting(Column::comment).containsOnlyNulls();
        assertThat(orders.parameters()).containsEntry("classification", "postgresql")
                .containsEntry("connectionName", "shop-etl").containsEntry("typeOfData", "table")
                .containsEntry("UPDATED_BY_CRAWLER", "schema");
        assertThat(glue.getTable(r -> r.databaseName("schema_crawl").name("shop_public_big_orders")).table()
                .parameters()).containsEntry("typeOfData", "view");
        assertThat(metrics("schema").tablesCreated()).isEqualTo(3);
        assertThat(logLines(logs, "schema"))
                .anySatisfy(line -> assertThat(line).contains("INFO : Created table shop_public_orders in database "
                        + "schema_crawl"))
                .anySatisfy(line -> assertThat(line).contains("shop/public/orders_archive is excluded"));
        assertThat(stateChanges(cloud, "schema")).extracting(e -> e.path("detail").path("state").asText())
                .containsExactly("Started", "Succeeded");
    }

    @Test
    void aCrawlOfEverySchemaTakesTheTablePrefixAndDropsExcludedSchemasAndOneTablePathReadsOneTable() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("all_crawl")));
        glue.createCrawler(jdbcCrawler("every-schema", "all_crawl", "shop-etl", "shop/%", "public/**")
                .tablePrefix("pg_").build());
        glue.createCrawler(jdbcCrawler("one-table", "all_crawl", "shop-etl", "shop/public/customers").build());

        assertThat(crawl(glue, "every-schema").lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(crawl(glue, "one-table").lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);

        assertThat(tables("all_crawl")).extracting(Table::name)
                .containsExactlyInAnyOrder("pg_shop_staging_loads", "shop_public_customers");
        assertThat(columnTypes(glue.getTable(r -> r.databaseName("all_crawl").name("pg_shop_staging_loads")).table()))
                .containsExactly(Map.entry("id", "int"), Map.entry("loaded", "timestamp"));
    }

    @Test
    void columnCommentsComeWithEnableAdditionalMetadataComments() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("comment_crawl")));
        glue.createCrawler(CreateCrawlerRequest.builder().name("comments").role(CrawlerLabSupport.ROLE)
                .databaseName("comment_crawl").targets(t -> t.jdbcTargets(j -> j.connectionName("shop-etl")
                        .path("shop/public/orders").enableAdditionalMetadata(JdbcMetadataEntry.COMMENTS))).build());

        crawl(glue, "comments");

        assertThat(glue.getTable(r -> r.databaseName("comment_crawl").name("shop_public_orders")).table()
                .storageDescriptor().columns()).filteredOn(c -> c.name().equals("amount"))
                .singleElement().satisfies(c -> assertThat(c.comment()).isEqualTo("in euros"));
    }

    @Test
    void aConnectionWithASecretIdIsReadAsTheCrawlersRoleWhichNeedsGetSecretValueOnIt() {
        try (SecretsManagerClient secrets = cloud.client(SecretsManagerClient.builder());
             IamClient iam = cloud.client(IamClient.builder())) {
            String secretArn = secrets.createSecret(r -> r.name("shop/etl")
                    .secretString("{\"username\": \"etl\", \"password\": \"" + PASSWORD + "\"}")).arn();
            glue.createConnection(r -> r.connectionInput(connection("shop-secret", Map.of("SECRET_ID", "shop/etl"))));
            glue.createDatabase(r -> r.databaseInput(d -> d.name("secret_crawl")));
            glue.createCrawler(jdbcCrawler("by-secret", "secret_crawl", "shop-secret", "shop/public/customers")
                    .build());

            Crawler refused = crawl(glue, "by-secret");
            iam.putRolePolicy(r -> r.roleName(TestRoles.CRAWLER_ROLE_NAME).policyName("shop-secret")
                    .policyDocument("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                            + "\"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"" + secretArn + "\"}]}"));
            Crawler allowed = crawl(glue, "by-secret");

            assertThat(refused.lastCrawl().status()).isEqualTo(LastCrawlStatus.FAILED);
            assertThat(refused.lastCrawl().errorMessage()).contains("AccessDenied").contains("GlueCrawlerRole")
                    .contains("secretsmanager:GetSecretValue").doesNotContain(PASSWORD);
            assertThat(allowed.lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
            assertThat(tables("secret_crawl")).extracting(Table::name).containsExactly("shop_public_customers");
        }
    }

    @Test
    void aCrawlWithAStalePasswordFailsNamingTheAuthenticationFailureWithoutThePasswordAndLeavesTheCatalogAlone() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("stale_crawl")));
        glue.createConnection(r -> r.connectionInput(connection("shop-rotating", Map.of("USERNAME", "etl",
                "PASSWORD", PASSWORD))));
        glue.createCrawler(jdbcCrawler("stale", "stale_crawl", "shop-rotating", "shop/public/customers").build());
        assertThat(crawl(glue, "stale").lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        Table before = glue.getTable(r -> r.databaseName("stale_crawl").name("shop_public_customers")).table();
        glue.updateConnection(r -> r.name("shop-rotating").connectionInput(connection("shop-rotating",
                Map.of("USERNAME", "etl", "PASSWORD", "stale-Pass9"))));

        Crawler crawler = crawl(glue, "stale");

        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.FAILED);
        assertThat(crawler.lastCrawl().errorMessage()).contains("password authentication failed for user \"etl\"")
                .contains("28P01").contains("shop-rotating").doesNotContain("stale-Pass9");
        assertThat(logLines(logs, "stale")).noneSatisfy(line -> assertThat(line).contains("stale-Pass9"))
                .noneSatisfy(line -> assertThat(line).contains(PASSWORD))
                .anySatisfy(line -> assertThat(line).contains("ERROR : ").contains("28P01"));
        assertThat(glue.getTable(r -> r.databaseName("stale_crawl").name("shop_public_customers")).table())
                .isEqualTo(before);
        assertThat(metrics("stale").tablesCreated()).isZero();
        assertThat(stateChanges(cloud, "stale")).extracting(e -> e.path("detail").path("state").asText())
                .containsExactly("Started", "Succeeded", "Started", "Failed");
    }

    @Test
    void aRecrawlAfterAColumnIsAddedUpdatesTheTableAndATableDroppedIsDeprecated() throws SQLException {
        sql("CREATE TABLE public.evolving (id integer)", "CREATE TABLE public.evolving_gone (id integer)");
        glue.createDatabase(r -> r.databaseInput(d -> d.name("evolving_crawl")));
        glue.createCrawler(jdbcCrawler("evolving", "evolving_crawl", "shop-etl", "shop/public/evolving%").build());
        crawl(glue, "evolving");
        assertThat(metrics("evolving").tablesCreated()).isEqualTo(2);

        sql("ALTER TABLE public.evolving ADD COLUMN label varchar(20)", "DROP TABLE public.evolving_gone");
        Crawler crawler = crawl(glue, "evolving");

        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
        assertThat(columnTypes(glue.getTable(r -> r.databaseName("evolving_crawl").name("shop_public_evolving"))
                .table())).containsExactly(Map.entry("id", "int"), Map.entry("label", "string"));
        assertThat(glue.getTable(r -> r.databaseName("evolving_crawl").name("shop_public_evolving_gone")).table()
                .parameters()).containsKey("DEPRECATED_BY_CRAWLER");
        CrawlerMetrics metrics = metrics("evolving");
        assertThat(metrics.tablesCreated()).isZero();
        assertThat(metrics.tablesUpdated()).isEqualTo(1);
        assertThat(metrics.tablesDeleted()).isEqualTo(1);
    }

    @Test
    void aPathNamingAnotherDatabaseThanTheConnectionsFailsTheCrawlSayingSo() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("other_crawl")));
        glue.createCrawler(jdbcCrawler("other-db", "other_crawl", "shop-etl", "warehouse/public/%").build());

        Crawler crawler = crawl(glue, "other-db");

        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.FAILED);
        assertThat(crawler.lastCrawl().errorMessage()).contains("warehouse").contains("connects to database shop");
        assertThat(tables("other_crawl")).isEmpty();
    }
}
