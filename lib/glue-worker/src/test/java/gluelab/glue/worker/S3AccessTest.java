package gluelab.glue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.worker.harness.FakeS3;
import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;

/**
 * The worker's S3 wiring, against a read-only stand-in until Lab Cloud's S3 provider lands: the job
 * jar is fetched from s3:// with the SDK, and the job reads s3://bucket/key through S3A, path-style,
 * at the run's endpoint, signed with the run's credentials.
 */
class S3AccessTest {

    @Test
    void job_jars_and_data_come_from_s3_with_each_runs_endpoint_and_credentials(@TempDir Path work) throws Exception {
        WorkerProcess worker = WorkerProcess.shared();
        try (FakeS3 s3 = new FakeS3()) {
            s3.put("artifacts", "jobs/jobs.jar", Files.readAllBytes(TestJobs.standardJar(work)));
            s3.put("raw", "orders/2026/a.csv", "id,total\n1,9.5\n2,3.0\n".getBytes());
            s3.put("raw", "orders/2026/b.csv", "id,total\n3,1.25\n".getBytes());
            Path output = work.resolve("out");

            RunResult run = worker.run(RunSpec.of("jobs.Convert", "s3://artifacts/jobs/jobs.jar")
                    .aws(s3.endpoint(), "AKIDRUNONE", "secret-one")
                    .args("--input", "s3://raw/orders/2026/", "--output", output.toUri().toString(),
                            "--format_options", "{\"withHeader\": true}"), Duration.ofMinutes(2));
            s3.accessKeyIds.clear();
            RunResult again = worker.run(RunSpec.of("jobs.Convert", "s3://artifacts/jobs/jobs.jar")
                    .aws(s3.endpoint(), "AKIDRUNTWO", "secret-two")
                    .args("--input", "s3://raw/orders/2026/a.csv", "--output", output.toUri().toString(),
                            "--format_options", "{\"withHeader\": true}"), Duration.ofMinutes(2));

            assertEquals("SUCCEEDED", run.state(), run::describe);
            List<String> files = new ArrayList<>();
            run.metrics("source").get(0).path("files").forEach(f -> files.add(f.asText()));
            assertEquals(List.of("s3://raw/orders/2026/a.csv", "s3://raw/orders/2026/b.csv"), files);
            assertEquals(3, run.runMetrics().path("rowsRead").asLong());
            assertEquals("SUCCEEDED", again.state(), again::describe);
            assertEquals(2, again.runMetrics().path("rowsRead").asLong());
            assertTrue(!s3.accessKeyIds.isEmpty() && s3.accessKeyIds.stream().allMatch("AKIDRUNTWO"::equals),
                    "every request of the second run is signed with its own key: " + s3.accessKeyIds);
        }
    }
}
