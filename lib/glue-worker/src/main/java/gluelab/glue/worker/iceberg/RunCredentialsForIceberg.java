package gluelab.glue.worker.iceberg;

import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The run's own temporary credentials for the AWS clients of an Iceberg catalog (the Glue client
 * of {@code GlueCatalog}): Iceberg loads it by name from {@code client.credentials-provider} and
 * calls {@code create(Map)} with the {@code client.credentials-provider.*} properties the worker
 * put in the catalog's settings. On AWS Glue the role's credentials come from the instance instead.
 */
public final class RunCredentialsForIceberg implements AwsCredentialsProvider {

    public static final String ACCESS_KEY_ID = "access-key-id";
    public static final String SECRET_ACCESS_KEY = "secret-access-key";
    public static final String SESSION_TOKEN = "session-token";

    private final AwsCredentials credentials;

    private RunCredentialsForIceberg(AwsCredentials credentials) {
        this.credentials = credentials;
    }

    public static RunCredentialsForIceberg create(Map<String, String> properties) {
        String accessKeyId = properties.get(ACCESS_KEY_ID);
        String secretAccessKey = properties.get(SECRET_ACCESS_KEY);
        String sessionToken = properties.get(SESSION_TOKEN);
        if (accessKeyId == null || secretAccessKey == null) {
            throw new IllegalArgumentException("The run's credentials are missing from the catalog's settings");
        }
        return new RunCredentialsForIceberg(sessionToken == null
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "RunCredentialsForIceberg";
    }
}
