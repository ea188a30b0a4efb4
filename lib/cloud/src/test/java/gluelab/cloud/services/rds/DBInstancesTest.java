package gluelab.cloud.services.rds;

import static gluelab.cloud.services.rds.RdsClients.awaitAvailable;
import static gluelab.cloud.services.rds.RdsClients.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.Tag;

/** DB instances are real PostgreSQL servers, provisioned, changed and deleted through the RDS API. */
class DBInstancesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static RdsClient rds;

    @BeforeAll
    static void clients() {
        rds = cloud.client(RdsClient.builder());
    }

    @AfterAll
    static void closeClients() {
        rds.close();
    }

    private static DBInstance create(String identifier, String password) {
        DBInstance creating = rds.createDBInstance(r -> r.dbInstanceIdentifier(identifier).engine("postgres")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("lab_admin")
                .masterUserPassword(password).dbName("sales")).dbInstance();
        assertThat(creating.dbInstanceStatus()).isEqualTo("creating");
        return awaitAvailable(rds, identifier);
    }

    private static String sqlState(DBInstance instance, String user, String password) {
        try (Connection ignored = connect(instance, "sales", user, password)) {
            return "accepted";
        } catch (SQLException refused) {
            return refused.getSQLState();
        }
    }

    @Test
    void aCreatedInstanceBecomesAvailableWithAnEndpointWhereOnlyTheMasterPasswordIsAccepted() throws SQLException {
        DBInstance instance = create("orders-db", "first-Pass1");

        assertThat(instance.dbInstanceStatus()).isEqualTo("available");
        assertThat(instance.engine()).isEqualTo("postgres");
        assertThat(instance.engineVersion()).startsWith("17.");
        assertThat(instance.endpoint().address()).isEqualTo("127.0.0.1");
        assertThat(instance.dbInstanceArn()).isEqualTo("arn:aws:rds:us-east-1:000000000000:db:orders-db");
        try (Connection connection = connect(instance, "sales", "lab_admin", "first-Pass1");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id int PRIMARY KEY, amount numeric)");
            statement.execute("INSERT INTO orders VALUES (1, 9.5)");
            ResultSet rows = statement.executeQuery("SELECT current_user, current_database(), amount FROM orders");
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("lab_admin");
            assertThat(rows.getString(2)).isEqualTo("sales");
            assertThat(rows.getBigDecimal(3)).isEqualByComparingTo("9.5");
        }
        assertThat(sqlState(instance, "lab_admin", "wrong-Pass1")).as("a wrong password").isEqualTo("28P01");
        assertThat(sqlState(instance, "rdsadmin", "first-Pass1")).as("the engine's own superuser").isEqualTo("28P01");
    }

    @Test
    void changingTheMasterPasswordResetsCredentialsSoTheOldPasswordIsRefusedAndTheNewOneAccepted() {
        create("rotate-db", "old-Pass123");

        DBInstance modifying = rds.modifyDBInstance(r -> r.dbInstanceIdentifier("rotate-db")
                .masterUserPassword("new-Pass456").applyImmediately(true)).dbInstance();
        assertThat(modifying.dbInstanceStatus()).isEqualTo("resetting-master-credentials");
        assertThat(modifying.pendingModifiedValues().masterUserPassword()).isEqualTo("****");
        DBInstance available = awaitAvailable(rds, "rotate-db");

        assertThat(available.pendingModifiedValues().masterUserPassword()).isNull();
        assertThat(sqlState(available, "lab_admin", "old-Pass123")).as("the old password").isEqualTo("28P01");
        assertThat(sqlState(available, "lab_admin", "new-Pass456")).as("the new password").isEqualTo("accepted");
    }

    @Test
    void cloudTrailRecordsTheCallsButHidesTheMasterPassword() throws Exception {
        create("audited-db", "audited-Pass1");
        rds.modifyDBInstance(r -> r.dbInstanceIdentifier("audited-db").masterUserPassword("audited-Pass2"));
        awaitAvailable(rds, "audited-db");

        try (CloudTrailClient cloudtrail = cloud.client(CloudTrailClient.builder())) {
            List<String> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (records.size() < 2 && System.currentTimeMillis() < deadline) {
                records.clear();
                for (String operation : List.of("CreateDBInstance", "ModifyDBInstance")) {
                    cloudtrail.lookupEvents(r -> r.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_NAME)
                            .attributeValue(operation))).events().stream()
                            .map(Event::cloudTrailEvent).filter(record -> record.contains("audited-db"))
                            .forEach(records::add);
                }
                Thread.sleep(50);
            }

            assertThat(records).hasSize(2).allSatisfy(record -> assertThat(record)
                    .contains("\"masterUserPassword\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"")
                    .doesNotContain("audited-Pass"));
        }
    }

    @Test
    void createDBInstanceRefusesWhatRdsRefuses() {
        Consumer<CreateDbInstanceRequest.Builder> valid = r -> r.dbInstanceIdentifier("valid-db").engine("postgres")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("lab_admin")
                .masterUserPassword("good-Pass1");
        assertRefused(valid.andThen(r -> r.dbInstanceIdentifier("1starts-with-digit")), "InvalidParameterValue",
                "is not a valid identifier");
        assertRefused(valid.andThen(r -> r.dbInstanceIdentifier("two--hyphens")), "InvalidParameterValue",
                "is not a valid identifier");
        assertRefused(valid.andThen(r -> r.dbInstanceIdentifier("ends-with-")), "InvalidParameterValue",
                "is not a valid identifier");
        assertRefused(valid.andThen(r -> r.dbInstanceIdentifier("a".repeat(64))), "InvalidParameterValue",
                "is not a valid identifier");
        assertRefused(valid.andThen(r -> r.dbInstanceClass("t3.micro")), "InvalidParameterValue",
                "Invalid DB Instance class: t3.micro");
        assertRefused(valid.andThen(r -> r.engine("mysql")), "InvalidParameterCombination", "postgres only");
        assertRefused(valid.andThen(r -> r.engine("nosuchdb")), "InvalidParameterValue", "Invalid DB engine: nosuchdb");
        assertRefused(valid.andThen(r -> r.engineVersion("9.6")), "InvalidParameterCombination",
                "Cannot find version 9.6 for postgres");
        assertRefused(valid.andThen(r -> r.masterUsername("rdsadmin")), "InvalidParameterValue", "reserved word");
        assertRefused(valid.andThen(r -> r.masterUsername("select")), "InvalidParameterValue", "reserved word");
        assertRefused(valid.andThen(r -> r.masterUsername("9lives")), "InvalidParameterValue", "not a valid identifier");
        assertRefused(valid.andThen(r -> r.masterUserPassword("short1")), "InvalidParameterValue",
                "shorter than 8 characters");
        for (String badCharacter : new String[] {"/", "@", "\"", " "}) {
            assertRefused(valid.andThen(r -> r.masterUserPassword("good-Pass1" + badCharacter)),
                    "InvalidParameterValue", "Only printable ASCII characters besides");
        }
        assertRefused(valid.andThen(r -> r.masterUserPassword("x".repeat(129))), "InvalidParameterValue",
                "longer than 128 characters");
        assertRefused(valid.andThen(r -> r.allocatedStorage(5)), "InvalidParameterCombination",
                "Invalid storage size for engine name postgres and storage type gp2: 5");
        assertRefused(valid.andThen(r -> r.dbName("has-hyphen")), "InvalidParameterValue", "DBName");
        assertThatThrownBy(() -> rds.describeDBInstances(r -> r.dbInstanceIdentifier("valid-db")))
                .as("nothing refused was created").isInstanceOf(DbInstanceNotFoundException.class)
                .hasMessageContaining("DBInstance valid-db not found.");
    }

    private static void assertRefused(Consumer<CreateDbInstanceRequest.Builder> request, String code, String words) {
        assertThatThrownBy(() -> rds.createDBInstance(request))
                .isInstanceOfSatisfying(RdsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.statusCode()).isEqualTo(400);
                })
                .hasMessageContaining(words);
    }

    @Test
    void aSecondInstanceOfTheSameIdentifierInAnyCaseIsDBInstanceAlreadyExists() {
        create("twice-db", "twice-Pass1");

        assertThatThrownBy(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier("Twice-DB").engine("postgres")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("lab_admin")
                .masterUserPassword("twice-Pass1")))
                .isInstanceOfSatisfying(RdsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DBInstanceAlreadyExists"));
    }

    @Test
    void describeDBInstancesFiltersByIdentifierAndEngineAndRefusesUnknownOrUnnamedFilters() {
        create("filter-db", "filter-Pass1");

        assertThat(rds.describeDBInstances(r -> r.filters(f -> f.name("db-instance-id").values("filter-db")))
                .dbInstances()).extracting(DBInstance::dbInstanceIdentifier).containsExactly("filter-db");
        assertThat(rds.describeDBInstances(r -> r.filters(f -> f.name("engine").values("mysql"))).dbInstances())
                .isEmpty();
        assertThatThrownBy(() -> rds.describeDBInstances(r -> r.filters(f -> f.name("color").values("red"))))
                .isInstanceOfSatisfying(RdsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> rds.describeDBInstances(r -> r.filters(f -> f.values("filter-db"))))
                .isInstanceOfSatisfying(RdsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter"));
        assertThatThrownBy(() -> rds.describeDBInstances(r -> r.maxRecords(5)))
                .isInstanceOfSatisfying(RdsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void deletingAnInstanceNeedsSkipFinalSnapshotThenStopsItsServerAndForgetsIt() throws Exception {
        DBInstance instance = create("doomed-db", "doomed-Pass1");

        assertThatThrownBy(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("doomed-db")))
                .isInstanceOfSatisfying(RdsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"))
                .hasMessageContaining("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        DBInstance deleting = rds.deleteDBInstance(r -> r.dbInstanceIdentifier("doomed-db").skipFinalSnapshot(true))
                .dbInstance();
        assertThat(deleting.dbInstanceStatus()).isEqualTo("deleting");

        PostgresProcesses.awaitGone(instance.endpoint().port());
        assertThat(sqlState(instance, "lab_admin", "doomed-Pass1")).as("the server is gone").isEqualTo("08001");
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && !rds.describeDBInstances().dbInstances().stream()
                .noneMatch(i -> i.dbInstanceIdentifier().equals("doomed-db"))) {
            Thread.sleep(50);
        }
        assertThatThrownBy(() -> rds.describeDBInstances(r -> r.dbInstanceIdentifier("doomed-db")))
                .isInstanceOf(DbInstanceNotFoundException.class);
    }

    @Test
    void tagsAreAddedListedAndRemovedByTheInstancesArn() {
        String arn = create("tagged-db", "tagged-Pass1").dbInstanceArn();

        rds.addTagsToResource(r -> r.resourceName(arn).tags(Tag.builder().key("team").value("sales").build(),
                Tag.builder().key("stage").value("lab").build()));
        rds.removeTagsFromResource(r -> r.resourceName(arn).tagKeys("stage"));

        assertThat(rds.listTagsForResource(r -> r.resourceName(arn)).tagList())
                .containsExactly(Tag.builder().key("team").value("sales").build());
        assertThatThrownBy(() -> rds.listTagsForResource(r -> r.resourceName(
                "arn:aws:rds:us-east-1:000000000000:db:no-such-db")))
                .isInstanceOf(DbInstanceNotFoundException.class);
    }
}
