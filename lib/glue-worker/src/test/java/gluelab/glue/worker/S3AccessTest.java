package gluelab.glue.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The worker's S3 wiring, against a real Lab Cloud: the job jar is fetched from s3:// with the SDK, and the job
 * reads s3://bucket/key through S3A, path-style, at the run's endpoint, signed with the run's credentials. Two
 * accounts tell the credentials apart: Lab Cloud refuses a bucket to any account but its owner's.
 */
class S3AccessTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void jobJarsAndDataComeFromS3SignedWithEachRunsOwnCredentials(@TempDir Path work) throws Exception {
        byte[] jar = java.nio.file.Files.readAllBytes(TestJobs.standardJar(work));
        try (S3Client first = cloud.client(S3Client.builder());
             S3Client second = cloud.client(S3Client.builder(), StaticCredentialsProvider.create(
                     AwsBasicCredentials.create("test-b", "test-b")))) {
            put(first, "s3-access-jobs", "jobs/jobs.jar", jar);
            put(first, "s3-access-raw", "orders/2026/a.csv", "id,total\n1,9.5\n2,3.0\n".getBytes());
            put(first, "s3-access-raw", "orders/2026/b.csv", "id,total\n3,1.25\n".getBytes());
            put(second, "s3-access-jobs-b", "jobs/jobs.jar", jar);
            put(second, "s3-access-raw-b", "orders/2026/a.csv", "id,total\n7,1.0\n".getBytes());
            WorkerProcess worker = WorkerProcess.shared();

            RunResult run = worker.run(RunSpec.of("jobs.Convert", "s3://s3-access-jobs/jobs/jobs.jar")
                    .aws(cloud.endpoint(), "test", "test")
                    .args("--input", "s3://s3-access-raw/orders/2026/", "--output", work.resolve("out").toUri().toString(),
                            "--format_options", "{\"withHeader\": true}"), Duration.ofMinutes(2));
            long secondRunStarts = lastEventSeq();
            RunResult again = worker.run(RunSpec.of("jobs.Convert", "s3://s3-access-jobs-b/jobs/jobs.jar")
                    .aws(cloud.endpoint(), "test-b", "test-b")
                    .args("--input", "s3://s3-access-raw-b/orders/2026/a.csv", "--output",
                            work.resolve("out-b").toUri().toString(), "--format_options", "{\"withHeader\": true}"),
                    Duration.ofMinutes(2));

            assertThat(run.state()).as(run.describe()).isEqualTo("SUCCEEDED");
            List<String> files = new ArrayList<>();
            run.metrics("source").get(0).path("files").forEach(f -> files.add(f.asText()));
            assertThat(files).containsExactly("s3://s3-access-raw/orders/2026/a.csv", "s3://s3-access-raw/orders/2026/b.csv");
            assertThat(run.runMetrics().path("rowsRead").asLong()).isEqualTo(3);
            assertThat(again.state()).as(again.describe()).isEqualTo("SUCCEEDED");
            assertThat(again.runMetrics().path("rowsRead").asLong()).isEqualTo(1);
            List<String> accounts = new ArrayList<>();
            List<String> operations = new ArrayList<>();
            s3CallsSince(secondRunStarts).forEach(call -> {
                accounts.add(call.path("account").asText());
                operations.add(call.path("name").asText());
            });
            assertThat(operations).as("the second run fetched its jar and read its object").contains("GetObject");
            assertThat(accounts).as("every S3 call of the second run is signed as its own account: " + operations)
                    .isNotEmpty().containsOnly(LabCloudConfig.SECOND_ACCOUNT);
        }
    }

    private static void put(S3Client s3, String bucket, String key, byte[] body) {
        if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket))) {
            s3.createBucket(r -> r.bucket(bucket));
        }
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(body));
    }

    private static long lastEventSeq() throws Exception {
        return WorkerProcess.JSON.readTree(cloud.http(cloud.request("/_lab/events?limit=10000")).body()).path("next").asLong();
    }

    private static JsonNode s3CallsSince(long seq) throws Exception {
        return WorkerProcess.JSON.readTree(cloud.http(cloud.request("/_lab/events?service=s3&since=" + seq)).body())
                .path("events");
    }
}
