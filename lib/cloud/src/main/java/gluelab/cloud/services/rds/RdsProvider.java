package gluelab.cloud.services.rds;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;

import java.util.List;

/**
 * Amazon RDS, for PostgreSQL: DB instances ({@link DBInstanceOperations}) that are real PostgreSQL servers on
 * 127.0.0.1 ({@link DBInstanceServers}, {@link PostgresServer}), and their tags ({@link RdsTagOperations}). An
 * instance's data lives under the state directory, so it survives a restart of Lab Cloud; without one it is deleted
 * when Lab Cloud closes. Closing Lab Cloud stops every server; a reset also removes the instances and their data.
 */
public final class RdsProvider implements ServiceProvider {

    public static final String SERVICE = "rds";

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.query(
            SERVICE, "rds", "2014-10-31", "http://rds.amazonaws.com/doc/2014-10-31/",
            "software.amazon.awssdk.services.rds.model");

    private final DBInstanceServers servers;
    private final List<Object> operations;

    public RdsProvider(Platform platform) {
        AccountRegionStore<RdsState> states = new AccountRegionStore<>(SERVICE, platform.state(), RdsState::new);
        this.servers = new DBInstanceServers(states, platform.state().payloadDir(SERVICE));
        this.operations = List.of(new DBInstanceOperations(states, servers), new RdsTagOperations(states));
        servers.restoreAll();
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Object> operationHandlers() {
        return operations;
    }

    @Override
    public int reset(String prefix) {
        return servers.reset(prefix);
    }

    @Override
    public void close() {
        servers.close();
    }
}
