package gluelab.labs.lab35;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.glue.DynamicFrame;
import gluelab.glue.GlueContext;
import gluelab.glue.spi.AwsClients;
import gluelab.glue.spi.RunEnvironments;
import gluelab.glue.util.GlueArgParser;
import gluelab.glue.util.Job;
import gluelab.glue.util.JsonOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.spark.SparkContext;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Copies one PostgreSQL table ({@code --dbtable}) to S3 as Parquet ({@code --output_path}). The job holds no
 * password: {@code --secret_id} names a Secrets Manager secret in the JSON structure Secrets Manager documents for
 * database credentials, {@code {"engine", "host", "port", "username", "password", "dbname"}}, which the job reads
 * with {@code GetSecretValue} as its role when the run starts. The password goes to the JDBC driver and nowhere else:
 * not into the job's arguments, not into its log.
 */
public final class CopyTableWithSecret {

    public static void main(String[] sysArgs) {
        Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                new String[] {"JOB_NAME", "secret_id", "dbtable", "output_path"});
        GlueContext glueContext = new GlueContext(SparkContext.getOrCreate());
        Job.init(args.get("JOB_NAME"), glueContext, args);

        DatabaseSecret database;
        // BEGIN SOLUTION
        // GetSecretValue of --secret_id (its AWSCURRENT version), then read its JSON with DatabaseSecret.parse.
        try (SecretsManagerClient secrets = secretsManager()) {
            GetSecretValueResponse secret = secrets.getSecretValue(r -> r.secretId(args.get("secret_id")));
            database = DatabaseSecret.parse(secret.secretString());
            System.out.println("Read secret " + secret.name() + " (version " + secret.versionId() + ", "
                    + secret.versionStages() + "): " + database);
        }
        // END SOLUTION

        // Glue's JDBC source (connection type postgresql; Glue ships the driver): the table with its column types.
        DynamicFrame table = glueContext.getSource("postgresql", JsonOptions.of(
                "url", database.jdbcUrl(), "user", database.username(), "password", database.password(),
                "dbtable", args.get("dbtable")), "source_table").getDynamicFrame();
        // Spark's writer, to replace an earlier copy at the same path (Glue's S3 sink only adds files).
        table.toDF().write().mode("overwrite").parquet(args.get("output_path"));
        System.out.println("Copied " + table.count() + " rows of " + args.get("dbtable") + " to " + args.get("output_path"));

        Job.commit();
    }

    /**
     * A Secrets Manager client that calls as the run's role. On AWS Glue that is the SDK's default
     * ({@code SecretsManagerClient.create()}: the job's role, the job's region); Lab Cloud runs many jobs in one
     * JVM, so its worker hands each run its own credentials and endpoint, which the runtime's run environment holds.
     */
    static SecretsManagerClient secretsManager() {
        return RunEnvironments.current().map(AwsClients::secretsManager).orElseGet(SecretsManagerClient::create);
    }

    /** The database a secret points at; {@link #toString()} leaves the password out, so it may be logged. */
    record DatabaseSecret(String host, int port, String dbname, String username, String password) {

        static DatabaseSecret parse(String secretString) {
            try {
                JsonNode json = new ObjectMapper().readTree(secretString);
                return new DatabaseSecret(json.path("host").asText(), json.path("port").asInt(5432),
                        json.path("dbname").asText(), json.path("username").asText(), json.path("password").asText());
            } catch (IOException notJson) {
                // The message would quote the secret's text: say only what is wrong.
                throw new UncheckedIOException(new IOException("the secret's value is not a JSON object"));
            }
        }

        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + dbname;
        }

        @Override
        public String toString() {
            return "user " + username + " at " + host + ":" + port + "/" + dbname;
        }
    }
}
