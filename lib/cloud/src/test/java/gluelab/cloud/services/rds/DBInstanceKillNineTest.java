package gluelab.cloud.services.rds;

import static gluelab.cloud.services.rds.RdsClients.awaitAvailable;
import static gluelab.cloud.services.rds.RdsClients.connect;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.ChildLabCloud;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * {@code kill -9} of Lab Cloud: its PostgreSQL servers do not outlive it by more than a few seconds (each has a guard
 * that ends it when Lab Cloud is gone), and the next Lab Cloud on the same state directory starts the instance again
 * on its data (everything committed is there, and its password still holds), and stops it when it stops. A server
 * still running then (its guard was killed too) is shut down first.
 */
class DBInstanceKillNineTest {

    @TempDir
    Path stateDir;

    @AfterEach
    void noServerOutlivesTheTest() {
        serversOnStateDir().forEach(ProcessHandle::destroyForcibly);
    }

    private List<ProcessHandle> serversOnStateDir() {
        return RdsClients.serversOn(stateDir);
    }

    @Test
    void anInstanceKilledWithLabCloudComesBackWithItsCommittedData() throws Exception {
        try (ChildLabCloud first = ChildLabCloud.start(stateDir); RdsClient rds = first.client(RdsClient.builder())) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("crash-db").engine("postgres")
                    .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("lab_admin")
                    .masterUserPassword("crash-Pass1").dbName("ledger"));
            DBInstance instance = awaitAvailable(rds, "crash-db");
            try (Connection connection = connect(instance, "ledger", "lab_admin", "crash-Pass1");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE entries (amount int)");
                statement.execute("INSERT INTO entries VALUES (7)");
            }
            ProcessHandle server = serversOnStateDir().get(0);
            first.kill();
            assertThat(server.onExit()).as("the server ends a few seconds after Lab Cloud was killed")
                    .succeedsWithin(java.time.Duration.ofSeconds(15));
        }

        try (ChildLabCloud second = ChildLabCloud.start(stateDir); RdsClient rds = second.client(RdsClient.builder())) {
            DBInstance instance = awaitAvailable(rds, "crash-db");
            try (Connection connection = connect(instance, "ledger", "lab_admin", "crash-Pass1");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT amount FROM entries")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
            assertThat(serversOnStateDir()).hasSize(1);
            second.stop();
        }
        assertThat(serversOnStateDir()).as("stopped with the second Lab Cloud").isEmpty();
    }

    @Test
    void aServerThatOutlivedItsLabCloudIsShutDownByTheNextOne() throws Exception {
        long orphan;
        try (ChildLabCloud first = ChildLabCloud.start(stateDir); RdsClient rds = first.client(RdsClient.builder())) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("orphan-db").engine("postgres")
                    .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("lab_admin")
                    .masterUserPassword("orphan-Pass1"));
            awaitAvailable(rds, "orphan-db");
            // The guards go first, as with a kill of the whole process group: nothing ends the server then.
            first.process().descendants().filter(child -> child.info().command().orElse("").endsWith("sh"))
                    .forEach(ProcessHandle::destroyForcibly);
            first.kill();
            Thread.sleep(3_000);
            assertThat(serversOnStateDir()).as("the server outlived its Lab Cloud").hasSize(1);
            orphan = serversOnStateDir().get(0).pid();
        }

        try (ChildLabCloud second = ChildLabCloud.start(stateDir); RdsClient rds = second.client(RdsClient.builder())) {
            awaitAvailable(rds, "orphan-db");
            assertThat(serversOnStateDir()).extracting(ProcessHandle::pid).hasSize(1).doesNotContain(orphan);
            second.stop();
        }
        assertThat(serversOnStateDir()).as("stopped with the second Lab Cloud").isEmpty();
    }
}
