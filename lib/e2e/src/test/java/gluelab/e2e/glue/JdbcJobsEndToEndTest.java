package gluelab.e2e.glue;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import gluelab.e2e.LabCloudWithWorker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.glue.model.ConnectionInput;
import software.amazon.awssdk.services.glue.model.ConnectionType;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.waiters.RdsWaiter;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Glue jobs that read and write a real PostgreSQL (an RDS instance of Lab Cloud) through the job's Glue
 * connections: JDBC sources and sinks with Glue's connection options, {@code extractJdbcConf}, catalog tables a JDBC
 * crawler wrote, and the ways such a run fails (a connection the job does not list, a role that may not read the
 * secret, a stale password), each with a readable ErrorMessage and no password in any log.
 */
class JdbcJobsEndToEndTest {

    private static final String PASSWORD = "Jdbc-e2e-Pass1";
    private static final String STALE_PASSWORD = "Stale-e2e-Pass9";
    private static final String SECRET_READER_ROLE = "GlueJdbcSecretReader";
    private static final int ROWS = 300;

    @RegisterExtension
    static RunningLabCloud cloud = LabCloudWithWorker.shared();
    static GlueJobRuns glue;
    static String jdbcUrl;
    static String jar;
    static String secretReaderRole;

    @BeforeAll
    static void aDatabaseWithAnOrdersTableAndConnectionsToIt() throws SQLException {
        glue = new GlueJobRuns(cloud);
        try (RdsClient rds = cloud.client(RdsClient.builder())) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("jdbc-e2e").engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("etl").masterUserPassword(PASSWORD).dbName("sales"));
            try (RdsWaiter waiter = RdsWaiter.builder().client(rds).overrideConfiguration(WaiterOverrideConfiguration.builder()
                    .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))).maxAttempts(600).build()).build()) {
                DBInstance instance = waiter.waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("jdbc-e2e"))
                        .matched().response().orElseThrow().dbInstances().get(0);
                jdbcUrl = "jdbc:postgresql://" + instance.endpoint().address() + ":" + instance.endpoint().port() + "/sales";
            }
        }
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE public.orders (id integer PRIMARY KEY, customer text, amount numeric(10,2), quantity bigint)");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO public.orders VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    insert.setInt(1, i);
                    // every 50th customer is NULL: a hashfield partition must not lose those rows
                    insert.setString(2, i % 50 == 0 ? null : "customer-" + (i % 13));
                    insert.setBigDecimal(3, new java.math.BigDecimal(i).multiply(new java.math.BigDecimal("1.25")));
                    insert.setLong(4, i * 3L);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        glue.glue.createConnection(r -> r.connectionInput(jdbc("pg-sales", Map.of("USERNAME", "etl", "PASSWORD", PASSWORD))));
        glue.glue.createConnection(r -> r.connectionInput(jdbc("pg-stale", Map.of("USERNAME", "etl", "PASSWORD", STALE_PASSWORD))));
        try (SecretsManagerClient secrets = cloud.client(SecretsManagerClient.builder())) {
            String arn = secrets.createSecret(r -> r.name("jdbc-e2e/etl")
                    .secretString("{\"username\":\"etl\",\"password\":\"" + PASSWORD + "\"}")).arn();
            glue.glue.createConnection(r -> r.connectionInput(jdbc("pg-secret", Map.of("SECRET_ID", arn))));
        }
        try (IamClient iam = cloud.client(IamClient.builder())) {
            secretReaderRole = TestRoles.createGlueRole(iam, SECRET_READER_ROLE);
            iam.putRolePolicy(r -> r.roleName(SECRET_READER_ROLE).policyName("read-secrets").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue",\
                    "Resource":"*"}]}"""));
        }
        glue.createBuckets("jdbc-e2e-jobs", "jdbc-e2e-lake");
        glue.s3.putObject(r -> r.bucket("jdbc-e2e-jobs").key("jars/jdbc-jobs.jar"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(JdbcJobs.jar()));
        jar = "s3://jdbc-e2e-jobs/jars/jdbc-jobs.jar";
    }

    @AfterAll
    static void closeClients() {
        glue.close();
    }

    private static ConnectionInput jdbc(String name, Map<String, String> credentials) {
        Map<String, String> properties = new HashMap<>(credentials);
        properties.put("JDBC_CONNECTION_URL", jdbcUrl);
        return ConnectionInput.builder().name(name).connectionType(ConnectionType.JDBC)
                .connectionPropertiesWithStrings(properties).build();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "etl", PASSWORD);
    }

    private static void createJob(String name, String className, String role, List<String> connections) {
        glue.glue.createJob(r -> r.name(name).role(role).glueVersion("5.0")
                .command(c -> c.name("glueetl").scriptLocation(jar))
                .connections(c -> c.connections(connections))
                .defaultArguments(Map.of("--class", className)));
    }

    /** The rows of a query, each as its columns' text joined with |, as Spark's Row.mkString("|") prints them. */
    private static List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = connect(); ResultSet result = db.createStatement().executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    values.add(String.valueOf(result.getObject(c)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows.stream().sorted().toList();
    }

    private static List<String> printed(JobRun run, String prefix) {
        return glue.output(run.id()).stream().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length())).toList();
    }

    @Test
    void aTableCopiedToParquetWithFourHashPartitionsHasEveryRowAndTheTablesTypes() throws SQLException {
        createJob("jdbc-copy", "jdbctest.JdbcCopy", TestRoles.JOB_ROLE, List.of("pg-sales"));

        JobRun run = glue.succeed("jdbc-copy", Map.of("--source_options", """
                {"useConnectionProperties": "true", "connectionName": "pg-sales", "dbtable": "public.orders",
                 "hashfield": "customer", "hashpartitions": "4"}""", "--output", "s3://jdbc-e2e-lake/orders/"));

        assertThat(printed(run, "SCHEMA ")).containsExactly(
                "id INT,customer STRING,amount DECIMAL(10,2),quantity BIGINT");
        assertThat(printed(run, "PARTITIONS ")).containsExactly("4");
        assertThat(printed(run, "ROW ")).hasSize(ROWS)
                .containsExactlyElementsOf(rows("SELECT id, customer, amount, quantity FROM public.orders"));
        assertThat(glue.keys("jdbc-e2e-lake", "orders/")).anyMatch(key -> key.endsWith(".parquet"));
        JsonNode metrics = glue.runMetric(run.id());
        assertThat(metrics.path("rowsRead").asInt()).as("rows read from the table, in the run's metrics").isEqualTo(ROWS);
        assertThat(metrics.path("filesRead").asInt()).as("a table is not a file").isZero();
        assertThat(metrics.path("rowsWritten").asInt()).isEqualTo(ROWS);
    }

    @Test
    void aHashExpressionSplitsTheReadAsWell() throws SQLException {
        createJob("jdbc-copy-expression", "jdbctest.JdbcCopy", TestRoles.JOB_ROLE, List.of("pg-sales"));

        JobRun run = glue.succeed("jdbc-copy-expression", Map.of("--source_options", """
                {"useConnectionProperties": "true", "connectionName": "pg-sales", "dbtable": "public.orders",
                 "hashexpression": "id", "hashpartitions": "3"}""", "--output", "s3://jdbc-e2e-lake/orders-by-id/"));

        assertThat(printed(run, "PARTITIONS ")).containsExactly("3");
        assertThat(printed(run, "ROW ")).containsExactlyElementsOf(rows("SELECT id, customer, amount, quantity FROM public.orders"));
    }

    @Test
    void aJdbcSinkCreatesItsTableAndEachRunAppendsToIt() throws SQLException {
        createJob("jdbc-append", "jdbctest.JdbcCopy", TestRoles.JOB_ROLE, List.of("pg-sales"));

        glue.succeed("jdbc-append", Map.of("--conf_of", "pg-sales", "--dbtable", "public.orders",
                "--sink_connection", "pg-sales", "--sink_table", "public.orders_copy"));
        glue.succeed("jdbc-append", Map.of("--conf_of", "pg-sales", "--dbtable", "public.orders",
                "--sink_connection", "pg-sales", "--jdbc_sink_table", "public.orders_copy"));

        assertThat(rows("SELECT count(*), count(DISTINCT id) FROM public.orders_copy")).containsExactly(2 * ROWS + "|" + ROWS);
        assertThat(rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders_copy'"))
                .containsExactlyInAnyOrder("amount|numeric", "customer|text", "id|integer", "quantity|bigint");
    }

    @Test
    void extractJdbcConfResolvesASecretIdWithTheRunsRole() {
        createJob("jdbc-conf", "jdbctest.PrintsJdbcConf", secretReaderRole, List.of("pg-secret"));

        JobRun run = glue.succeed("jdbc-conf", Map.of("--connection", "pg-secret"));

        String server = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/'));
        assertThat(printed(run, "CONF ")).containsExactly("url=" + server, "fullUrl=" + jdbcUrl, "user=etl",
                "vendor=postgresql");
        assertThat(printed(run, "CONNECTED AS ")).containsExactly("etl");
    }

    @Test
    void aCatalogTableAJdbcCrawlerWroteIsReadOverJdbc() throws SQLException {
        glue.glue.createDatabase(r -> r.databaseInput(d -> d.name("jdbc_e2e_db")));
        glue.glue.createTable(r -> r.databaseName("jdbc_e2e_db").tableInput(t -> t.name("sales_public_orders")
                .parameters(Map.of("classification", "postgresql", "connectionName", "pg-sales"))
                .storageDescriptor(sd -> sd.location("sales.public.orders"))));
        createJob("jdbc-catalog", "jdbctest.JdbcCopy", TestRoles.JOB_ROLE, List.of("pg-sales"));

        JobRun run = glue.succeed("jdbc-catalog", Map.of("--catalog_database", "jdbc_e2e_db",
                "--catalog_table", "sales_public_orders", "--output", "s3://jdbc-e2e-lake/catalog-orders/"));

        assertThat(printed(run, "SCHEMA ")).containsExactly(
                "id INT,customer STRING,amount DECIMAL(10,2),quantity BIGINT");
        assertThat(printed(run, "ROW ")).containsExactlyElementsOf(rows("SELECT id, customer, amount, quantity FROM public.orders"));
    }

    @Test
    void aConnectionTheJobDoesNotListIsRefusedInTheRun() {
        createJob("jdbc-unlisted", "jdbctest.PrintsJdbcConf", TestRoles.JOB_ROLE, List.of("pg-stale"));

        JobRun run = glue.runToEnd("jdbc-unlisted", Map.of("--connection", "pg-sales"));

        assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(run.errorMessage()).contains("The connection pg-sales is not one of the job's Connections [pg-stale]");
    }

    @Test
    void aJobWhoseConnectionsNameAMissingConnectionFailsItsRuns() {
        createJob("jdbc-missing", "jdbctest.PrintsJdbcConf", TestRoles.JOB_ROLE, List.of("pg-nowhere"));

        JobRun run = glue.runToEnd("jdbc-missing", Map.of("--connection", "pg-nowhere"));

        assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(run.errorMessage()).contains("EntityNotFoundException").contains("pg-nowhere");
    }

    @Test
    void aRoleThatMayNotReadTheSecretFailsTheRunSayingSo() {
        createJob("jdbc-no-secret", "jdbctest.PrintsJdbcConf", TestRoles.JOB_ROLE, List.of("pg-secret"));

        JobRun run = glue.runToEnd("jdbc-no-secret", Map.of("--connection", "pg-secret"));

        assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(run.errorMessage()).contains("GetSecretValue").contains("AccessDeniedException")
                .contains("secretsmanager:GetSecretValue").doesNotContain(PASSWORD);
    }

    @Test
    void aStalePasswordFailsTheRunWithPostgresqlsMessageAndNoLogHoldsThePassword() {
        createJob("jdbc-stale", "jdbctest.JdbcCopy", TestRoles.JOB_ROLE, List.of("pg-stale"));

        JobRun run = glue.runToEnd("jdbc-stale", Map.of("--source_options", """
                {"useConnectionProperties": "true", "connectionName": "pg-stale", "dbtable": "public.orders"}"""));

        assertThat(run.jobRunState()).isEqualTo(JobRunState.FAILED);
        assertThat(run.errorMessage()).contains("SQLSTATE 28P01").contains("password authentication failed for user \"etl\"")
                .doesNotContain(STALE_PASSWORD);
        List<String> logged = new ArrayList<>();
        for (String group : List.of(GlueJobRuns.OUTPUT_GROUP, "/aws-glue/jobs/error")) {
            glue.logs.filterLogEventsPaginator(r -> r.logGroupName(group).logStreamNames(run.id())).events()
                    .stream().map(FilteredLogEvent::message).forEach(logged::add);
        }
        assertThat(logged).as("the run logged something").isNotEmpty();
        assertThat(logged).noneMatch(line -> line.contains(STALE_PASSWORD) || line.contains(PASSWORD));
    }
}
