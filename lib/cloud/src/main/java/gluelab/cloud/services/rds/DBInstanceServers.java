package gluelab.cloud.services.rds;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Scope;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The PostgreSQL server behind each DB instance, and the work that moves an instance through its states in the
 * background, as RDS does: {@code creating} → {@code available}, {@code resetting-master-credentials} →
 * {@code available}, {@code deleting} → gone. After a restart every instance's server starts again on its data
 * ({@code starting} → {@code available}); an instance whose creation a restart interrupted is {@code failed}, since
 * its master password was never kept. Closing Lab Cloud stops every server; a reset also removes their data.
 */
final class DBInstanceServers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DBInstanceServers.class.getName());

    private final AccountRegionStore<RdsState> states;
    private final Path root;
    private final Map<String, PostgresServer> servers = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "rds-db-instance");
        thread.setDaemon(true);
        return thread;
    });

    DBInstanceServers(AccountRegionStore<RdsState> states, Path root) {
        this.states = states;
        this.root = root;
    }

    /** Makes the instance's cluster, its master user and database, then starts it: {@code creating} → available. */
    void create(RdsState state, DBInstanceRecord instance, String masterPassword) {
        work.execute(() -> transition(state, instance, server -> {
            server.initialize();
            int port = server.start(instance.port());
            server.createMasterUser(instance.masterUsername(), masterPassword, instance.dbName());
            state.update(instance.identifier(), stored -> stored.withPort(port).withStatus(DBInstanceRecord.AVAILABLE));
        }));
    }

    /** Sets the master password the instance holds as pending: {@code resetting-master-credentials} → available. */
    void resetMasterPassword(RdsState state, DBInstanceRecord instance) {
        work.execute(() -> transition(state, instance, server -> applyPendingPassword(state, server, instance)));
    }

    /** Stops the server and removes its data, then the instance: {@code deleting} → gone. */
    void delete(RdsState state, String identifier) {
        work.execute(() -> removeNow(state, identifier));
    }

    /** Starts every stored instance's server again, after Lab Cloud restarted. */
    void restoreAll() {
        for (RdsState state : states.all().values()) {
            for (DBInstanceRecord instance : List.copyOf(state.all())) {
                switch (instance.status()) {
                    case DBInstanceRecord.CREATING, DBInstanceRecord.FAILED ->
                            state.update(instance.identifier(), stored -> stored.withStatus(DBInstanceRecord.FAILED));
                    case DBInstanceRecord.DELETING -> delete(state, instance.identifier());
                    default -> restart(state, instance);
                }
            }
        }
    }

    private void restart(RdsState state, DBInstanceRecord instance) {
        state.update(instance.identifier(), stored -> stored.withStatus(DBInstanceRecord.STARTING));
        work.execute(() -> transition(state, instance, server -> {
            int port = server.start(instance.port());
            state.update(instance.identifier(), stored -> stored.withPort(port));
            applyPendingPassword(state, server, instance);
        }));
    }

    private void applyPendingPassword(RdsState state, PostgresServer server, DBInstanceRecord instance)
            throws Exception {
        String password = state.require(instance.identifier()).pendingMasterPassword();
        if (password != null) {
            server.setPassword(instance.masterUsername(), password);
        }
        state.update(instance.identifier(), stored -> stored.withPendingMasterPassword(null)
                .withStatus(DBInstanceRecord.AVAILABLE));
    }

    /**
     * Runs one step of an instance's life on its server, one step at a time per server, and only while the instance
     * is there (a reset may have removed it first). A step that fails leaves the instance {@code failed}.
     */
    private void transition(RdsState state, DBInstanceRecord instance, Step step) {
        PostgresServer server = server(state.scope, instance);
        synchronized (server) {
            if (state.find(instance.identifier()).filter(stored -> stored.arn().equals(instance.arn())).isEmpty()) {
                return;
            }
            try {
                step.run(server);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "DB instance " + instance.identifier() + " failed: " + e.getMessage(), e);
                state.update(instance.identifier(), stored -> stored.withStatus(DBInstanceRecord.FAILED));
            }
        }
    }

    private interface Step {
        void run(PostgresServer server) throws Exception;
    }

    /** The instance's server, whose data lives under {@code root/account/region/identifier}. */
    private PostgresServer server(Scope scope, DBInstanceRecord instance) {
        return servers.computeIfAbsent(instance.arn(), arn -> new PostgresServer(PostgresBinaries.get(),
                root.resolve(scope.account()).resolve(scope.region()).resolve(instance.identifier()),
                instance.adminPassword()));
    }

    /** Stops an instance's server, removes its data and forgets the instance, before returning. */
    void removeNow(RdsState state, String identifier) {
        state.find(identifier).ifPresent(instance -> {
            PostgresServer server = server(state.scope, instance);
            synchronized (server) {
                try {
                    server.destroy();
                    servers.remove(instance.arn());
                    state.remove(identifier);
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "Cannot remove DB instance " + identifier + ": " + e.getMessage(), e);
                    state.update(identifier, stored -> stored.withStatus(DBInstanceRecord.FAILED));
                }
            }
        });
    }

    /** Removes every instance whose identifier starts with {@code prefix} (all when null). */
    int reset(String prefix) {
        int removed = 0;
        for (RdsState state : states.all().values()) {
            for (DBInstanceRecord instance : new ArrayList<>(state.all())) {
                if (prefix == null || instance.identifier().startsWith(prefix)) {
                    removeNow(state, instance.identifier());
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Stops every server, keeping its data for the next start. */
    @Override
    public void close() {
        // Steps under way finish first (a deletion still removes its data), while the state store is still open.
        work.shutdown();
        try {
            if (!work.awaitTermination(60, TimeUnit.SECONDS)) {
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.shutdownNow();
        }
        servers.values().forEach(PostgresServer::stop);
        servers.clear();
    }
}
