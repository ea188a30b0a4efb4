package gluelab.glue.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

import gluelab.glue.protocol.RunCommand;
import gluelab.glue.worker.s3a.RunCredentialsProvider;

/**
 * How jobs reach S3 through Hadoop's S3A connector, as {@code s3://bucket/key} (Glue's own scheme):
 * {@code s3} and {@code s3n} map to S3AFileSystem; path-style requests to the run's endpoint;
 * credentials per run ({@link RunCredentialsProvider}); short timeouts and few retries, since the
 * endpoint is local; the SDK's default HTTP client, no CRT.
 * <p>
 * The endpoint and region are process-wide (S3A caches one file system per bucket): when a run
 * brings a different endpoint, the new one applies to file systems made from then on, and the
 * cached ones are dropped if no other run is active.
 */
final class S3aSettings {

    private static String endpoint;
    private static String region;
    private static volatile RunCommand.AwsSettings latest;

    static {
        // On threads of no run (S3A's upload and prefetch pools): the run that started last.
        RunCredentialsProvider.resolveWith(() -> {
            JobRun run = RunRegistry.current();
            RunCommand.AwsSettings aws = run != null ? run.command().aws() : latest;
            return aws == null || aws.accessKeyId() == null ? null : JarFetcher.credentials(aws);
        });
    }

    private S3aSettings() {
    }

    /** The static part, set in the SparkConf at start ({@code spark.hadoop.} prefixed). */
    static Map<String, String> staticSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        s.put("fs.s3n.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        s.put("fs.AbstractFileSystem.s3.impl", "org.apache.hadoop.fs.s3a.S3A");
        s.put("fs.s3a.path.style.access", "true");
        s.put("fs.s3a.aws.credentials.provider", RunCredentialsProvider.class.getName());
        s.put("fs.s3a.connection.establish.timeout", "5s");
        s.put("fs.s3a.connection.timeout", "60s");
        s.put("fs.s3a.connection.request.timeout", "120s");
        s.put("fs.s3a.attempts.maximum", "3");
        s.put("fs.s3a.retry.limit", "3");
        s.put("fs.s3a.retry.interval", "200ms");
        s.put("fs.s3a.retry.throttle.limit", "3");
        s.put("fs.s3a.retry.throttle.interval", "200ms");
        s.put("fs.s3a.bucket.probe", "0");
        s.put("fs.s3a.change.detection.version.required", "false");
        s.put("fs.s3a.directory.marker.retention", "keep");
        s.put("fs.s3a.committer.name", "file");
        s.put("fs.s3a.threads.max", "16");
        s.put("fs.s3a.connection.maximum", "32");
        s.put("fs.s3a.endpoint.region", "us-east-1");
        return s;
    }

    /** Points S3A at the run's endpoint and region. */
    static synchronized void applyRun(Configuration hadoop, RunCommand.AwsSettings aws, int otherActiveRuns) {
        latest = aws;
        if (Objects.equals(endpoint, aws.endpoint()) && Objects.equals(region, aws.region())) {
            return;
        }
        boolean changed = endpoint != null || region != null;
        endpoint = aws.endpoint();
        region = aws.region();
        if (endpoint != null) {
            hadoop.set("fs.s3a.endpoint", endpoint);
            hadoop.setBoolean("fs.s3a.connection.ssl.enabled", endpoint.startsWith("https:"));
        } else {
            hadoop.unset("fs.s3a.endpoint");
        }
        hadoop.set("fs.s3a.endpoint.region", region);
        if (changed && otherActiveRuns == 0) {
            try {
                FileSystem.closeAll();
            } catch (java.io.IOException e) {
                System.err.println("[glue-worker] closing cached file systems: " + e);
            }
        }
    }
}
