package gluelab.cloud.testing;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * A real Lab Cloud on a free port for a test class, and real SDK v2 clients aimed at it.
 * {@code @RegisterExtension static RunningLabCloud cloud = RunningLabCloud.inMemory();}
 */
public final class RunningLabCloud implements BeforeAllCallback, AfterAllCallback {

    public static final AwsCredentialsProvider TEST_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private LabCloudConfig config;
    private LabCloud cloud;

    private RunningLabCloud(LabCloudConfig config) {
        this.config = config;
    }

    public static RunningLabCloud inMemory() {
        return new RunningLabCloud(LabCloudConfig.defaults().withPort(0)
                .withGlueWorker(LabCloudConfig.GlueWorkerMode.OFF));
    }

    public static RunningLabCloud with(LabCloudConfig config) {
        return new RunningLabCloud(config.withPort(0));
    }

    public RunningLabCloud persistentIn(Path stateDir) {
        config = config.withStateDir(stateDir);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cloud = LabCloud.start(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cloud != null) {
            cloud.close();
        }
    }

    public LabCloud cloud() {
        return cloud;
    }

    public URI endpoint() {
        return cloud.endpoint();
    }

    /** A client of any service, signed with {@code test/test} in us-east-1, aimed at this Lab Cloud. */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return client(builder, TEST_CREDENTIALS);
    }

    public <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentialsProvider credentials) {
        return client(builder, credentials, Region.US_EAST_1);
    }

    /** A client signing for another region, e.g. to create a bucket whose location is that region. */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentialsProvider credentials, Region region) {
        return LabClients.aimedAt(builder, endpoint(), credentials, region);
    }

    /** A plain HTTP call, for the admin API and hand-made (malformed, unsigned) requests. */
    public HttpResponse<String> http(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(endpoint().resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }
}
