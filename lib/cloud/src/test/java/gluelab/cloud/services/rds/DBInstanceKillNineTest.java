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
 * {@code kill -9} of Lab Cloud leaves its PostgreSQL servers running, as a crash would: the next Lab Cloud on the same
 * state directory shuts the orphan down, starts the instance again on its data (everything committed is there, and
 * its password still holds), and stops it when it stops.
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
    void anInstanceKilledWithLabCloudComesBackWithItsCommittedDataAndItsOrphanedServerIsReplaced() throws Exception {
        long orphan;
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
            first.kill();
            assertThat(serversOnStateDir()).as("the crash leaves the server running").hasSize(1);
            orphan = serversOnStateDir().get(0).pid();
        }

        try (ChildLabCloud second = ChildLabCloud.start(stateDir); RdsClient rds = second.client(RdsClient.builder())) {
            DBInstance instance = awaitAvailable(rds, "crash-db");
            try (Connection connection = connect(instance, "ledger", "lab_admin", "crash-Pass1");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT amount FROM entries")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
            assertThat(serversOnStateDir()).extracting(ProcessHandle::pid).hasSize(1).doesNotContain(orphan);
            second.stop();
        }
        assertThat(serversOnStateDir()).as("stopped with the second Lab Cloud").isEmpty();
    }
}
