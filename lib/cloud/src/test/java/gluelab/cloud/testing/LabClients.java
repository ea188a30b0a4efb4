package gluelab.cloud.testing;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Real SDK v2 clients aimed at a Lab Cloud, in process or in a child JVM. */
public final class LabClients {

    private LabClients() {
    }

    public static <B extends AwsClientBuilder<B, C>, C> C aimedAt(B builder, URI endpoint, AwsCredentialsProvider credentials,
                                                          Region region) {
        if (builder instanceof S3ClientBuilder s3) {
            s3.forcePathStyle(true);
        }
        if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(2)));
        }
        // An endpoint given by address has no per-operation hosts (StartSyncExecution's "sync-" on AWS).
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true).build());
        return builder.endpointOverride(endpoint).region(region).credentialsProvider(credentials).build();
    }
}
