package gluelab.glue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;

/**
 * Measures, not asserts: worker cold start to {@code ready}, and warm run latency (run command to
 * {@code finished}) of a tiny CSV to Parquet job. Skipped unless {@code -Dgluelab.bench=true}:
 * <pre>
 * cd lib && mvn -B -o -q -pl glue-worker -am verify -Dtest=WorkerBenchmark -Dgluelab.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Results go to {@code glue-worker/target/worker-bench.txt}.
 */
class WorkerBenchmark {

    @Test
    void cold_start_and_warm_run_latency(@TempDir Path work) throws IOException {
        assumeTrue(Boolean.getBoolean("gluelab.bench"), "benchmarks run only with -Dgluelab.bench=true");
        Path jar = TestJobs.standardJar(work);
        Path input = Files.createDirectories(work.resolve("raw"));
        Files.writeString(input.resolve("customers.csv"), "id,name,amount,signup_date\n1,Ann,10.5,2024-01-02\n2,Bob,20.25,2024-02-03\n");
        StringBuilder report = new StringBuilder();

        List<Long> coldStarts = new ArrayList<>();
        List<Long> reportedStarts = new ArrayList<>();
        List<Long> firstRuns = new ArrayList<>();
        List<Long> warmRuns = new ArrayList<>();
        for (int worker = 0; worker < 3; worker++) {
            try (WorkerProcess process = WorkerProcess.start()) {
                coldStarts.add(process.startToReadyMillis());
                reportedStarts.add(process.awaitReady(Duration.ofSeconds(1)).path("startupMillis").asLong());
                for (int i = 0; i < (worker == 0 ? 15 : 1); i++) {
                    RunSpec run = RunSpec.of("jobs.Convert", jar).args("--input", input.toString(),
                            "--output", work.resolve("out-" + worker + "-" + i).toString(), "--format_options", "{\"withHeader\": true}");
                    long start = System.nanoTime();
                    RunResult result = process.run(run, Duration.ofMinutes(2));
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertEquals("SUCCEEDED", result.state(), result::describe);
                    (i == 0 ? firstRuns : warmRuns).add(millis);
                }
            }
        }
        report.append("worker cold start to ready (process start -> ready event), ms: ").append(coldStarts)
                .append(" median ").append(median(coldStarts)).append('\n');
        report.append("worker-reported startupMillis (JVM start -> ready): ").append(reportedStarts).append('\n');
        report.append("first run on a fresh worker (run -> finished), ms: ").append(firstRuns)
                .append(" median ").append(median(firstRuns)).append('\n');
        report.append("warm tiny CSV->Parquet run (run -> finished), ").append(warmRuns.size()).append(" runs, ms: ")
                .append(warmRuns).append(" median ").append(median(warmRuns)).append('\n');
        Files.writeString(Path.of("target", "worker-bench.txt"), report);
        System.out.print(report);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
