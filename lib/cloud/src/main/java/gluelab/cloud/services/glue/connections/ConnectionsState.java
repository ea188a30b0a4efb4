package gluelab.cloud.services.glue.connections;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import software.amazon.awssdk.services.glue.model.Connection;

/** Glue connections in one account and region, by name. */
public final class ConnectionsState {

    private static final String SERVICE = "glue";

    final Scope scope;
    final DurableMap<Connection> connections;

    public ConnectionsState(Scope scope, StateStore store) {
        this.scope = scope;
        this.connections = store.map(scope.mapName(SERVICE, "connections"), ShapeCodec.of(Connection.class));
    }

    public boolean hasConnection(String name) {
        return connections.find(name).isPresent();
    }
}
