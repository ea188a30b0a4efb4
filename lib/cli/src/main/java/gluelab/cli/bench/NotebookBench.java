package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.kernel.run.NotebookRun;
import gluelab.kernel.run.NotebookRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every notebook run headless three times against one Lab Cloud with a warm Glue worker (as the test
 * suite runs them), reporting each notebook's median, and the sum of medians for the whole set.
 */
final class NotebookBench implements Benchmark {

    private static final int ROUNDS = 3;

    @Override
    public String name() {
        return "notebooks";
    }

    @Override
    public String description() {
        return "each notebook's headless run time (median of 3) against a warm Lab Cloud";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(home.resolve("notebooks"))) {
            notebooks = files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
        try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.EAGER)) {
            System.setProperty("LAB_ENDPOINT", cloud.endpoint().toString());
            Map<String, List<Double>> seconds = new TreeMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Path notebook : notebooks) {
                    long started = System.nanoTime();
                    NotebookRun run = new NotebookRunner().run(notebook);
                    double took = (System.nanoTime() - started) / 1e9;
                    if (!run.succeeded()) {
                        throw new IllegalStateException(notebook.getFileName() + " failed:\n"
                                + String.join("\n", run.reportLines()));
                    }
                    seconds.computeIfAbsent(notebook.getFileName().toString(), k -> new ArrayList<>()).add(took);
                }
            }
            double total = 0;
            for (Map.Entry<String, List<Double>> entry : seconds.entrySet()) {
                Measurement measurement = Measurement.of("notebook " + entry.getKey(), "s", entry.getValue());
                total += measurement.median();
                report.add(measurement);
            }
            report.add(Measurement.of("all " + notebooks.size() + " notebooks, sum of medians", "s", List.of(total)));
        } finally {
            System.clearProperty("LAB_ENDPOINT");
        }
    }
}
