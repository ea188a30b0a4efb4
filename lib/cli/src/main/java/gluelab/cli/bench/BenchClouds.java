package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Lab Clouds started inside the bench JVM on a free port, and SDK clients aimed at them. */
final class BenchClouds {

    static final AwsCredentialsProvider ACCOUNT_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private BenchClouds() {
    }

    static LabCloud start(Path stateDir, LabCloudConfig.GlueWorkerMode worker) {
        LabCloudConfig config = LabCloudConfig.defaults().withPort(0).withGlueWorker(worker);
        return LabCloud.start(stateDir == null ? config : config.withStateDir(stateDir));
    }

    /** A client aimed at {@code cloud}, signing with the default account's keys. */
    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(LabCloud cloud, B builder) {
        return client(cloud.endpoint(), builder, ACCOUNT_KEYS);
    }

    /** A client aimed at {@code endpoint}, signing with {@code credentials} (account keys, or a role's session). */
    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(URI endpoint, B builder,
                                                                                       AwsCredentialsProvider credentials) {
        if (builder instanceof S3ClientBuilder s3) {
            s3.forcePathStyle(true);
        }
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /** A state directory on the build's disk (not a tmpfs), so fsync costs what it costs. */
    static Path stateDirectory(Path home, String name) {
        try {
            Path dir = home.resolve("build/bench").resolve(name);
            deleteTree(dir);
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
