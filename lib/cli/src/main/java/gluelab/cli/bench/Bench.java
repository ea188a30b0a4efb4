package gluelab.cli.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./lab bench [name...]}: the performance measurements. Numbers on a shared machine are noisy, so
 * every measurement is repeated and its median quoted; results also go to {@code build/bench/results.json}.
 * Benchmarks never run in the test suite.
 */
public final class Bench {

    private static final List<Benchmark> ALL = List.of(
            new LabCloudStartupBench(),
            new S3Bench(),
            new S3VersioningBench(),
            new LogsBench(),
            new EventsBench(),
            new SqsBench(),
            new RdsBench(),
            new DynamoDbBench(),
            new LambdaBench(),
            new LambdaSqsBench(),
            new EventsToLambdaBench(),
            new SecretsManagerBench(),
            new GlueRunBench(),
            new FirstJobRunBench(),
            new SparkClusterBench(),
            new DataQualityBench(),
            new GrandMasterBench(),
            new JdbcBench(),
            new IamCostBench(),
            new CrawlerBench(),
            new SchedulerBench(),
            new StepFunctionsBench(),
            new StepFunctionsSyncBench(),
            new DistributedMapBench(),
            new KernelBench(),
            new LabRunBench(),
            new NotebookBench(),
            new GradeBench());

    private Bench() {
    }

    public static int run(Path home, String[] args) throws Exception {
        Map<String, Benchmark> byName = new LinkedHashMap<>();
        ALL.forEach(b -> byName.put(b.name(), b));
        List<Benchmark> chosen = new ArrayList<>();
        for (String arg : args) {
            Benchmark benchmark = byName.get(arg);
            if (benchmark == null) {
                System.err.println("lab bench: no benchmark '" + arg + "'; there are " + byName.keySet());
                return 2;
            }
            chosen.add(benchmark);
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ALL);
        }
        PrintStream out = System.out;
        BenchReport report = new BenchReport(out);
        out.println("Glue Pipelines Lab benchmarks on " + Runtime.getRuntime().availableProcessors()
                + " cores (medians; the machine may be shared, so compare ratios rather than absolutes)");
        for (Benchmark benchmark : chosen) {
            out.println();
            out.println(benchmark.name() + ": " + benchmark.description());
            benchmark.run(home, report);
        }
        report.printTable();
        Path results = home.resolve("build/bench/results.json");
        report.writeJson(results);
        out.println("\nWritten to " + home.relativize(results));
        return 0;
    }
}
