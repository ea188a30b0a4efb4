package gluelab.glue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.worker.harness.JobJars;
import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;

class ConcurrencyTest {

    @TempDir
    static Path work;
    static WorkerProcess worker;

    /** Announces itself with a marker file, then waits for the other run's marker before finishing its Spark work. */
    static final String RENDEZVOUS = """
            package jobs;

            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;
            import java.util.Map;
            import org.apache.spark.api.java.function.MapFunction;
            import org.apache.spark.sql.Encoders;
            import org.apache.spark.sql.SparkSession;
            import gluelab.glue.util.GlueArgParser;

            public class Rendezvous {
                public static void main(String[] sysArgs) throws Exception {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"me", "other", "dir"});
                    Path dir = Path.of(args.get("dir"));
                    SparkSession spark = SparkSession.active();
                    long before = spark.range(1000).filter("id % 2 = 0").count();
                    Files.createFile(dir.resolve(args.get("me")));
                    for (int i = 0; i < 600 && !Files.exists(dir.resolve(args.get("other"))); i++) {
                        Thread.sleep(100);
                    }
                    if (!Files.exists(dir.resolve(args.get("other")))) {
                        throw new IllegalStateException(args.get("me") + " never saw " + args.get("other") + " running");
                    }
                    List<String> tagged = spark.createDataset(List.of(1, 2), Encoders.INT())
                            .map((MapFunction<Integer, String>) i -> args.get("me") + i, Encoders.STRING()).collectAsList();
                    System.out.println("I am " + args.get("me") + ", counted " + before + ", tagged " + tagged);
                    System.err.println("stderr of " + args.get("me"));
                }
            }
            """;

    @BeforeAll
    static void setUp() {
        worker = WorkerProcess.shared();
    }

    @Test
    void twoRunsOverlapAndEachGetsOnlyItsOwnOutput() {
        Path jar = JobJars.compile(work, "rendezvous.jar", TestJobs.sources("jobs.Rendezvous", RENDEZVOUS));
        String a = worker.submit(RunSpec.of("jobs.Rendezvous", jar).args("--me", "A", "--other", "B", "--dir", work.toString()));
        String b = worker.submit(RunSpec.of("jobs.Rendezvous", jar).args("--me", "B", "--other", "A", "--dir", work.toString()));
        worker.awaitFinished(a, Duration.ofMinutes(2));
        worker.awaitFinished(b, Duration.ofMinutes(2));
        RunResult runA = worker.result(a);
        RunResult runB = worker.result(b);

        assertEquals("SUCCEEDED", runA.state(), runA::describe);
        assertEquals("SUCCEEDED", runB.state(), runB::describe);
        assertEquals(List.of("I am A, counted 500, tagged [A1, A2]"), runA.output().stream().filter(l -> !l.startsWith("{")).toList());
        assertEquals(List.of("I am B, counted 500, tagged [B1, B2]"), runB.output().stream().filter(l -> !l.startsWith("{")).toList());
        assertEquals(List.of("stderr of A"), runA.error());
        assertEquals(List.of("stderr of B"), runB.error());
    }
}
