package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.connections.ConnectionSecrets;
import gluelab.cloud.services.glue.connections.JdbcConnections;
import gluelab.cloud.services.glue.crawlers.inference.InferredTable;
import gluelab.cloud.services.glue.crawlers.inference.JdbcIncludePath;
import gluelab.cloud.services.glue.crawlers.inference.JdbcTableInference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.GetConnectionRequest;
import software.amazon.awssdk.services.glue.model.GetConnectionResponse;
import software.amazon.awssdk.services.glue.model.JdbcMetadataEntry;
import software.amazon.awssdk.services.glue.model.JdbcTarget;

/**
 * The JDBC targets of one crawl: each through its Glue connection, read as the crawler's role (GetConnection, and
 * GetSecretValue for a {@code SECRET_ID}), as the crawler's S3 reads are; the database's metadata becomes tables by
 * {@link JdbcTableInference}. A connection that is missing, refuses the credentials or cannot be reached fails the
 * crawl before anything is written, in the database's own words; no message quotes a password.
 *
 * <p>Where Lab Cloud differs: EnableAdditionalMetadata COMMENTS gives columns the database's comments; RAWTYPES is
 * kept on the target but adds nothing (AWS does not document what it writes for it); only PostgreSQL is crawled.
 */
final class JdbcCrawl {

    private final InternalCalls internal;
    private final Scope scope;
    private final String roleArn;
    private final ConnectionSecrets secrets;
    private final CrawlLogs.Crawl log;

    JdbcCrawl(InternalCalls internal, Scope scope, String roleArn, ConnectionSecrets secrets, CrawlLogs.Crawl log) {
        this.internal = internal;
        this.scope = scope;
        this.roleArn = roleArn;
        this.secrets = secrets;
        this.log = log;
    }

    /** The include path of a JDBC target; CreateCrawler has checked it, so it parses. */
    static JdbcIncludePath includePath(JdbcTarget target) {
        return JdbcIncludePath.parse(target.path(), target.exclusions());
    }

    /** Whether a table at {@code location} ({@code database.schema.table}) lies under one of the targets. */
    static boolean covers(List<JdbcTarget> targets, String location) {
        String[] parts = location.split("\\.", 3);
        return parts.length == 3 && targets.stream().map(JdbcCrawl::includePath)
                .anyMatch(include -> include.database().equals(parts[0]) && include.includes(parts[1], parts[2]));
    }

    List<InferredTable> tables(List<JdbcTarget> targets, Runnable checkpoint) {
        List<InferredTable> tables = new ArrayList<>();
        for (JdbcTarget target : targets) {
            checkpoint.run();
            tables.addAll(crawl(target));
        }
        return tables;
    }

    private List<InferredTable> crawl(JdbcTarget target) {
        JdbcIncludePath include = includePath(target);
        String connectionName = target.connectionName();
        Map<String, String> properties = connectionProperties(connectionName);
        String url = properties.get(JdbcConnections.JDBC_CONNECTION_URL);
        ConnectionSecrets.Credentials credentials;
        try {
            credentials = JdbcConnections.credentials(properties, secrets, scope, roleArn);
        } catch (ConnectionSecrets.Unresolved e) {
            throw new CrawlFailure("Connection " + connectionName + " gave no credentials: " + e.getMessage());
        }
        log.info("Crawling " + include.path() + " through connection " + connectionName);
        try (Connection connection = JdbcConnections.open(url, credentials)) {
            String database = connection.getCatalog();
            if (!include.database().equals(database)) {
                throw new CrawlFailure("The JDBC target path " + include.path() + " names database "
                        + include.database() + ", but connection " + connectionName + " connects to database "
                        + database + ". The path's first part must be the connection's database.");
            }
            return new JdbcTableInference("postgresql", connectionName,
                    target.enableAdditionalMetadata().contains(JdbcMetadataEntry.COMMENTS))
                    .infer(include, new JdbcCrawlMetadata(connection), log::info);
        } catch (SQLException e) {
            throw new CrawlFailure("Unable to connect to the database through connection " + connectionName + ": "
                    + JdbcConnections.describe(e));
        } catch (JdbcCrawlMetadata.Unreadable e) {
            throw new CrawlFailure("Unable to read the tables of " + include.path() + " through connection "
                    + connectionName + ": " + JdbcConnections.describe(e.sqlException()));
        }
    }

    private Map<String, String> connectionProperties(String connectionName) {
        if (connectionName == null || connectionName.isBlank()) {
            throw new CrawlFailure("A JDBC target needs a ConnectionName.");
        }
        try {
            GetConnectionResponse response = internal.call("glue", scope, roleArn,
                    GetConnectionRequest.builder().name(connectionName).build());
            return response.connection().connectionPropertiesAsStrings();
        } catch (AwsServiceException e) {
            if ("EntityNotFoundException".equals(e.code())) {
                throw new CrawlFailure("Connection " + connectionName + " does not exist: " + e.getMessage());
            }
            throw e;
        }
    }
}
