package gluelab.e2e.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.kernel.grade.Grader;
import gluelab.kernel.grade.NotebookGrade;
import gluelab.kernel.run.NotebookRun;
import gluelab.lab.LabHome;
import gluelab.lab.rds.ExistingPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * The database notebooks (35–38) on a PostgreSQL server of the learner's own, as {@code LAB_POSTGRES_URL} names
 * it: every check passes, no notebook creates an RDS instance, and each notebook's clean-up leaves the server as it
 * found it. The learner's server is an RDS instance of the same Lab Cloud, made before the notebooks run, whose
 * master user has what such a server's administrator has: CREATEDB and CREATEROLE, and no superuser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExistingPostgresNotebooksTest {

    private static final Path HOME = LabHome.locate();
    private static final String DBA_PASSWORD = "own-Server-Pass1";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults()
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER));

    private static DBInstance server;

    @BeforeAll
    static void aServerOfTheLearnersOwn() {
        try (RdsClient rds = cloud.client(RdsClient.builder())) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("learners-own-server").engine("postgres")
                    .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("dba")
                    .masterUserPassword(DBA_PASSWORD).dbName("ops"));
            server = rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("learners-own-server"),
                            o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200))).maxAttempts(600))
                    .matched().response().orElseThrow().dbInstances().get(0);
        }
        System.setProperty("LAB_ENDPOINT", cloud.endpoint().toString());
        System.setProperty("LAB_TARGET", "embedded");
        System.setProperty(ExistingPostgres.URL_VARIABLE, "postgresql://dba:" + DBA_PASSWORD + "@"
                + server.endpoint().address() + ":" + server.endpoint().port() + "/ops");
    }

    @AfterAll
    static void forgetTheServer() {
        System.clearProperty("LAB_ENDPOINT");
        System.clearProperty("LAB_TARGET");
        System.clearProperty(ExistingPostgres.URL_VARIABLE);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "35-secrets-manager-jdbc-to-s3.ipynb      | lab35 | billing_admin",
            "36-scheduled-lambda-glue-secret.ipynb    | lab36 | meters_admin",
            "37-secret-rotation-glue-connection.ipynb | lab37 | wine_admin glue_reader",
            "38-rotation-connection-crawler.ipynb     | lab38 | wine_admin glue_reader"})
    void theNotebookPassesEveryCheckOnTheLearnersServerAndLeavesNothingThere(String notebook, String lab, String roles)
            throws Exception {
        NotebookGrade grade = new Grader().grade(HOME.resolve("notebooks").resolve(notebook)).notebooks().get(0);
        NotebookRun run = grade.run().orElseThrow(() -> new AssertionError(grade.problem().orElse("not run")));

        String report = String.join("\n", run.reportLines());
        assertThat(run.failedCell()).as("a cell that is not a check failed:%n%s", report).isEmpty();
        assertThat(run.failedCount()).as("failed checks:%n%s", report).isZero();
        assertThat(grade.score()).as("full marks").isEqualTo(grade.maxScore());
        assertThat(asTheServersAdministrator("SELECT datname FROM pg_database WHERE datname LIKE '" + lab + "\\_%'"))
                .as("databases the notebook made, after its clean-up").isEmpty();
        assertThat(asTheServersAdministrator("SELECT rolname FROM pg_roles WHERE rolname IN ('"
                + String.join("', '", roles.split(" ")) + "')"))
                .as("roles the notebook made, after its clean-up").isEmpty();
    }

    @Order(2)
    @Test
    void noNotebookCreatedAnRdsInstanceOnlyTheLearnerDid() {
        try (CloudTrailClient trail = cloud.client(CloudTrailClient.builder())) {
            List<Event> created = trail.lookupEventsPaginator(r -> r.lookupAttributes(a -> a
                    .attributeKey("EventName").attributeValue("CreateDBInstance"))).events().stream().toList();
            assertThat(created).as("CreateDBInstance calls CloudTrail recorded").hasSize(1);
            assertThat(created.get(0).cloudTrailEvent()).contains("learners-own-server");
        }
    }

    private static List<String> asTheServersAdministrator(String select) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection dba = DriverManager.getConnection("jdbc:postgresql://" + server.endpoint().address() + ":"
                + server.endpoint().port() + "/ops", "dba", DBA_PASSWORD);
             Statement statement = dba.createStatement(); ResultSet rows = statement.executeQuery(select)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
