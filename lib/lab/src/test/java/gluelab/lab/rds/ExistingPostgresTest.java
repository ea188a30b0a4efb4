package gluelab.lab.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.LabSetupException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * {@code LAB_POSTGRES_URL}: the database notebooks make their database and master user on a PostgreSQL server of the
 * learner's own, and a lab's reset removes exactly what that lab made there. The "server of one's own" here is an
 * RDS instance of Lab Cloud, whose master user is, as on RDS, an ordinary role with CREATEDB and CREATEROLE.
 */
class ExistingPostgresTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final String DBA_PASSWORD = "own-Server-Pass1";
    private static String serverUrl;
    private static DBInstance server;

    @BeforeAll
    static void aServerOfOnesOwn() {
        try (RdsClient rds = cloud.client(RdsClient.builder())) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("my-own-server").engine("postgres")
                    .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("dba")
                    .masterUserPassword(DBA_PASSWORD).dbName("ops"));
            server = rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("my-own-server"),
                            o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200))).maxAttempts(600))
                    .matched().response().orElseThrow().dbInstances().get(0);
        }
        serverUrl = "postgresql://dba:" + DBA_PASSWORD.replace("-", "%2D") + "@" + server.endpoint().address() + ":"
                + server.endpoint().port() + "/ops";
    }

    private static ExistingPostgres forLab(String prefix) {
        return ExistingPostgres.fromSettings(Map.of(ExistingPostgres.URL_VARIABLE, serverUrl), prefix).orElseThrow();
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + server.endpoint().address() + ":"
                + server.endpoint().port() + "/" + database, user, password);
    }

    private static String answerTo(String database, String user, String password) {
        try (Connection ignored = connect(database, user, password)) {
            return "accepted";
        } catch (SQLException refused) {
            return refused.getSQLState();
        }
    }

    private static List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection dba = connect("ops", "dba", DBA_PASSWORD); Statement statement = dba.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "postgresql://admin:s%40cret@db.example.com:6543/ops | db.example.com:6543 (as admin)",
            "postgres://admin:secret@db.example.com/ops          | db.example.com:5432 (as admin)",
            "postgresql://db.example.com?user=admin&password=x   | db.example.com:5432 (as admin)",
            "jdbc:postgresql://10.0.0.5:5432/ops?user=etl&password=x | 10.0.0.5:5432 (as etl)"})
    void aLibpqUriOrAJdbcUrlNamesTheServerAndWhoTheLabSignsInAs(String url, String described) {
        assertThat(ExistingPostgres.parse(url, "lab35-").describe()).isEqualTo(described);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql://admin:x@db.example.com/ops", "postgresql://db.example.com/ops",
            "postgresql://admin@db.example.com/ops", "postgresql:///ops?user=a&password=b"})
    void aUrlWithoutAPostgresServerOrCredentialsIsRefusedWithAnExample(String url) {
        assertThatThrownBy(() -> ExistingPostgres.parse(url, "lab35-"))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("LAB_POSTGRES_URL")
                .hasMessageContaining("postgresql://admin:secret@db.example.com:5432/postgres");
    }

    @Test
    void withoutTheSettingThereIsNoServerAndNotebooksUseRds() {
        assertThat(ExistingPostgres.fromSettings(Map.of(), "lab35-")).isEmpty();
        assertThat(ExistingPostgres.fromSettings(Map.of(ExistingPostgres.URL_VARIABLE, " "), "lab35-")).isEmpty();
    }

    @Test
    void provisionGivesWhatCreateDbInstanceWouldADatabaseOwnedByAMasterUserWithTheNotebooksPassword() throws SQLException {
        DBInstance instance = forLab("lab61-").provision("lab61-billing-db", "billing", "billing_admin", "first-Pass1");

        assertThat(instance.dbInstanceStatus()).isEqualTo("available");
        assertThat(instance.endpoint().address()).isEqualTo(server.endpoint().address());
        assertThat(instance.endpoint().port()).isEqualTo(server.endpoint().port());
        assertThat(instance.dbName()).isEqualTo("lab61_billing");
        assertThat(instance.masterUsername()).isEqualTo("billing_admin");
        assertThat(instance.engineVersion()).startsWith("17.");
        assertThat(answerTo("lab61_billing", "billing_admin", "first-Pass1")).isEqualTo("accepted");
        assertThat(answerTo("lab61_billing", "billing_admin", "wrong-Pass1")).isEqualTo("28P01");
        try (Connection master = connect("lab61_billing", "billing_admin", "first-Pass1");
             Statement sql = master.createStatement()) {
            sql.execute("CREATE TABLE invoices (id int PRIMARY KEY)");
            sql.execute("CREATE ROLE app_reader LOGIN PASSWORD 'reader-Pass1'");
        }
        forLab("lab61-").removeWhatThisLabMade();
    }

    @Test
    void runningTheCellAgainStartsFromNothing() throws SQLException {
        ExistingPostgres lab = forLab("lab62-");
        lab.provision("lab62-meters-db", "meters", "meters_admin", "first-Pass1");
        try (Connection master = connect("lab62_meters", "meters_admin", "first-Pass1");
             Statement sql = master.createStatement()) {
            sql.execute("CREATE TABLE readings (id int)");
        }

        lab.provision("lab62-meters-db", "meters", "meters_admin", "second-Pass1");

        assertThat(answerTo("lab62_meters", "meters_admin", "second-Pass1")).isEqualTo("accepted");
        assertThat(answerTo("lab62_meters", "meters_admin", "first-Pass1")).isEqualTo("28P01");
        assertThat(column("SELECT count(*) FROM pg_database WHERE datname = 'lab62_meters'")).containsExactly("1");
        try (Connection master = connect("lab62_meters", "meters_admin", "second-Pass1");
             Statement sql = master.createStatement();
             ResultSet tables = sql.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'readings'")) {
            tables.next();
            assertThat(tables.getInt(1)).as("the old database's table").isZero();
        }
        lab.removeWhatThisLabMade();
    }

    @Test
    void aResetRemovesThisLabsDatabaseMasterUserAndTheRolesItsMasterCreatedAndNothingElse() throws SQLException {
        ExistingPostgres lab = forLab("lab63-");
        ExistingPostgres otherLab = forLab("lab64-");
        lab.provision("lab63-wine-db", "wine", "wine_admin", "wine-Pass1");
        otherLab.provision("lab64-beer-db", "beer", "beer_admin", "beer-Pass1");
        try (Connection master = connect("lab63_wine", "wine_admin", "wine-Pass1"); Statement sql = master.createStatement()) {
            sql.execute("CREATE TABLE orders (id int)");
            sql.execute("CREATE ROLE glue_reader LOGIN PASSWORD 'reader-Pass1'");
            sql.execute("GRANT SELECT ON orders TO glue_reader");
        }
        try (Connection dba = connect("ops", "dba", DBA_PASSWORD); Statement sql = dba.createStatement()) {
            sql.execute("CREATE ROLE someone_elses LOGIN PASSWORD 'theirs-Pass1'");
        }

        Map<String, Integer> removed = lab.removeWhatThisLabMade();

        assertThat(removed).containsExactly(Map.entry("postgres databases", 1), Map.entry("postgres roles", 2));
        assertThat(column("SELECT datname FROM pg_database WHERE datname LIKE 'lab6%' ORDER BY 1"))
                .containsExactly("lab64_beer");
        assertThat(column("SELECT rolname FROM pg_roles WHERE rolname IN "
                + "('wine_admin', 'glue_reader', 'beer_admin', 'someone_elses', 'dba') ORDER BY 1"))
                .containsExactly("beer_admin", "dba", "someone_elses");
        assertThat(answerTo("lab64_beer", "beer_admin", "beer-Pass1")).isEqualTo("accepted");
        otherLab.removeWhatThisLabMade();
        try (Connection dba = connect("ops", "dba", DBA_PASSWORD); Statement sql = dba.createStatement()) {
            sql.execute("DROP ROLE someone_elses");
        }
    }

    @Test
    void aMasterUserThatExistsAndIsNotThisLabsIsRefusedAndLeftAlone() throws SQLException {
        try (Connection dba = connect("ops", "dba", DBA_PASSWORD); Statement sql = dba.createStatement()) {
            sql.execute("CREATE ROLE reporting LOGIN PASSWORD 'theirs-Pass1'");
        }
        forLab("lab65-").provision("lab65-other-db", "other", "other_admin", "other-Pass1");

        assertThatThrownBy(() -> forLab("lab66-").provision("lab66-db", "x", "reporting", "mine-Pass1"))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("already has a role reporting, which the lab did not make");
        assertThatThrownBy(() -> forLab("lab66-").provision("lab66-db", "x", "other_admin", "mine-Pass1"))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("made by the lab for lab65-: run that notebook's clean-up cell");
        assertThat(answerTo("ops", "reporting", "theirs-Pass1")).isEqualTo("accepted");
        assertThat(column("SELECT datname FROM pg_database WHERE datname = 'lab66_x'")).isEmpty();
        forLab("lab65-").removeWhatThisLabMade();
        try (Connection dba = connect("ops", "dba", DBA_PASSWORD); Statement sql = dba.createStatement()) {
            sql.execute("DROP ROLE reporting");
        }
    }

    @Test
    void changePasswordIsModifyDbInstanceForTheLabsOwnMasterUserOnly() {
        ExistingPostgres lab = forLab("lab67-");
        lab.provision("lab67-meters-db", "meters", "meters_boss", "first-Pass1");

        lab.changePassword("meters_boss", "second-Pass1");

        assertThat(answerTo("lab67_meters", "meters_boss", "second-Pass1")).isEqualTo("accepted");
        assertThat(answerTo("lab67_meters", "meters_boss", "first-Pass1")).isEqualTo("28P01");
        assertThatThrownBy(() -> lab.changePassword("dba", "taken-Pass1"))
                .isInstanceOf(LabSetupException.class).hasMessageContaining("not one this lab made");
        assertThat(answerTo("ops", "dba", DBA_PASSWORD)).isEqualTo("accepted");
        lab.removeWhatThisLabMade();
    }

    @Test
    void aServerThatRefusesTheLabsSignInSaysWhichSettingToCheck() {
        String wrong = serverUrl.replace(DBA_PASSWORD.replace("-", "%2D"), "wrong");
        ExistingPostgres lab = ExistingPostgres.fromSettings(Map.of(ExistingPostgres.URL_VARIABLE, wrong), "lab68-").orElseThrow();

        assertThatThrownBy(() -> lab.provision("lab68-db", "x", "x_admin", "x-Pass1"))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("Could not sign in as dba on the server in LAB_POSTGRES_URL")
                .hasMessageContaining("28P01");
    }
}
