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
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * A real Lab Cloud on a free port for a test class, and real SDK v2 clients aimed at it.
 * {@code @RegisterExtension static RunningLabCloud cloud = RunningLabCloud.inMemory();}
 * <p>
 * {@link #shared(LabCloudConfig)} gives every test class of the run that asks for the same configuration one
 * Lab Cloud, started by the first and closed when the whole run ends: for what is slow to start, such as the
 * Glue worker's warm Spark. Classes sharing one must name their resources apart.
 */
public final class RunningLabCloud implements BeforeAllCallback, AfterAllCallback {

    public static final AwsCredentialsProvider TEST_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final Namespace SHARED = Namespace.create(RunningLabCloud.class);

    private LabCloudConfig config;
    private final boolean shared;
    private boolean glueRoles;
    private LabCloud cloud;

    private RunningLabCloud(LabCloudConfig config, boolean shared) {
        this.config = config;
        this.shared = shared;
    }

    public static RunningLabCloud inMemory() {
        return new RunningLabCloud(LabCloudConfig.defaults().withPort(0)
                .withGlueWorker(LabCloudConfig.GlueWorkerMode.OFF), false);
    }

    public static RunningLabCloud with(LabCloudConfig config) {
        return new RunningLabCloud(config.withPort(0), false);
    }

    /** One Lab Cloud per configuration for the whole test run (see the class comment); in memory only. */
    public static RunningLabCloud shared(LabCloudConfig config) {
        return new RunningLabCloud(config.withPort(0), true);
    }

    public RunningLabCloud persistentIn(Path stateDir) {
        if (shared) {
            throw new IllegalStateException("A shared Lab Cloud outlives any one test's state directory");
        }
        config = config.withStateDir(stateDir);
        return this;
    }

    /** Creates {@link TestRoles}' Glue job and crawler roles once the Lab Cloud is up. */
    public RunningLabCloud withGlueRoles() {
        glueRoles = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (shared) {
            // The root context's store closes what it holds (LabCloud is AutoCloseable) when the run ends.
            cloud = context.getRoot().getStore(SHARED)
                    .getOrComputeIfAbsent(config, c -> LabCloud.start(config), LabCloud.class);
        } else {
            cloud = LabCloud.start(config);
        }
        if (glueRoles) {
            TestRoles.createGlueRoles(this);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cloud != null && !shared) {
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
