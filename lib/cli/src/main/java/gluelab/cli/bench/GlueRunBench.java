package gluelab.cli.bench;

import java.nio.file.Path;

/** Glue job runs through Lab Cloud: warm and cold latency, and the overhead against plain Spark. */
final class GlueRunBench implements Benchmark {

    @Override
    public String name() {
        return "glue";
    }

    @Override
    public String description() {
        return "warm StartJobRun to SUCCEEDED (goal: 1.5 s), the cold first run, and 1M-row overhead vs plain Spark (goal: 1.10x)";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        GlueJobBench.measure(home, report, 12, 1_000_000, 3);
    }
}
