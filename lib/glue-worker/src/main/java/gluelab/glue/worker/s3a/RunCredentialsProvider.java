package gluelab.glue.worker.s3a;

import java.net.URI;
import java.util.function.Supplier;

import org.apache.hadoop.conf.Configuration;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * S3A's credentials ({@code fs.s3a.aws.credentials.provider}): those of the run the calling
 * thread works for, as the worker resolves them (see {@code S3aSettings}). Hadoop loads this class
 * by name, sometimes through a job's class loader, so it lives outside the worker's hidden package.
 */
public final class RunCredentialsProvider implements AwsCredentialsProvider {

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
        if (provider == null) {
            throw new IllegalStateException("No AWS credentials for S3A: no run has given any");
        }
        return provider.resolveCredentials();
    }

    @Override
    public String toString() {
        return "RunCredentialsProvider";
    }
}
