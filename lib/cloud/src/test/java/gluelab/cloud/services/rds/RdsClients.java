package gluelab.cloud.services.rds;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.waiters.RdsWaiter;

/** What the RDS tests share: the SDK's own waiter polling often, and JDBC connections to an instance's endpoint. */
public final class RdsClients {

    private RdsClients() {
    }

    /** The SDK's DBInstanceAvailable waiter, polling every 100 ms instead of every 30 s. */
    public static DBInstance awaitAvailable(RdsClient rds, String identifier) {
        try (RdsWaiter waiter = RdsWaiter.builder().client(rds).overrideConfiguration(WaiterOverrideConfiguration.builder()
                .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))).maxAttempts(600).build())
                .build()) {
            return waiter.waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(identifier))
                    .matched().response().orElseThrow().dbInstances().get(0);
        }
    }

    public static Connection connect(DBInstance instance, String database, String user, String password)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://" + instance.endpoint().address() + ":"
                + instance.endpoint().port() + "/" + database, properties);
    }

    /** The PostgreSQL servers running on data under {@code stateDir}: those a test must not leave behind. */
    public static List<ProcessHandle> serversOn(Path stateDir) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(process -> process.info().arguments().map(arguments -> String.join(" ", arguments)
                        .contains(stateDir.toAbsolutePath().toString())).orElse(false))
                .toList();
    }
}
