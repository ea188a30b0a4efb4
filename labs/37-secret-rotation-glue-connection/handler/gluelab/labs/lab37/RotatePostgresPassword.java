package gluelab.labs.lab37;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ConnectionInput;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The rotation function of a PostgreSQL user's secret ({@code {engine, host, port, dbname, username, password}}), as
 * AWS's single-user template rotates one, plus the Glue side: the user changes its own password, and the Glue JDBC
 * connection named by {@code GLUE_CONNECTION} follows. Secrets Manager invokes it once per step with the version being
 * made ({@code ClientRequestToken}):
 * <ol>
 * <li>createSecret: a new random password, stored as the AWSPENDING version;</li>
 * <li>setSecret: logs in with the AWSCURRENT password and runs {@code ALTER ROLE … PASSWORD} with the pending one;</li>
 * <li>testSecret: logs in with the pending password and reads {@code TEST_TABLE}, what the Glue job reads;</li>
 * <li>finishSecret: points the Glue connection at the new password, then moves AWSCURRENT to the new version (the
 * old one becomes AWSPREVIOUS); with {@code CRAWLER_NAME} set, it then starts that crawler (a JDBC crawler of the
 * same connection), so the catalog is read with the new password.</li>
 * </ol>
 * Each step can run twice (a retried rotation) and still do the right thing. It logs steps and versions, never a value.
 */
public class RotatePostgresPassword implements RequestHandler<Map<String, String>, String> {

    private static final SecretsManagerClient SECRETS = SecretsManagerClient.create();
    private static final GlueClient GLUE = GlueClient.create();
    /** The characters AWS's PostgreSQL templates keep out of passwords: they break URLs and quoting. */
    private static final String EXCLUDE_CHARACTERS = "/@\"'\\";

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        String step = event.get("Step");
        String secretId = event.get("SecretId");
        String token = event.get("ClientRequestToken");
        DescribeSecretResponse secret = SECRETS.describeSecret(r -> r.secretId(secretId));
        List<String> stages = secret.versionIdsToStages().get(token);
        if (stages == null) {
            throw new IllegalStateException("Secret " + secret.name() + " has no version " + token);
        }
        if (stages.contains("AWSCURRENT")) {
            System.out.println(step + ": version " + token + " is already AWSCURRENT, nothing to do");
            return "already current";
        }
        if (!stages.contains("AWSPENDING")) {
            throw new IllegalStateException("Version " + token + " of " + secret.name() + " is not AWSPENDING");
        }
        switch (step) {
            case "createSecret" -> createSecret(secretId, token);
            case "setSecret" -> setSecret(secretId, token);
            case "testSecret" -> testSecret(secretId, token);
            case "finishSecret" -> finishSecret(secret, token);
            default -> throw new IllegalArgumentException("Unknown rotation step " + step);
        }
        System.out.println(step + " done for version " + token + " of " + secret.name());
        return step + " done";
    }

    /** A new password as the AWSPENDING version, unless an earlier attempt of this rotation already made it. */
    private static void createSecret(String secretId, String token) {
        String current = SECRETS.getSecretValue(r -> r.secretId(secretId).versionStage("AWSCURRENT")).secretString();
        try {
            value(secretId, "AWSPENDING", token);
            System.out.println("createSecret: version " + token + " already has a value");
        } catch (ResourceNotFoundException notYet) {
            String password = SECRETS.getRandomPassword(r -> r.passwordLength(32L)
                    .excludeCharacters(EXCLUDE_CHARACTERS)).randomPassword();
            SECRETS.putSecretValue(r -> r.secretId(secretId).clientRequestToken(token)
                    .secretString(withPassword(current, password)).versionStages("AWSPENDING"));
        }
    }

    /** The database user changes its own password to the pending one (single-user rotation). */
    private static void setSecret(String secretId, String token) {
        Map<String, String> pending = value(secretId, "AWSPENDING", token);
        if (canLogIn(pending)) {
            System.out.println("setSecret: the database already accepts the pending password");
            return;
        }
        Map<String, String> current = value(secretId, "AWSCURRENT", null);
        // BEGIN SOLUTION
        // setSecret: as the current password, ALTER ROLE the user to the pending one
        try (Connection db = connect(current); Statement sql = db.createStatement()) {
            sql.execute("ALTER ROLE " + identifier(pending.get("username")) + " PASSWORD "
                    + literal(pending.get("password")));
        } catch (SQLException e) {
            throw new IllegalStateException("setSecret: cannot change the password of " + current.get("username")
                    + " (SQLSTATE " + e.getSQLState() + "): " + e.getMessage(), e);
        }
        // END SOLUTION
    }

    /** The pending password logs in, and can read what the Glue job reads. */
    private static void testSecret(String secretId, String token) {
        Map<String, String> pending = value(secretId, "AWSPENDING", token);
        String table = System.getenv("TEST_TABLE");
        try (Connection db = connect(pending); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            System.out.println("testSecret: logged in as " + pending.get("username") + " and read " + rows.getLong(1)
                    + " rows of " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("testSecret: the pending version does not work (SQLSTATE "
                    + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    /** The Glue connection takes the new password; then the new version becomes AWSCURRENT. */
    private static void finishSecret(DescribeSecretResponse secret, String token) {
        Map<String, String> pending = value(secret.arn(), "AWSPENDING", token);
        String connectionName = System.getenv("GLUE_CONNECTION");
        // BEGIN SOLUTION
        // finishSecret: update the Glue connection, then move AWSCURRENT to the new version
        var connection = GLUE.getConnection(r -> r.name(connectionName)).connection();
        Map<String, String> properties = new LinkedHashMap<>(connection.connectionPropertiesAsStrings());
        properties.put("USERNAME", pending.get("username"));
        properties.put("PASSWORD", pending.get("password"));
        // UpdateConnection replaces the whole definition: keep what it had besides the credentials (on AWS, its VPC).
        GLUE.updateConnection(r -> r.name(connectionName).connectionInput(ConnectionInput.builder()
                .name(connectionName).connectionType(connection.connectionType())
                .description(connection.description()).matchCriteria(connection.matchCriteria())
                .physicalConnectionRequirements(connection.physicalConnectionRequirements())
                .connectionPropertiesWithStrings(properties).build()));
        String currentVersion = secret.versionIdsToStages().entrySet().stream()
                .filter(version -> version.getValue().contains("AWSCURRENT")).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        SECRETS.updateSecretVersionStage(r -> r.secretId(secret.arn()).versionStage("AWSCURRENT")
                .moveToVersionId(token).removeFromVersionId(currentVersion));
        // END SOLUTION
        System.out.println("finishSecret: connection " + connectionName + " updated, version " + token
                + " is AWSCURRENT");
        String crawler = System.getenv("CRAWLER_NAME");
        if (crawler != null && !crawler.isEmpty()) {
            // BEGIN SOLUTION
            // start the JDBC crawler, so the catalog is read again with the new password
            try {
                GLUE.startCrawler(r -> r.name(crawler));
                System.out.println("finishSecret: started crawler " + crawler);
            } catch (CrawlerRunningException running) {
                System.out.println("finishSecret: crawler " + crawler + " is already running");
            }
            // END SOLUTION
        }
    }

    private static Map<String, String> value(String secretId, String stage, String versionId) {
        String text = SECRETS.getSecretValue(r -> r.secretId(secretId).versionStage(stage).versionId(versionId))
                .secretString();
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode.parser().parse(text).asObject().forEach((name, node) -> fields.put(name, node.text()));
        return fields;
    }

    /** The secret's JSON with another password, its other fields as they were (the port stays a number). */
    private static String withPassword(String secretJson, String password) {
        JsonWriter writer = JsonWriter.create();
        writer.writeStartObject();
        JsonNode.parser().parse(secretJson).asObject().forEach((name, node) -> {
            writer.writeFieldName(name);
            if (name.equals("password")) {
                writer.writeValue(password);
            } else if (node.isNumber()) {
                writer.writeNumber(node.asNumber());
            } else {
                writer.writeValue(node.text());
            }
        });
        writer.writeEndObject();
        return new String(writer.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean canLogIn(Map<String, String> credentials) {
        try (Connection ignored = connect(credentials)) {
            return true;
        } catch (SQLException refused) {
            return false;
        }
    }

    private static Connection connect(Map<String, String> credentials) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {credentials.get("host")});
        source.setPortNumbers(new int[] {Integer.parseInt(credentials.get("port"))});
        source.setDatabaseName(credentials.get("dbname"));
        source.setUser(credentials.get("username"));
        source.setPassword(credentials.get("password"));
        source.setConnectTimeout(5);
        return source.getConnection();
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
