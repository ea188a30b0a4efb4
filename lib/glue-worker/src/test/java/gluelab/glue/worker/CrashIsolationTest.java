package gluelab.glue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.worker.harness.JobJars;
import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;

/**
 * A job that throws, exits, runs out of memory or loops fails (or, stopped, ends) only its own
 * run: a concurrent run that is already working succeeds afterwards, on the same worker.
 */
class CrashIsolationTest {

    @TempDir
    static Path work;
    static Path jar;
    static WorkerProcess worker;

    static final String CRASH = """
            package jobs;

            import java.util.List;
            import org.apache.spark.api.java.function.MapFunction;
            import org.apache.spark.sql.Encoders;
            import org.apache.spark.sql.SparkSession;

            public class Crash {
                static volatile long sink;

                public static void main(String[] args) throws Exception {
                    SparkSession spark = SparkSession.active();
                    String how = args[args.length - 1];
                    System.out.println("about to " + how);
                    switch (how) {
                        case "throw" -> spark.range(3).toDF("id").select("no_such_column").show();
                        case "exit" -> System.exit(3);
                        case "exit0" -> { System.exit(0); throw new IllegalStateException("not reached"); }
                        case "oom" -> { long[] huge = new long[Integer.MAX_VALUE - 16]; sink = huge.length; }
                        case "oom-in-task" -> spark.createDataset(List.of(1), Encoders.INT())
                                .map((MapFunction<Integer, Integer>) i -> new long[Integer.MAX_VALUE - 16].length + i, Encoders.INT())
                                .collectAsList();
                        case "loop" -> { while (true) { sink++; } }
                        case "loop-in-task" -> spark.createDataset(List.of(1), Encoders.INT())
                                .map((MapFunction<Integer, Integer>) i -> {
                                    // Spins, ignoring interrupts; beats a heartbeat file with plain (non-interruptible) I/O.
                                    long next = 0;
                                    while (true) {
                                        sink++;
                                        if (System.nanoTime() > next) {
                                            try (java.io.FileOutputStream out = new java.io.FileOutputStream(args[args.length - 3])) {
                                                out.write(Long.toString(sink).getBytes());
                                            } catch (java.io.IOException ignored) {
                                            }
                                            next = System.nanoTime() + 50_000_000L;
                                        }
                                    }
                                }, Encoders.INT())
                                .collectAsList();
                        default -> throw new IllegalArgumentException(how);
                    }
                }
            }
            """;

    /** Waits for --go to exist, then does Spark work: a run that is mid-flight while another crashes. */
    static final String BYSTANDER = """
            package jobs;

            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;
            import org.apache.spark.api.java.function.MapFunction;
            import org.apache.spark.sql.Encoders;
            import org.apache.spark.sql.SparkSession;

            public class Bystander {
                public static void main(String[] args) throws Exception {
                    Path go = Path.of(args[args.length - 1]);
                    SparkSession spark = SparkSession.active();
                    System.out.println("bystander started, " + spark.range(10).count() + " rows");
                    for (int i = 0; i < 1200 && !Files.exists(go); i++) {
                        Thread.sleep(100);
                    }
                    List<Integer> doubled = spark.createDataset(List.of(1, 2, 3), Encoders.INT())
                            .map((MapFunction<Integer, Integer>) x -> x * 2, Encoders.INT()).collectAsList();
                    System.out.println("bystander done " + doubled);
                }
            }
            """;

    @BeforeAll
    static void setUp() {
        worker = WorkerProcess.shared();
        jar = JobJars.compile(work, "crash.jar", TestJobs.sources("jobs.Crash", CRASH, "jobs.Bystander", BYSTANDER));
    }

    @Test
    void anExceptionFailsOnlyItsRunWithTheRootCauseAsErrorMessage() throws IOException {
        RunResult run = crashBesideABystander("throw", false);

        assertEquals("FAILED", run.state());
        assertTrue(run.errorMessage().startsWith("AnalysisException: [UNRESOLVED_COLUMN"), run::describe);
        assertTrue(run.error().stream().anyMatch(l -> l.contains("at jobs.Crash.main")), () -> "the stack trace is in the error log: " + run.describe());
    }

    @Test
    void systemExitFailsOnlyItsRun() throws IOException {
        RunResult run = crashBesideABystander("exit", false);

        assertEquals("FAILED", run.state());
        assertEquals("Job called System.exit(3)", run.errorMessage());
    }

    @Test
    void systemExitZeroEndsTheRunAsSucceeded() throws IOException {
        assertEquals("SUCCEEDED", crashBesideABystander("exit0", false).state());
    }

    @Test
    void runningOutOfMemoryInTheDriverFailsOnlyItsRun() throws IOException {
        RunResult run = crashBesideABystander("oom", false);

        assertEquals("FAILED", run.state());
        assertEquals("OutOfMemoryError: Java heap space", run.errorMessage());
    }

    @Test
    void runningOutOfMemoryInATaskFailsOnlyItsRunThoughSparkTriesToExit() throws IOException {
        RunResult run = crashBesideABystander("oom-in-task", false);

        assertEquals("FAILED", run.state());
        assertEquals("OutOfMemoryError: Java heap space", run.errorMessage());
    }

    @Test
    void anEndlessLoopInTheDriverIsStoppedAndEndsStopped() throws IOException {
        RunResult run = crashBesideABystander("loop", true);

        assertEquals("STOPPED", run.state(), run::describe);
    }

    @Test
    void anEndlessLoopInATaskIsStoppedAndItsTaskThreadEnds() throws Exception {
        RunResult run = crashBesideABystander("loop-in-task", true);

        assertEquals("STOPPED", run.state(), run::describe);
        Path heartbeat = work.resolve("heartbeat");
        String last = "";
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(1_000);
            // Stopped before its first beat, the task thread never wrote the file: that is no beat either.
            String now = Files.exists(heartbeat) ? Files.readString(heartbeat) : "";
            if (now.equals(last)) {
                return; // no beat for a second: the spinning task thread is gone
            }
            last = now;
        }
        throw new AssertionError("the looping task thread still runs after the run was stopped");
    }

    private RunResult crashBesideABystander(String how, boolean stop) throws IOException {
        Path go = work.resolve("go-" + how);
        String bystander = worker.submit(RunSpec.of("jobs.Bystander", jar).args("--go", go.toString()));
        awaitOutput(bystander, "bystander started");

        String crashing = worker.submit(RunSpec.of("jobs.Crash", jar)
                .args("--heartbeat", work.resolve("heartbeat").toString(), "--how", how));
        if (stop) {
            awaitOutput(crashing, "about to " + how);
            worker.stop(crashing);
        }
        worker.awaitFinished(crashing, Duration.ofMinutes(1));
        Files.createFile(go);
        worker.awaitFinished(bystander, Duration.ofMinutes(1));
        RunResult bystanderResult = worker.result(bystander);
        assertEquals("SUCCEEDED", bystanderResult.state(), bystanderResult::describe);
        assertTrue(bystanderResult.output().contains("bystander done [2, 4, 6]"), bystanderResult::describe);
        assertTrue(worker.isAlive(), "the worker is still running");
        return worker.result(crashing);
    }

    private void awaitOutput(String runId, String text) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (worker.result(runId).output().stream().anyMatch(line -> line.startsWith(text))) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run " + runId + " never printed '" + text + "': " + worker.eventsOf(runId));
    }
}
