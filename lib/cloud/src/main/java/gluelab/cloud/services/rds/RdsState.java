package gluelab.cloud.services.rds;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.StateStore;

import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** RDS in one account and region: its DB instances, by identifier. */
final class RdsState {

    final Scope scope;
    private final DurableMap<DBInstanceRecord> instances;

    RdsState(Scope scope, StateStore store) {
        this.scope = scope;
        this.instances = store.map(scope.mapName(RdsProvider.SERVICE, "db-instances"), Codec.of(DBInstanceRecord.class));
    }

    Optional<DBInstanceRecord> find(String identifier) {
        return instances.find(identifier);
    }

    DBInstanceRecord require(String identifier) {
        return find(identifier).orElseThrow(() -> RdsErrors.dbInstanceNotFound(identifier));
    }

    Collection<DBInstanceRecord> all() {
        return instances.values();
    }

    synchronized void put(DBInstanceRecord instance) {
        instances.put(instance.identifier(), instance);
    }

    /** Changes a stored instance in one step; nothing if it is gone. */
    synchronized Optional<DBInstanceRecord> update(String identifier, UnaryOperator<DBInstanceRecord> change) {
        Optional<DBInstanceRecord> updated = instances.find(identifier).map(change);
        updated.ifPresent(instance -> instances.put(identifier, instance));
        return updated;
    }

    synchronized void remove(String identifier) {
        instances.remove(identifier);
    }
}
