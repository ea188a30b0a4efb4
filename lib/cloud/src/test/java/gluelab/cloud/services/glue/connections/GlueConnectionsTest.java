package gluelab.cloud.services.glue.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchDeleteConnectionResponse;
import software.amazon.awssdk.services.glue.model.Connection;
import software.amazon.awssdk.services.glue.model.ConnectionInput;
import software.amazon.awssdk.services.glue.model.ConnectionType;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetConnectionsResponse;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.waiters.RdsWaiter;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Glue connections are stored, listed, changed and deleted as on AWS, and TestConnection really connects to a
 * PostgreSQL server provisioned through RDS: the right password passes, a wrong one is refused as Glue refuses it.
 */
class GlueConnectionsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static GlueClient glue;
    static RdsClient rds;
    static String jdbcUrl;

    @BeforeAll
    static void database() {
        glue = cloud.client(GlueClient.builder());
        rds = cloud.client(RdsClient.builder());
        rds.createDBInstance(r -> r.dbInstanceIdentifier("warehouse").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("etl").masterUserPassword("right-Pass1").dbName("sales"));
        try (RdsWaiter waiter = RdsWaiter.builder().client(rds).overrideConfiguration(WaiterOverrideConfiguration
                .builder().backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))).maxAttempts(600)
                .build()).build()) {
            DBInstance instance = waiter.waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("warehouse"))
                    .matched().response().orElseThrow().dbInstances().get(0);
            jdbcUrl = "jdbc:postgresql://" + instance.endpoint().address() + ":" + instance.endpoint().port() + "/sales";
        }
    }

    @AfterAll
    static void closeClients() {
        glue.close();
        rds.close();
    }

    private static ConnectionInput jdbc(String name, String password) {
        return ConnectionInput.builder().name(name).connectionType(ConnectionType.JDBC).matchCriteria("postgres")
                .connectionPropertiesWithStrings(Map.of("JDBC_CONNECTION_URL", jdbcUrl, "USERNAME", "etl",
                        "PASSWORD", password))
                .build();
    }

    @Test
    void aConnectionIsStoredAndGetConnectionHidesItsPasswordWhenAsked() {
        glue.createConnection(r -> r.connectionInput(jdbc("shown", "right-Pass1")));

        Connection shown = glue.getConnection(r -> r.name("shown")).connection();
        Connection hidden = glue.getConnection(r -> r.name("shown").hidePassword(true)).connection();

        assertThat(shown.connectionType()).isEqualTo(ConnectionType.JDBC);
        assertThat(shown.connectionPropertiesAsStrings()).containsEntry("PASSWORD", "right-Pass1")
                .containsEntry("JDBC_CONNECTION_URL", jdbcUrl);
        assertThat(shown.creationTime()).isNotNull();
        assertThat(hidden.connectionPropertiesAsStrings()).doesNotContainKey("PASSWORD").containsEntry("USERNAME", "etl");
        assertThatThrownBy(() -> glue.createConnection(r -> r.connectionInput(jdbc("shown", "right-Pass1"))))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> glue.getConnection(r -> r.name("nowhere")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void getConnectionsFiltersByTypeAndMatchCriteriaAndPages() {
        for (String name : new String[] {"page-a", "page-b", "page-c"}) {
            glue.createConnection(r -> r.connectionInput(jdbc(name, "right-Pass1")));
        }
        glue.createConnection(r -> r.connectionInput(ConnectionInput.builder().name("page-network")
                .connectionType(ConnectionType.NETWORK).connectionPropertiesWithStrings(Map.of()).build()));

        GetConnectionsResponse first = glue.getConnections(r -> r.filter(f -> f.connectionType(ConnectionType.JDBC)
                .matchCriteria("postgres")).maxResults(2).hidePassword(true));
        GetConnectionsResponse rest = glue.getConnections(r -> r.filter(f -> f.connectionType(ConnectionType.JDBC)
                .matchCriteria("postgres")).maxResults(2).hidePassword(true).nextToken(first.nextToken()));

        assertThat(first.connectionList()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        assertThat(first.connectionList()).allSatisfy(c -> assertThat(c.connectionPropertiesAsStrings())
                .doesNotContainKey("PASSWORD"));
        assertThat(rest.connectionList()).extracting(Connection::name).doesNotContain("page-network")
                .doesNotContainAnyElementsOf(first.connectionList().stream().map(Connection::name).toList());
        assertThat(glue.getConnections(r -> r.filter(f -> f.connectionType(ConnectionType.NETWORK))).connectionList())
                .extracting(Connection::name).containsExactly("page-network");
    }

    @Test
    void testConnectionConnectsWithTheRightPasswordAndReportsAWrongOneAsGlueDoes() {
        glue.createConnection(r -> r.connectionInput(jdbc("tested", "right-Pass1")));
        glue.testConnection(r -> r.connectionName("tested"));

        glue.updateConnection(r -> r.name("tested").connectionInput(jdbc("tested", "stale-Pass1")));

        assertThatThrownBy(() -> glue.testConnection(r -> r.connectionName("tested")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("password authentication failed for user \"etl\"")
                .hasMessageContaining("28P01")
                .hasMessageNotContaining("stale-Pass1");
        assertThat(glue.getConnection(r -> r.name("tested")).connection().lastUpdatedTime()).isNotNull();
    }

    @Test
    void testConnectionTakesAConnectionDescribedInFullButNotBothANameAndADescription() {
        glue.testConnection(r -> r.testConnectionInput(t -> t.connectionType(ConnectionType.JDBC)
                .connectionPropertiesWithStrings(Map.of("JDBC_CONNECTION_URL", jdbcUrl))
                .authenticationConfiguration(a -> a.basicAuthenticationCredentials(b -> b.username("etl")
                        .password("right-Pass1")))));

        assertThatThrownBy(() -> glue.testConnection(r -> r.connectionName("x").testConnectionInput(t -> t
                .connectionType(ConnectionType.JDBC).connectionPropertiesWithStrings(Map.of()))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> glue.testConnection(r -> r.connectionName("never-made")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void aConnectionWithASecretIdTakesItsCredentialsFromSecretsManagerAndFollowsTheSecretsCurrentValue() {
        try (SecretsManagerClient secrets = cloud.client(SecretsManagerClient.builder())) {
            secrets.createSecret(r -> r.name("warehouse/etl")
                    .secretString("{\"username\": \"etl\", \"password\": \"stale-Pass1\"}"));
            glue.createConnection(r -> r.connectionInput(ConnectionInput.builder().name("secret-backed")
                    .connectionType(ConnectionType.JDBC).connectionPropertiesWithStrings(Map.of(
                            "JDBC_CONNECTION_URL", jdbcUrl, "SECRET_ID", "warehouse/etl"))
                    .build()));
            assertThat(glue.getConnection(r -> r.name("secret-backed")).connection().connectionPropertiesAsStrings())
                    .containsEntry("SECRET_ID", "warehouse/etl");

            assertThatThrownBy(() -> glue.testConnection(r -> r.connectionName("secret-backed")))
                    .as("the secret holds a stale password")
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("28P01")
                    .hasMessageNotContaining("stale-Pass1");

            secrets.putSecretValue(r -> r.secretId("warehouse/etl")
                    .secretString("{\"username\": \"etl\", \"password\": \"right-Pass1\"}"));
            glue.testConnection(r -> r.connectionName("secret-backed"));

            secrets.createSecret(r -> r.name("warehouse/not-json").secretString("right-Pass1"));
            glue.updateConnection(r -> r.name("secret-backed").connectionInput(ConnectionInput.builder()
                    .name("secret-backed").connectionType(ConnectionType.JDBC).connectionPropertiesWithStrings(Map.of(
                            "JDBC_CONNECTION_URL", jdbcUrl, "SECRET_ID", "warehouse/not-json")).build()));
            assertThatThrownBy(() -> glue.testConnection(r -> r.connectionName("secret-backed")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("username and a password")
                    .hasMessageNotContaining("right-Pass1");
        }
    }

    @Test
    void aJdbcConnectionNeedsItsUrlAndCredentials() {
        assertThatThrownBy(() -> glue.createConnection(r -> r.connectionInput(ConnectionInput.builder().name("no-url")
                .connectionType(ConnectionType.JDBC).connectionPropertiesWithStrings(Map.of("USERNAME", "etl",
                        "PASSWORD", "x")).build())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("JDBC_CONNECTION_URL");
        assertThatThrownBy(() -> glue.createConnection(r -> r.connectionInput(ConnectionInput.builder().name("no-user")
                .connectionType(ConnectionType.JDBC).connectionPropertiesWithStrings(Map.of("JDBC_CONNECTION_URL",
                        jdbcUrl)).build())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("USERNAME");
    }

    @Test
    void deleteAndBatchDeleteRemoveConnectionsAndReportTheMissingOnes() {
        glue.createConnection(r -> r.connectionInput(jdbc("gone-1", "right-Pass1")));
        glue.createConnection(r -> r.connectionInput(jdbc("gone-2", "right-Pass1")));
        glue.createConnection(r -> r.connectionInput(jdbc("gone-3", "right-Pass1")));

        glue.deleteConnection(r -> r.connectionName("gone-1"));
        BatchDeleteConnectionResponse batch = glue.batchDeleteConnection(r -> r.connectionNameList("gone-2", "gone-3",
                "gone-never"));

        assertThat(batch.succeeded()).containsExactly("gone-2", "gone-3");
        assertThat(batch.errors()).containsOnlyKeys("gone-never");
        assertThat(batch.errors().get("gone-never").errorCode()).isEqualTo("EntityNotFoundException");
        assertThatThrownBy(() -> glue.deleteConnection(r -> r.connectionName("gone-1")))
                .isInstanceOf(EntityNotFoundException.class);
    }
}
