package gluelab.glue.worker.s3a;

import java.net.URI;
import java.util.function.Supplier;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * S3A's credentials ({@code fs.s3a.aws.credentials.provider}): those of the run the calling
 * thread works for. In the worker's JVM, the worker resolves them (see {@code S3aSettings}). On an
 * executor of a Spark cluster there is no worker: a run's credentials travel with each of its tasks,
 * as the task's local properties {@link #ACCESS_KEY}, {@link #SECRET_KEY} and {@link #SESSION_TOKEN}
 * (names Spark's default {@code spark.redaction.regex} hides). S3A's own pool threads (opens, uploads)
 * belong to no task: there, the credentials of the task that started last in this JVM apply
 * ({@link LatestTaskCredentials}), as the worker does with the run that started last.
 * <p>
 * Hadoop loads this class by name, sometimes through a job's class loader, so it lives outside the
 * worker's hidden package.
 */
public final class RunCredentialsProvider implements AwsCredentialsProvider {

    public static final String ACCESS_KEY = "gluelab.run.aws.accessKey";
    public static final String SECRET_KEY = "gluelab.run.aws.secretKey";
    public static final String SESSION_TOKEN = "gluelab.run.aws.sessionToken";

    private static volatile Supplier<AwsCredentialsProvider> resolver = () -> null;

    public RunCredentialsProvider(URI fileSystem, Configuration conf) {
    }

    /** Installed by the worker: the provider of the calling thread's run. */
    public static void resolveWith(Supplier<AwsCredentialsProvider> runCredentials) {
        resolver = runCredentials;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentialsProvider provider = resolver.get();
        if (provider != null) {
            return provider.resolveCredentials();
        }
        String[] keys = LatestTaskCredentials.carriedBy(TaskContext.get());
        if (keys == null) {
            keys = LatestTaskCredentials.latest();
        }
        if (keys == null) {
            throw new IllegalStateException("No AWS credentials for S3A: no run has given any");
        }
        return keys[2] == null ? AwsBasicCredentials.create(keys[0], keys[1])
                : AwsSessionCredentials.create(keys[0], keys[1], keys[2]);
    }

    @Override
    public String toString() {
        return "RunCredentialsProvider";
    }
}
