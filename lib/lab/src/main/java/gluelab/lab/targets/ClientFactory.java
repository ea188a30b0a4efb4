package gluelab.lab.targets;

import gluelab.lab.LabSetupException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds SDK v2 clients of any service for one target: its endpoint, region and credentials, path-style S3
 * where the endpoint is local, and one shared HTTP client (named explicitly: the SDK refuses to guess when
 * several HTTP implementations are on the class path, as they are in the kernel).
 */
public final class ClientFactory implements AutoCloseable {

    private final TargetConfig config;
    private final Region region;
    private final SdkHttpClient http;

    public ClientFactory(TargetConfig config) {
        this.config = config;
        this.region = resolveRegion(config);
        this.http = ApacheHttpClient.builder()
                .socketTimeout(Duration.ofMinutes(2))
                .connectionTimeout(Duration.ofSeconds(10))
                .build();
    }

    public Region region() {
        return region;
    }

    /** A client built by {@code builder}, aimed at this target, signing as the lab's own credentials. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        return build(builder, config.credentials());
    }

    /** A client built by {@code builder}, aimed at this target, signing as {@code credentials}. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder,
                                                                                     AwsCredentialsProvider credentials) {
        if (builder instanceof S3ClientBuilder s3) {
            s3.forcePathStyle(config.pathStyle());
        }
        if (config.endpoint() != null) {
            // An endpoint given by address has no per-operation hosts (StartSyncExecution's "sync-" on AWS).
            builder.endpointOverride(config.endpoint()).overrideConfiguration(builder.overrideConfiguration()
                    .toBuilder().putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true).build());
        }
        return builder.region(region).credentialsProvider(credentials).httpClient(http).build();
    }

    private static Region resolveRegion(TargetConfig config) {
        if (config.region() != null) {
            return Region.of(config.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new LabSetupException("No AWS region is configured. Set AWS_REGION (for example export "
                    + "AWS_REGION=eu-west-1), or a region in your AWS profile.", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
