package gluelab.cloud.services.rds;

import static gluelab.cloud.services.rds.RdsClients.awaitAvailable;
import static gluelab.cloud.services.rds.RdsClients.connect;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * A DB instance's server lives as long as Lab Cloud: closing Lab Cloud stops it, a restart on the same state directory
 * starts it again on its data, and a lab reset removes it; no postgres process is ever left behind.
 */
class DBInstanceLifetimeTest {

    @TempDir
    Path stateDir;

    private LabCloud start(Path state) {
        LabCloudConfig config = LabCloudConfig.defaults().withPort(0).withGlueWorker(LabCloudConfig.GlueWorkerMode.OFF);
        return LabCloud.start(state == null ? config : config.withStateDir(state));
    }

    private static RdsClient client(LabCloud cloud) {
        return RdsClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static DBInstance create(RdsClient rds, String identifier) {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(identifier).engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("lab_admin").masterUserPassword("lifetime-Pass1").dbName("shop"));
        return awaitAvailable(rds, identifier);
    }

    @Test
    void anInstanceAndItsDataSurviveARestartOnTheSameStateDirectoryAndItsServerStopsWithLabCloud() throws Exception {
        int firstPort;
        try (LabCloud cloud = start(stateDir); RdsClient rds = client(cloud)) {
            DBInstance instance = create(rds, "durable-db");
            firstPort = instance.endpoint().port();
            try (Connection connection = connect(instance, "shop", "lab_admin", "lifetime-Pass1");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE items (name text)");
                statement.execute("INSERT INTO items VALUES ('kept')");
            }
            assertThat(PostgresProcesses.listeningOn(firstPort)).hasSize(1);
        }
        assertThat(PostgresProcesses.listeningOn(firstPort)).as("stopped when Lab Cloud closed").isEmpty();
        assertThat(stateDir.resolve("payload/rds/000000000000/us-east-1/durable-db/data/PG_VERSION")).exists();

        try (LabCloud cloud = start(stateDir); RdsClient rds = client(cloud)) {
            DBInstance instance = awaitAvailable(rds, "durable-db");
            try (Connection connection = connect(instance, "shop", "lab_admin", "lifetime-Pass1");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name FROM items")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept");
            }
            firstPort = instance.endpoint().port();
        }
        assertThat(PostgresProcesses.listeningOn(firstPort)).isEmpty();
    }

    @Test
    void aLabResetStopsEveryServerAndRemovesItsData() throws Exception {
        try (LabCloud cloud = start(stateDir); RdsClient rds = client(cloud)) {
            int first = create(rds, "reset-one").endpoint().port();
            int second = create(rds, "reset-two").endpoint().port();

            HttpResponse<String> reset = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(cloud.endpoint() + "/_lab/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(PostgresProcesses.listeningOn(first)).isEmpty();
            assertThat(PostgresProcesses.listeningOn(second)).isEmpty();
            assertThat(rds.describeDBInstances().dbInstances()).isEmpty();
            assertThat(stateDir.resolve("payload/rds/000000000000/us-east-1/reset-one")).doesNotExist();
        }
    }

    @Test
    void withoutAStateDirectoryTheDataGoesWhenLabCloudCloses() throws Exception {
        int port;
        Path data;
        try (LabCloud cloud = start(null); RdsClient rds = client(cloud)) {
            port = create(rds, "scratch-db").endpoint().port();
            data = PostgresProcesses.listeningOn(port).get(0).info().arguments()
                    .map(arguments -> Path.of(arguments[1])).orElseThrow();
            assertThat(data).exists();
        }
        assertThat(PostgresProcesses.listeningOn(port)).isEmpty();
        assertThat(Files.exists(data)).isFalse();
    }
}
