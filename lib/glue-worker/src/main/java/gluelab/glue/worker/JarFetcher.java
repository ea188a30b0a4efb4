package gluelab.glue.worker;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import gluelab.glue.protocol.RunCommand;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Brings a run's jars to local files: {@code s3://bucket/key} through the SDK's S3 client (the
 * run's endpoint and credentials, path-style addressing), {@code file:} URIs and plain paths as
 * they are. Downloads are named {@code NN-name.jar} in the run's directory, so that two jars with
 * the same name do not collide.
 * <p>
 * One S3 client serves every run against the same endpoint and region: each run's credentials go on its own
 * requests. A client per run's credentials cost tens of milliseconds of every warm run to build, and kept its
 * connection pool open for the worker's lifetime.
 */
final class JarFetcher {

    /** Where a client sends its requests: a run's credentials are not part of it. */
    private record Endpoint(String endpoint, String region) {
    }

    private final Map<Endpoint, S3Client> clients = new ConcurrentHashMap<>();

    List<Path> fetch(RunCommand command, Path runDirectory) throws IOException {
        List<Path> local = new ArrayList<>();
        int index = 0;
        for (String jar : command.jars()) {
            index++;
            if (jar.startsWith("s3://") || jar.startsWith("s3a://")) {
                URI uri = URI.create(jar);
                String bucket = uri.getHost();
                String key = uri.getPath().replaceFirst("^/", "");
                Path target = runDirectory.resolve(String.format("%02d-%s", index, Paths.get(key).getFileName()));
                Files.createDirectories(runDirectory);
                try {
                    AwsCredentialsProvider credentials = credentials(command.aws());
                    s3(command.aws()).getObject(r -> r.bucket(bucket).key(key)
                            .overrideConfiguration(o -> o.credentialsProvider(credentials)), target);
                } catch (RuntimeException e) {
                    throw new IOException("Cannot download " + jar + ": " + e.getMessage(), e);
                }
                local.add(target);
            } else {
                Path path = jar.startsWith("file:") ? Paths.get(URI.create(jar)) : Paths.get(jar);
                if (!Files.isRegularFile(path)) {
                    throw new IOException("Jar not found: " + jar);
                }
                local.add(path.toAbsolutePath());
            }
        }
        return local;
    }

    /** The shared client for {@code aws}'s endpoint and region; give each request the run's credentials. */
    S3Client s3(RunCommand.AwsSettings aws) {
        return clients.computeIfAbsent(new Endpoint(aws.endpoint(), aws.region()),
                e -> newClient(new RunCommand.AwsSettings(e.endpoint(), e.region(), null, null, null)));
    }

    static AwsCredentialsProvider credentials(RunCommand.AwsSettings aws) {
        if (aws.accessKeyId() == null) {
            return AnonymousCredentialsProvider.create();
        }
        return StaticCredentialsProvider.create(aws.sessionToken() == null
                ? AwsBasicCredentials.create(aws.accessKeyId(), aws.secretAccessKey())
                : AwsSessionCredentials.create(aws.accessKeyId(), aws.secretAccessKey(), aws.sessionToken()));
    }

    static S3Client newClient(RunCommand.AwsSettings aws) {
        S3ClientBuilder builder = S3Client.builder()
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(3)))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)))
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials(aws))
                .forcePathStyle(true);
        if (aws.endpoint() != null) {
            builder.endpointOverride(URI.create(aws.endpoint()));
        }
        return builder.build();
    }

    void close() {
        clients.values().forEach(S3Client::close);
    }
}
