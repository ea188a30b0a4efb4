package gluelab.cloud.services.glue.crawlers;

import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.crawl;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.services.rds.RdsClients;
import gluelab.cloud.testing.ChildLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ConnectionType;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * {@code kill -9} of Lab Cloud loses no JDBC crawler: its targets, its connection and the tables it made are there
 * after the restart, and it crawls the database again, updating a table whose column was added meanwhile.
 */
class GlueJdbcCrawlerKillNineTest {

    private static final String PASSWORD = "crash-Pass1";

    @TempDir
    Path stateDir;

    @AfterEach
    void noServerOutlivesTheTest() {
        RdsClients.serversOn(stateDir).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aJdbcCrawlerSurvivesKillNineAndItsRecrawlUpdatesATableWhoseColumnWasAdded() throws Exception {
        try (ChildLabCloud first = ChildLabCloud.start(stateDir); RdsClient rds = first.client(RdsClient.builder());
             GlueClient glue = first.client(GlueClient.builder())) {
            TestRoles.createGlueRoles(first.endpoint());
            DBInstance instance = createDatabase(rds);
            sql(instance, "CREATE TABLE accounts (id integer)");
            glue.createDatabase(r -> r.databaseInput(d -> d.name("ledger_catalog")));
            glue.createConnection(r -> r.connectionInput(c -> c.name("ledger-etl").connectionType(ConnectionType.JDBC)
                    .connectionPropertiesWithStrings(Map.of("JDBC_CONNECTION_URL", url(instance),
                            "USERNAME", "lab_admin", "PASSWORD", PASSWORD))));
            glue.createCrawler(r -> r.name("ledger").role(CrawlerLabSupport.ROLE).databaseName("ledger_catalog")
                    .targets(t -> t.jdbcTargets(j -> j.connectionName("ledger-etl").path("ledger/public/%")
                            .exclusions("tmp_*"))));
            assertThat(crawl(glue, "ledger").lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
            sql(instance, "ALTER TABLE accounts ADD COLUMN owner text");
            first.kill();
        }

        try (ChildLabCloud second = ChildLabCloud.start(stateDir); RdsClient rds = second.client(RdsClient.builder());
             GlueClient glue = second.client(GlueClient.builder())) {
            RdsClients.awaitAvailable(rds, "ledger-db");
            assertThat(glue.getCrawler(r -> r.name("ledger")).crawler().targets().jdbcTargets()).singleElement()
                    .satisfies(target -> {
                        assertThat(target.connectionName()).isEqualTo("ledger-etl");
                        assertThat(target.path()).isEqualTo("ledger/public/%");
                        assertThat(target.exclusions()).containsExactly("tmp_*");
                    });
            assertThat(glue.getTable(r -> r.databaseName("ledger_catalog").name("ledger_public_accounts")).table()
                    .storageDescriptor().columns()).hasSize(1);

            Crawler crawler = crawl(glue, "ledger");

            assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
            Table accounts = glue.getTable(r -> r.databaseName("ledger_catalog").name("ledger_public_accounts"))
                    .table();
            assertThat(accounts.storageDescriptor().columns()).extracting(c -> c.name() + ":" + c.type())
                    .isEqualTo(List.of("id:int", "owner:string"));
            assertThat(glue.getCrawlerMetrics(r -> r.crawlerNameList("ledger")).crawlerMetricsList().get(0)
                    .tablesUpdated()).isEqualTo(1);
            second.stop();
        }
    }

    private static DBInstance createDatabase(RdsClient rds) {
        rds.createDBInstance(r -> r.dbInstanceIdentifier("ledger-db").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("lab_admin").masterUserPassword(PASSWORD).dbName("ledger"));
        return RdsClients.awaitAvailable(rds, "ledger-db");
    }

    private static String url(DBInstance instance) {
        return "jdbc:postgresql://" + instance.endpoint().address() + ":" + instance.endpoint().port() + "/ledger";
    }

    private static void sql(DBInstance instance, String statement) throws Exception {
        try (Connection connection = RdsClients.connect(instance, "ledger", "lab_admin", PASSWORD);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
