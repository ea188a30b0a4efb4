package gluelab.cloud.services.glue.connections;

import static gluelab.cloud.services.glue.connections.JdbcConnections.JDBC_CONNECTION_URL;
import static gluelab.cloud.services.glue.connections.JdbcConnections.PASSWORD;
import static gluelab.cloud.services.glue.connections.JdbcConnections.SECRET_ID;
import static gluelab.cloud.services.glue.connections.JdbcConnections.USERNAME;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import gluelab.cloud.services.glue.catalog.CatalogAccess;
import gluelab.cloud.services.glue.tags.ResourceTags;
import gluelab.cloud.services.glue.tags.TaggedType;
import gluelab.cloud.services.glue.tags.Tagging;
import software.amazon.awssdk.services.glue.model.BatchDeleteConnectionRequest;
import software.amazon.awssdk.services.glue.model.BatchDeleteConnectionResponse;
import software.amazon.awssdk.services.glue.model.Connection;
import software.amazon.awssdk.services.glue.model.ConnectionInput;
import software.amazon.awssdk.services.glue.model.ConnectionStatus;
import software.amazon.awssdk.services.glue.model.ConnectionType;
import software.amazon.awssdk.services.glue.model.CreateConnectionRequest;
import software.amazon.awssdk.services.glue.model.CreateConnectionResponse;
import software.amazon.awssdk.services.glue.model.DeleteConnectionRequest;
import software.amazon.awssdk.services.glue.model.DeleteConnectionResponse;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.GetConnectionRequest;
import software.amazon.awssdk.services.glue.model.GetConnectionResponse;
import software.amazon.awssdk.services.glue.model.GetConnectionsFilter;
import software.amazon.awssdk.services.glue.model.GetConnectionsRequest;
import software.amazon.awssdk.services.glue.model.GetConnectionsResponse;
import software.amazon.awssdk.services.glue.model.TestConnectionInput;
import software.amazon.awssdk.services.glue.model.TestConnectionRequest;
import software.amazon.awssdk.services.glue.model.TestConnectionResponse;
import software.amazon.awssdk.services.glue.model.UpdateConnectionRequest;
import software.amazon.awssdk.services.glue.model.UpdateConnectionResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Glue connections: CreateConnection, GetConnection (with HidePassword), GetConnections, UpdateConnection,
 * DeleteConnection, BatchDeleteConnection, and TestConnection, which really connects (JDBC connections to PostgreSQL,
 * with {@code USERNAME}/{@code PASSWORD}, or {@code SECRET_ID} resolved by {@link ConnectionSecrets}).
 *
 * <p>Where Lab Cloud differs from AWS: connections are stored whatever their type, but only JDBC ones to PostgreSQL
 * can be tested; VPC requirements ({@code PhysicalConnectionRequirements}) are kept, not enforced.
 */
public final class ConnectionOperations {

    private static final Pages.Limits GET_CONNECTIONS = new Pages.Limits("maxResults", 1000, 1000);

    private final AccountRegionStore<ConnectionsState> states;
    private final Tagging tagging;
    private final ConnectionSecrets secrets;

    public ConnectionOperations(AccountRegionStore<ConnectionsState> states, Tagging tagging,
                                ConnectionSecrets secrets) {
        this.states = states;
        this.tagging = tagging;
        this.secrets = secrets;
    }

    public CreateConnectionResponse createConnection(RequestContext context, CreateConnectionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        ConnectionInput input = GlueErrors.required(request.connectionInput(), "connectionInput");
        String name = GlueErrors.name(input.name(), "connectionInput.name");
        context.resource(name);
        checkInput(input);
        ResourceTags tags = Tagging.checked("tags", request.hasTags() ? request.tags() : null);
        ConnectionsState state = states.get(context);
        synchronized (state) {
            if (state.hasConnection(name)) {
                throw ConnectionErrors.alreadyExists(name);
            }
            state.connections.put(name, fromInput(input, context).creationTime(context.now()).build());
            tagging.tagNew(state.scope, TaggedType.CONNECTION, name, tags);
        }
        return CreateConnectionResponse.builder().createConnectionStatus(ConnectionStatus.READY).build();
    }

    public GetConnectionResponse getConnection(RequestContext context, GetConnectionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        String name = GlueErrors.name(request.name(), "name");
        Connection connection = existing(states.get(context), name);
        return GetConnectionResponse.builder()
                .connection(Boolean.TRUE.equals(request.hidePassword()) ? withoutPassword(connection) : connection)
                .build();
    }

    public GetConnectionsResponse getConnections(RequestContext context, GetConnectionsRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        GetConnectionsFilter filter = request.filter();
        List<Connection> matching = states.get(context).connections.values().stream()
                .filter(connection -> matches(connection, filter))
                .toList();
        Pages.Page<Connection> page = GluePages.PAGES.page(matching, Connection::name, request.nextToken(),
                request.maxResults(), GET_CONNECTIONS);
        boolean hide = Boolean.TRUE.equals(request.hidePassword());
        return GetConnectionsResponse.builder()
                .connectionList(page.items().stream().map(c -> hide ? withoutPassword(c) : c).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public UpdateConnectionResponse updateConnection(RequestContext context, UpdateConnectionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        String name = GlueErrors.name(request.name(), "name");
        ConnectionInput input = GlueErrors.required(request.connectionInput(), "connectionInput");
        GlueErrors.name(input.name(), "connectionInput.name");
        checkInput(input);
        ConnectionsState state = states.get(context);
        synchronized (state) {
            Connection existing = existing(state, name);
            if (!input.name().equals(name)) {
                if (state.hasConnection(input.name())) {
                    throw ConnectionErrors.alreadyExists(input.name());
                }
                // UpdateConnection renames a connection when the input names another; its tags go with it.
                ResourceTags tags = tagging.of(state.scope, TaggedType.CONNECTION, name);
                state.connections.remove(name);
                tagging.forget(state.scope, TaggedType.CONNECTION, name);
                tagging.tagNew(state.scope, TaggedType.CONNECTION, input.name(), tags);
            }
            state.connections.put(input.name(), fromInput(input, context)
                    .creationTime(existing.creationTime())
                    .lastUpdatedTime(context.now())
                    .build());
        }
        return UpdateConnectionResponse.builder().build();
    }

    public DeleteConnectionResponse deleteConnection(RequestContext context, DeleteConnectionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        String name = GlueErrors.name(request.connectionName(), "connectionName");
        ConnectionsState state = states.get(context);
        synchronized (state) {
            existing(state, name);
            delete(state, name);
        }
        return DeleteConnectionResponse.builder().build();
    }

    public BatchDeleteConnectionResponse batchDeleteConnection(RequestContext context,
                                                               BatchDeleteConnectionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        List<String> names = request.hasConnectionNameList() ? request.connectionNameList() : List.of();
        GlueErrors.required(request.hasConnectionNameList() ? names : null, "connectionNameList");
        if (names.size() > 25) {
            throw GlueErrors.validation("connectionNameList", names, "Member must have length less than or equal to 25");
        }
        ConnectionsState state = states.get(context);
        List<String> succeeded = new ArrayList<>();
        Map<String, ErrorDetail> errors = new LinkedHashMap<>();
        synchronized (state) {
            for (String name : names) {
                if (state.hasConnection(name)) {
                    delete(state, name);
                    succeeded.add(name);
                } else {
                    errors.put(name, ErrorDetail.builder().errorCode("EntityNotFoundException")
                            .errorMessage(ConnectionErrors.notFound(name).getMessage()).build());
                }
            }
        }
        return BatchDeleteConnectionResponse.builder().succeeded(succeeded).errors(errors).build();
    }

    /**
     * Tests a stored connection by name, or one described in full by {@code TestConnectionInput}, never both, by
     * really connecting with its URL and credentials.
     */
    public TestConnectionResponse testConnection(RequestContext context, TestConnectionRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        TestConnectionInput input = request.testConnectionInput();
        if ((request.connectionName() == null) == (input == null)) {
            throw ConnectionErrors.invalidInput("Provide either ConnectionName or TestConnectionInput, not both.");
        }
        String type;
        Map<String, String> properties;
        ConnectionSecrets.Credentials basic = null;
        if (input != null) {
            type = GlueErrors.required(input.connectionTypeAsString(), "testConnectionInput.connectionType");
            properties = input.connectionPropertiesAsStrings();
            if (input.authenticationConfiguration() != null
                    && input.authenticationConfiguration().basicAuthenticationCredentials() != null) {
                var credentials = input.authenticationConfiguration().basicAuthenticationCredentials();
                basic = new ConnectionSecrets.Credentials(credentials.username(), credentials.password());
            }
        } else {
            Connection connection = existing(states.get(context), request.connectionName());
            type = connection.connectionTypeAsString();
            properties = connection.connectionPropertiesAsStrings();
        }
        if (!ConnectionType.JDBC.toString().equals(type) && !ConnectionType.POSTGRESQL.toString().equals(type)) {
            throw ConnectionErrors.invalidInput("Lab Cloud can test JDBC connections only, not " + type + ".");
        }
        JdbcConnectionTest.connect(properties.get(JDBC_CONNECTION_URL),
                basic != null ? basic : credentials(context, properties));
        return TestConnectionResponse.builder().build();
    }

    /** A JDBC connection's credentials, its secret read as the caller. */
    private ConnectionSecrets.Credentials credentials(RequestContext context, Map<String, String> properties) {
        try {
            return JdbcConnections.credentials(properties, secrets, context.scope(), context.caller().principalArn());
        } catch (ConnectionSecrets.Unresolved e) {
            throw ConnectionErrors.invalidInput("Test connection failed: " + e.getMessage());
        }
    }

    /** Removes connections whose name starts with {@code prefix}, or all, in every account and region. */
    public int reset(String prefix) {
        int removed = 0;
        for (ConnectionsState state : states.all().values()) {
            synchronized (state) {
                for (String name : List.copyOf(state.connections.keys())) {
                    if (prefix == null || prefix.isEmpty() || name.startsWith(prefix)) {
                        delete(state, name);
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    private void delete(ConnectionsState state, String name) {
        state.connections.remove(name);
        tagging.forget(state.scope, TaggedType.CONNECTION, name);
    }

    /** A JDBC connection needs its URL, and a user name with a password or a secret. */
    private static void checkInput(ConnectionInput input) {
        GlueErrors.required(input.connectionTypeAsString(), "connectionInput.connectionType");
        if (input.connectionType() == ConnectionType.UNKNOWN_TO_SDK_VERSION) {
            throw GlueErrors.validation("connectionInput.connectionType", input.connectionTypeAsString(),
                    "Member must satisfy enum value set");
        }
        GlueErrors.required(input.hasConnectionProperties() ? input.connectionPropertiesAsStrings() : null,
                "connectionInput.connectionProperties");
        if (input.connectionType() == ConnectionType.JDBC) {
            Map<String, String> properties = input.connectionPropertiesAsStrings();
            if (properties.get(JDBC_CONNECTION_URL) == null) {
                throw ConnectionErrors.invalidInput("Connection property JDBC_CONNECTION_URL is required.");
            }
            boolean userAndPassword = properties.get(USERNAME) != null && properties.get(PASSWORD) != null;
            boolean secret = properties.get(SECRET_ID) != null
                    || input.authenticationConfiguration() != null
                    && input.authenticationConfiguration().secretArn() != null;
            if (!userAndPassword && !secret) {
                throw ConnectionErrors.invalidInput("A JDBC connection needs USERNAME and PASSWORD, or SECRET_ID.");
            }
        }
    }

    private static Connection.Builder fromInput(ConnectionInput input, RequestContext context) {
        return Connection.builder()
                .name(input.name())
                .description(input.description())
                .connectionType(input.connectionTypeAsString())
                .matchCriteria(input.hasMatchCriteria() ? input.matchCriteria() : null)
                .connectionPropertiesWithStrings(input.connectionPropertiesAsStrings())
                .physicalConnectionRequirements(input.physicalConnectionRequirements())
                .lastUpdatedBy(context.caller().principalArn())
                .status(ConnectionStatus.READY)
                .connectionSchemaVersion(1);
    }

    private static Connection withoutPassword(Connection connection) {
        Map<String, String> properties = new LinkedHashMap<>(connection.connectionPropertiesAsStrings());
        properties.remove(PASSWORD);
        return connection.toBuilder().connectionPropertiesWithStrings(properties).build();
    }

    private static boolean matches(Connection connection, GetConnectionsFilter filter) {
        if (filter == null) {
            return true;
        }
        if (filter.connectionTypeAsString() != null
                && !filter.connectionTypeAsString().equals(connection.connectionTypeAsString())) {
            return false;
        }
        return !filter.hasMatchCriteria() || connection.hasMatchCriteria()
                && connection.matchCriteria().containsAll(filter.matchCriteria());
    }

    private static Connection existing(ConnectionsState state, String name) {
        return state.connections.find(name).orElseThrow(() -> ConnectionErrors.notFound(name));
    }
}
